// Westfall–Young step-down max-T adjusted p-values for a two-group comparison
// over several measures at once (Westfall & Young 1993 [1], Algorithm 2.8;
// Ge, Dudoit & Speed 2003 [2], Box 2). The same permutations of subjects are
// applied to every measure, so the correlation between measures (instruments
// scored on the same people) is kept and the adjustment is less conservative
// than Holm while still controlling the family-wise error rate (strongly,
// under subset pivotality).
//
// Statistic per measure j: the primary statistic of the report's between-arm
// test, the difference of means A - B over the measure's available values,
// divided by d_j, the SD (n - 1) of all available values of measure j with
// both arms pooled: s_j = (mean_A - mean_B) / d_j. d_j does not change under
// relabeling, so within a measure s_j orders the relabelings exactly as the
// mean difference does (and |s_j| as the deviation two-sided rule of the
// permutation test), while dividing by it puts the measures on one scale for
// the maximum. Directed as |s_j| (two-sided), s_j (greater) or -s_j (less);
// s_j = 0 when a relabeling leaves an arm with no value of measure j or the
// measure has no spread. Subjects are relabeled jointly over measures (one
// split of the subjects for every measure), each measure on its available
// cases, so under joint relabeling a measure's available arm sizes vary and
// its marginal p (p_raw) can differ from the permutation test at the observed
// arm sizes: callers that adjust that test report max(p_adjusted, its p).
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
    std::vector<double> statistic;         // observed (mean_A - mean_B) / pooled SD of the available values
    std::vector<double> p_raw;             // permutation p of the same statistic, unadjusted
    std::vector<double> p_adjusted;        // step-down max-T

    std::size_t n_a = 0, n_b = 0;          // subjects with at least one value, per group
    std::size_t excluded = 0;              // subjects with no value at all (every measure NaN)
    core::Alternative alternative = core::Alternative::two_sided;
    core::Method method = core::Method::exact_enumeration;
    double permutations = 0;               // C(n, n_A), or B for Monte Carlo
    std::optional<std::uint64_t> seed;     // Monte Carlo only
};

// values[i][j]: subject i, measure j (every row the same length; NaN =
// missing: each measure uses its available values; subjects with no value
// are excluded and counted). in_a[i] != 0 puts subject i in group A. nullopt
// when a group has fewer than 2 subjects with a value or there are no measures. Throws UsageError for ragged
// rows, a size mismatch or infinite values, and ComputeError when
// Monte Carlo is needed with opts.resamples = 0.
std::optional<MaxTResult> westfall_young_maxt(const std::vector<std::vector<double>>& values,
                                              std::span<const int> in_a,
                                              const core::ExactOptions& opts = {});

}  // namespace pilotstat::multiplicity
