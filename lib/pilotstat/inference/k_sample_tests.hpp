// k-sample (k >= 2, meant for k >= 3) permutation tests of "no difference
// between groups": the one-way ANOVA F and the Kruskal–Wallis H, both with
// their permutation distribution over all assignments of the group labels
// to the pooled values (N! / (n_1! ... n_k!) of them), enumerated when
// feasible (nested revolving-door splits), else Monte Carlo (random label
// permutations, p = (k+1)/(B+1)). Both statistics are increasing functions
// of the between-group sum of squares of their scores, which is what the
// null distribution is built on; the alternative is always the upper tail
// (ExactOptions::alternative and two_sided_rule are not used).
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "pilotstat/core/exact_options.hpp"
#include "pilotstat/core/test_result.hpp"
#include "pilotstat/stats/ranks.hpp"

namespace pilotstat::inference {

struct OneWayResult {
    // statistic = F when defined; when the within-group SS is zero (and the
    // between-group SS is not) F is infinite, so statistic = ss_between and
    // note = "zero within-group variance". Alternative: greater.
    core::TestResult test;
    std::optional<double> f;
    double ss_between = 0.0;  // sum_g n_g (mean_g - mean)^2
    double ss_within = 0.0;   // sum_g sum_i (x_gi - mean_g)^2
    double df_between = 0.0;  // k - 1
    double df_within = 0.0;   // N - k
};

// Permutation one-way ANOVA: F = (SSB/(k-1)) / (SSW/(N-k)) with its
// permutation null distribution (Edgington & Onghena 2007, ch. 4 [1]; as
// coin::oneway_test with k groups, whose exact version coin does not offer).
// nullopt when there are fewer than 2 groups or a group is empty; all values
// equal gives p = 1 with note "all values equal".
//
// [1] E. S. Edgington, P. Onghena. Randomization Tests, 4th ed. Chapman &
//     Hall/CRC, 2007.
std::optional<OneWayResult> anova_permutation_test(std::span<const std::vector<double>> groups,
                                                   const core::ExactOptions& options = {});

struct KruskalResult {
    // statistic = H (tie-corrected); p from the permutation distribution of
    // the mid-ranks given the ties. Alternative: greater.
    core::TestResult test;
    double h = 0.0;
    double df = 0.0;            // k - 1
    double asymptotic_p = 1.0;  // P(chi^2_{k-1} >= H), as R's kruskal.test
    stats::TieSummary ties;
};

// Kruskal–Wallis test (Kruskal & Wallis 1952 [2]; Hollander, Wolfe & Chicken
// 2014, §6.1 [3]) on mid-ranks of the pooled sample:
// H = (N - 1) sum_g n_g (Rbar_g - Rbar)^2 / sum_i (R_i - Rbar)^2, which equals
// 12/(N(N+1)) sum R_g^2/n_g - 3(N+1) divided by the tie correction
// 1 - sum(t^3 - t)/(N^3 - N). The exact p is conditional on the ties.
// nullopt as for anova_permutation_test; all values equal gives H = 0,
// p = 1, note "all values equal".
//
// [2] W. H. Kruskal, W. A. Wallis. Use of ranks in one-criterion variance
//     analysis. J. Am. Stat. Assoc. 47 (1952) 583-621.
// [3] M. Hollander, D. A. Wolfe, E. Chicken. Nonparametric Statistical
//     Methods, 3rd ed. Wiley, 2014.
std::optional<KruskalResult> kruskal_wallis_test(std::span<const std::vector<double>> groups,
                                                 const core::ExactOptions& options = {});

}  // namespace pilotstat::inference
