// Exact Wilcoxon–Mann–Whitney rank-sum test with mid-ranks, conditional on
// the ties (Hollander, Wolfe & Chicken 2014, §4.1 [1]; coin::wilcox_test with
// distribution = "exact" [2]).
#pragma once

#include <optional>
#include <span>

#include "pilotstat/core/exact_options.hpp"
#include "pilotstat/core/test_result.hpp"
#include "pilotstat/stats/ranks.hpp"

namespace pilotstat::inference {

struct WmwResult {
    // statistic = W (below); p from the permutation distribution of the
    // group-A mid-rank sum given the observed ties.
    core::TestResult test;
    double rank_sum_a = 0.0;  // R_A: sum of group A's mid-ranks in the pooled sample
    double w = 0.0;           // W = U = R_A - n_a (n_a + 1) / 2, as R's wilcox.test(a, b)
    // P(A > B) + 0.5 P(A = B) over all n_a n_b pairs = W / (n_a n_b).
    double prob_superiority = 0.0;
    stats::TieSummary ties;   // tie groups in the pooled sample and sum (t^3 - t)
};

// Ranks: mid-ranks of the pooled sample (ties by the library's relative
// tolerance). Null distribution: all C(N, n_a) splits of those mid-ranks,
// enumerated or by the shift/DP algorithm on 2 x mid-rank (always integers),
// else Monte Carlo — so the test stays exact with ties, unlike the
// tie-free tables of SciPy's method = "exact" [3]. Two-sided rule from
// options (deviation by default, as coin). nullopt when a group is empty;
// all values equal gives p = 1 with note "all values equal".
//
// [1] M. Hollander, D. A. Wolfe, E. Chicken. Nonparametric Statistical
//     Methods, 3rd ed. Wiley, 2014.
// [2] T. Hothorn et al. Implementing a class of permutation tests: the coin
//     package. J. Stat. Softw. 28(8), 2008.
// [3] scipy.stats.mannwhitneyu documentation ("exact" assumes no ties).
std::optional<WmwResult> wmw_test(std::span<const double> a, std::span<const double> b,
                                  const core::ExactOptions& options = {});

}  // namespace pilotstat::inference
