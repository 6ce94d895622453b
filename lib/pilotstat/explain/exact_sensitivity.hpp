// Design sensitivity of the report's primary exact tests by simulation: the
// smallest true standardized effect that the exact sign-flip test, the exact
// permutation test of the mean difference, or the exact permutation test of
// the ANCOVA-adjusted difference detects with a target power at the arm
// sizes, alpha and alternative of the study as run. A property of the
// design, never of the observed effect (Hoenig & Heisey 2001 [1]).
//
// Model (effects in SD units of the test's own quantity):
//   sign-flip    d_i = delta + Z_i, i = 1..n (delta in SDs of the change, dz);
//   permutation  y_i = delta [i in A] + Z_i, n_a v n_b (delta in SDs of the
//                compared values);
//   ANCOVA       y_i = delta [i in A] + beta x_i + Z_i with the study's own
//                baselines x (the design as randomized), delta in residual
//                SDs; beta drops out because the adjusted difference is
//                invariant to it;
// Z ~ N(0, 1) from the project's Rng (resample::Rng, seeded).
//
// Each of these statistics is linear in the data: for arrangement g (a sign
// pattern or a split) T_g = c_g . y. So T_g(delta) = c_g . Z + delta c_g . s
// for the shift pattern s, and one set of replicates serves every delta
// (common random numbers), which keeps the bisection for the minimal
// effect monotone and cheap. The p-value of each replicate follows the
// tests' own rules (inference::signflip_test, permutation_test,
// models::ancova): one-sided counts T_g >= t (<= t); two-sided counts
// |T_g - E T| >= |t - E T| (coin's deviation rule) or doubles the smaller
// tail; ties within a relative 1e-9. A replicate rejects when p <= alpha.
// Up to kMaxEnumerated arrangements are enumerated; beyond that the inner
// test is its Monte Carlo version over kInnerResamples fixed random
// arrangements plus the observed one (p = (k + 1) / (B + 1)), whose power is
// marginally below the exact test's; the result says which.
//
// [1] Hoenig J.M., Heisey D.M. (2001). The abuse of power: the pervasive
//     fallacy of power calculations for data analysis. Am Stat 55, 19-24.
// [2] Lehmann E.L., Romano J.P. (2005). Testing Statistical Hypotheses, 3rd
//     ed., §5.8-5.9, §15.2: permutation tests under a shift model.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <tuple>
#include <vector>

#include "pilotstat/core/test_result.hpp"

namespace pilotstat::explain {

enum class ExactTest { signflip, permutation, ancova_permutation };

inline constexpr double kMaxEnumerated = 2048;          // arrangements enumerated per replicate
inline constexpr std::uint64_t kInnerResamples = 999;   // beyond: fixed random arrangements
inline constexpr std::uint64_t kSensitivityReplicates = 2000;  // R: MC SE of power 0.8 is 0.009

struct ExactDesign {
    ExactTest test = ExactTest::permutation;
    std::size_t n_a = 0, n_b = 0;   // sign-flip: n_a pairs, n_b = 0
    std::vector<double> baseline;   // ANCOVA: the baselines, arm A first (n_a + n_b)
    core::Alternative alternative = core::Alternative::two_sided;
    core::TwoSidedRule rule = core::TwoSidedRule::deviation;
};

struct ExactSensitivity {
    std::optional<double> effect;  // minimal detectable effect (SD units, > 0); nullopt: not reached
    double power_at = 0.0;         // simulated power at `effect`
    double mc_se = 0.0;            // sqrt(power (1 - power) / R)
    std::uint64_t replicates = 0;
    std::uint64_t seed = 0;
    double arrangements = 0.0;     // of the exact test (2^n, C(N, n_a))
    bool enumerated = true;        // false: inner Monte Carlo test with inner_resamples
    std::uint64_t inner_resamples = 0;
    double max_effect = 0.0;       // the largest effect searched (when not reached)
};

// Minimal effect with power >= `power` for the level-`alpha` test of
// `design`, to 1e-3 SD. Throws UsageError for an empty arm, fewer than 2
// pairs, ANCOVA baselines of the wrong length, or alpha/power outside (0, 1).
ExactSensitivity simulate_exact_sensitivity(const ExactDesign& design, double alpha, double power,
                                            std::uint64_t seed, std::uint64_t replicates = kSensitivityReplicates);

// Results per (design, alpha, power, seed): a report has many rows of one
// design (every measure at 5 v 5), which are simulated once.
class SensitivityCache {
public:
    ExactSensitivity get(const ExactDesign& design, double alpha, double power, std::uint64_t seed);
    std::size_t size() const;

private:
    using Key = std::tuple<int, std::size_t, std::size_t, std::vector<double>, int, int, double, double, std::uint64_t>;
    mutable std::mutex mutex_;
    std::map<Key, ExactSensitivity> results_;
};

}  // namespace pilotstat::explain
