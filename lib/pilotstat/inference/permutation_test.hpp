// Two-sample permutation tests whose statistic is an increasing affine
// function of the sum of group A's scores: the mean difference (raw scores)
// and the Wilcoxon–Mann–Whitney W (mid-rank scores) are both of this form.
// The null engine (null::run) chooses the provider by cost:
//   exact-enumeration  revolving-door splits, O(1) per split, C(N, n_a) of
//      them; integer sums tallied when the scores scale to integers;
//   exact-dp           scores integer after scaling: the shift/DP of
//      Streitberg & Röhmel 1986, used whenever its work is below C(N, n_a)
//      (or the splits are too many to enumerate) and its table fits;
//   monte-carlo        B random splits (partial Fisher–Yates with
//      Rng::below), p = (k+1)/(B+1).
// Exact p-values all go through null::ExactDistribution (deviation two-sided
// rule by default, as coin).
#pragma once

#include <cstddef>
#include <optional>
#include <span>

#include "pilotstat/core/exact_options.hpp"
#include "pilotstat/core/test_result.hpp"

namespace pilotstat::inference {

// statistic = center + slope * (S_A - E S_A), slope > 0, where S_A is the sum
// of group A's scores and E S_A = n_a * (sum of all scores) / N its
// permutation mean.
struct SumStatistic {
    double center = 0.0;
    double slope = 1.0;
};

// Permutation test of an affine function of the group-A score sum. `scores`
// holds group A's scores first (n_a of them), then group B's. Requires
// 1 <= n_a < N (else ComputeError). The result's statistic is the observed
// value of the affine statistic; method and, for Monte Carlo, seed and
// mc_se are filled in.
core::TestResult sum_statistic_test(std::span<const double> scores, std::size_t n_a, SumStatistic statistic,
                              const core::ExactOptions& options);

// Exact two-sample permutation test of the difference in means,
// statistic mean(a) - mean(b), over all C(n_a + n_b, n_a) splits of the
// pooled values (Ernst 2004 [1]; coin::oneway_test(distribution = "exact")
// [2]). Two-sided p by ExactOptions::two_sided_rule (default deviation:
// P(|T| >= |t|), since E T = 0). nullopt when a group is empty; all values
// equal gives p = 1 with note "all values equal".
//
// [1] M. D. Ernst. Permutation methods: a basis for exact inference.
//     Statistical Science 19 (2004) 676-685.
// [2] T. Hothorn, K. Hornik, M. A. van de Wiel, A. Zeileis. Implementing a
//     class of permutation tests: the coin package. J. Stat. Softw. 28(8), 2008.
std::optional<core::TestResult> permutation_test(std::span<const double> a, std::span<const double> b,
                                           const core::ExactOptions& options = {});

}  // namespace pilotstat::inference
