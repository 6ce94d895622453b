// The exact sign-flip (one-sample / paired permutation) test of the mean
// difference, and the provider choice shared with the signed-rank test.
#pragma once

#include <optional>
#include <span>

#include "pilotstat/core/exact_options.hpp"
#include "pilotstat/core/test_result.hpp"
#include "pilotstat/null/sign_flips.hpp"

namespace pilotstat::inference {

// P-value of the observed sign-flip sum S = sum_i sign(d_i) |a_i| for the
// statistic T = map(S), by null::run: enumeration of all 2^n sign vectors
// (cost 2^n), the DP when the scores are integers after scaling (work
// n (sum|u| + 1), table sum|u| + 1), or Monte Carlo with opts.resamples sign
// vectors from Rng(opts.seed), whichever null::choose_provider picks.
core::TestResult sign_flip_null_test(std::span<const double> scores, double observed_sum,
                               null::AffineMap map, const core::ExactOptions& opts);

// Exact sign-flip permutation test of the mean paired difference (Fisher 1935;
// Good 2005, §3.1 [1]). Statistic: mean(d). Null: each d_i is +|d_i| or -|d_i|
// with probability 1/2 independently, 2^n equally likely arrangements.
// Two-sided p = P(|T| >= |t|) (the null is symmetric about 0, so the
// deviation and doubled rules agree). p_floor: 2/2^n two-sided when no d_i is
// zero; each zero difference doubles the weight of every point, so the floor
// rises (it is what the distribution says). Returns nullopt for n = 0; all
// differences zero gives p = 1 with note "all differences zero". Throws
// DataError for non-finite differences.
// [1] Good P.I. (2005). Permutation, Parametric and Bootstrap Tests of
//     Hypotheses, 3rd ed. Springer.
std::optional<core::TestResult> signflip_test(std::span<const double> differences,
                                        const core::ExactOptions& opts = {});

// Throws DataError when any value is NaN or infinite (shared by the paired tests).
void require_finite_differences(std::span<const double> differences);

}  // namespace pilotstat::inference
