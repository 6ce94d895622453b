// Sign-flip arrangements for paired / one-sample permutation tests
// (Fisher 1935; Good 2005, ch. 3): under H0 each paired difference is as
// likely to be +|d_i| as -|d_i|, so the null distribution of a sum statistic
// S = sum_i s_i |a_i| (s_i = ±1) is taken over all 2^n sign vectors.
//
// Every provider here works on the scores a_i (the differences themselves for
// the sign-flip test, signed mid-ranks for the signed-rank test) and reports
// the statistic T = offset + scale * S through an AffineMap, so the mean
// difference (scale 1/n) and Wilcoxon's V (offset sum|a|/2, scale 1/2) share
// one engine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "pilotstat/core/test_result.hpp"
#include "pilotstat/null/exact_distribution.hpp"
#include "pilotstat/resample/rng.hpp"

namespace pilotstat::null {

// T = offset + scale * S, scale > 0 (so "greater" in S is "greater" in T).
struct AffineMap {
    double offset = 0.0;
    double scale = 1.0;
    double operator()(double s) const noexcept { return offset + scale * s; }
};

// The statistic for an integer sum of scaled units: map(sum_units * step).
// Enumeration (on integer scores) and DP both convert through this one
// function, so their supports agree exactly.
inline double sign_flip_value(std::int64_t sum_units, double step, AffineMap map) noexcept {
    return map(static_cast<double>(sum_units) * step);
}

// 2^n as a double (exact for n <= 1023).
double sign_flip_arrangements(std::size_t n);

// Largest n enumerated at all (2^30 sums would need 8 GB); callers normally
// stop far earlier through ExactOptions::max_enumeration.
inline constexpr std::size_t kMaxSignFlipEnumeration = 30;

// Exact null distribution of T = map(sum_i s_i |a_i|) by visiting all 2^n
// sign vectors in Gray-code order, updating the sum in O(1) per step (one
// sign changes). When the scores are integers after scaling (detected with
// integer_scaling) the sums are accumulated exactly in 64-bit integers and
// converted with the same formula as the DP provider, so both give the same
// support bit for bit; otherwise in double. Throws ComputeError for
// n > kMaxSignFlipEnumeration.
ExactDistribution enumerate_sign_flips(std::span<const double> scores, AffineMap map = {});

// One random sign vector (one random bit per observation, 64 per draw of the
// RNG): returns T = map(sum_i s_i |a_i|).
struct SignFlipDraw {
    std::vector<double> magnitudes;
    AffineMap map;
    double operator()(resample::Rng& rng) const;
};
SignFlipDraw sign_flip_draw(std::span<const double> scores, AffineMap map);

// Monte Carlo sign flips: B random sign vectors from Rng(seed) (SignFlipDraw),
// counted by monte_carlo_test (the null mean of T is exactly map(0)); the
// doubled two-sided rule gives p = min(1, 2 (min(k_le, k_ge) + 1) / (B + 1)).
core::TestResult monte_carlo_sign_flips(std::span<const double> scores, double observed_sum,
                                             AffineMap map, core::Alternative alternative,
                                             core::TwoSidedRule rule, std::uint64_t resamples,
                                             std::uint64_t seed);

}  // namespace pilotstat::null
