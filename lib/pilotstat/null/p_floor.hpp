// Design p-floors: the smallest p-value that ANY data of this size
// could give with a test, before looking at the data. Ties and zeros in the
// observed data can only raise the smallest attainable p (TestResult::p_floor
// reports that conditional value); the design floor answers "could a study
// of this size ever be significant with this test?".
#pragma once

#include <cstddef>
#include <cstdint>

#include "pilotstat/core/test_result.hpp"

namespace pilotstat::null {

// Sign-flip and signed-rank tests on n pairs: all 2^n sign patterns equally
// likely; the most extreme pattern has probability 2^-n, so the floor is
// 2 / 2^n two-sided and 1 / 2^n one-sided (capped at 1). n = 5: 0.0625.
double design_floor_paired(std::size_t n, core::Alternative alternative);

// Two-sample permutation and Wilcoxon–Mann–Whitney tests on n_a + n_b
// subjects: 1 / C(n_a + n_b, n_a) one-sided, twice that two-sided
// (capped at 1). 5 v 5: 2/252.
double design_floor_two_sample(std::size_t n_a, std::size_t n_b, core::Alternative alternative);

// The permutation test on the values themselves (difference in means). Under
// the deviation two-sided rule (P(|T - ET| >= |t - ET|), coin's) and n_a != n_b
// the null distribution is not symmetric, so the single most extreme split can
// stand alone: the two-sided floor is 1 / C(N, n_a), as one-sided (2 v 4 with
// values 1..5, 100: p = 1/15). Equal sizes (swapping the groups negates the
// statistic) or the doubled rule: as design_floor_two_sample. Rank tests use
// this floor too: untied rank sums are symmetric, but with ties (mid-ranks)
// one split can be extreme alone at unequal sizes (a = 12, 14, 15 v
// b = 10, 10, 10, 10: p_wmw = 1/35, as coin), and "any data" includes ties.
double design_floor_permutation(std::size_t n_a, std::size_t n_b, core::Alternative alternative, core::TwoSidedRule rule);

// Monte Carlo with B resamples: p = (k + 1) / (B + 1) is at least 1 / (B + 1).
double monte_carlo_floor(std::uint64_t resamples);

}  // namespace pilotstat::null
