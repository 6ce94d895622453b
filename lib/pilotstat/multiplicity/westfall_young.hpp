// Westfall–Young step-down max-T adjusted p-values for a two-group comparison
// over several measures at once (Westfall & Young 1993 [1], Algorithm 2.8;
// Ge, Dudoit & Speed 2003 [2], Box 2). The same permutations of subjects are
// applied to every measure, so the correlation between measures (instruments
// scored on the same people) is kept and the adjustment is less conservative
// than Holm while still controlling the family-wise error rate (strongly,
// under subset pivotality).
//
// Statistic per measure j: Welch's t, t_j = (mean_A - mean_B) /
// sqrt(s_A^2/n_A + s_B^2/n_B) (sample variances, n - 1), as multtest's
// mt.maxT(test = "t") [2]; directed as |t_j| (two-sided), t_j (greater) or
// -t_j (less). Welch rather than the difference over a pooled SD because arms
// of a pilot may differ in spread; with equal arms (5 v 5) the two are the
// same number, (s_A^2 + s_B^2)/n being both variances of the difference.
//
// Algorithm: order the measures by observed statistic, s_(1) >= ... >= s_(m).
// For every permutation b, successive maxima from the least significant up:
// u_{b,m} = s_{b,(m)}, u_{b,i} = max(u_{b,i+1}, s_{b,(i)}). Then
// p~_(i) = #{b : u_{b,i} >= s_(i)} / B, and the adjusted p-values are made
// monotone: p_(1) = p~_(1), p_(i) = max(p_(i-1), p~_(i)). "As large as"
// allows a relative tolerance of 1e-9.
//
// Permutations: all C(n, n_A) splits (resample::for_each_split; the observed
// split is one of them, exact) when C(n, n_A) <= opts.max_enumeration, else
// opts.resamples random splits from Rng(opts.seed) and
// p = (k + 1) / (B + 1) (the observed split counted once).
//
// [1] P. H. Westfall, S. S. Young. Resampling-Based Multiple Testing.
//     Wiley, 1993.
// [2] Y. Ge, S. Dudoit, T. P. Speed. Resampling-based multiple testing for
//     microarray data analysis. Test 12 (2003) 1-77.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "pilotstat/core/exact_options.hpp"
#include "pilotstat/core/test_result.hpp"

namespace pilotstat::multiplicity {

struct MaxTResult {
    // Per measure, in input order.
    std::vector<std::optional<double>> t;  // observed Welch t (A - B); nullopt when both SDs are 0
    std::vector<double> p_raw;             // permutation p of the same statistic, unadjusted
    std::vector<double> p_adjusted;        // step-down max-T

    std::size_t n_a = 0, n_b = 0;          // complete subjects used per group
    std::size_t excluded = 0;              // subjects dropped for a missing (NaN) value
    core::Alternative alternative = core::Alternative::two_sided;
    core::Method method = core::Method::exact_enumeration;
    double permutations = 0;               // C(n, n_A), or B for Monte Carlo
    std::optional<std::uint64_t> seed;     // Monte Carlo only
};

// values[i][j]: subject i, measure j (every row the same length; NaN =
// missing: subjects with any missing value are excluded and counted).
// in_a[i] != 0 puts subject i in group A. nullopt when a group has fewer than
// 2 complete subjects or there are no measures. Throws UsageError for ragged
// rows, a size mismatch or infinite values, and ComputeError when
// Monte Carlo is needed with opts.resamples = 0.
std::optional<MaxTResult> westfall_young_maxt(const std::vector<std::vector<double>>& values,
                                              std::span<const int> in_a,
                                              const core::ExactOptions& opts = {});

}  // namespace pilotstat::multiplicity
