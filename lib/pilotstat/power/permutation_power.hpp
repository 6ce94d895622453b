// Power of the exact permutation tests by simulation under a normal shift
// model, so that the p-floor and the discreteness of exact tests are
// accounted for (Lehmann & Romano 2005 [1], §5.8–5.9, §15.2: permutation
// tests are exact at every n, and under normality asymptotically as
// powerful as the t test; at small n they can be much weaker, and at n = 5
// paired, two-sided alpha 0.05, powerless).
//
// Model (standardized effects, as t_power.hpp):
//   paired      d_i = dz + Z_i, i = 1..n, tested with the exact sign-flip
//               test of mean(d) (inference::signflip_test);
//   two-sample  a_i = d + Z_i, b_i = Z'_i, n per arm, tested with the exact
//               permutation test of mean(a) - mean(b)
//               (inference::permutation_test);
// Z ~ N(0, 1) from the project's Rng. A replicate rejects when
// p <= alpha (1 + 1e-10) (the factor only absorbs rounding in k / total).
// Power = rejections / R, Monte Carlo SE sqrt(power (1 - power) / R).
//
// Determinism: replicate r belongs to chunk r / kChunkSize and chunk c draws
// from Rng::stream(seed, c), so the estimate depends on (seed, R) only, never
// on the number of threads. For the same seed the standard normal draws are
// the same at every effect (common random numbers), which makes the
// estimated power curve monotone in practice and the bisection for the
// minimal detectable effect well behaved.
//
// The inner test enumerates its null distribution when it has at most
// `max_enumeration` arrangements; beyond that it is the Monte Carlo version of
// the same test with `inner_resamples` random arrangements (p = (k+1)/(B+1)),
// whose power is marginally below the exact test's.
//
// [1] E. L. Lehmann, J. P. Romano. Testing Statistical Hypotheses, 3rd ed.
//     Springer, 2005.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "pilotstat/core/test_result.hpp"
#include "pilotstat/power/t_power.hpp"
#include "pilotstat/resample/rng.hpp"

namespace pilotstat::power {

inline constexpr std::uint64_t kChunkSize = 250;  // replicates per RNG stream

struct SimulationOptions {
    std::uint64_t replicates = 10000;  // R (--resamples)
    std::uint64_t seed = core::kDefaultSeed;
    unsigned threads = 0;              // 0 = min(hardware_concurrency, 2)
    double max_enumeration = 4096;     // inner test: enumerate up to this many arrangements
    std::uint64_t inner_resamples = 999;    // inner test beyond that: Monte Carlo B
};

// Note codes (short, machine-readable; prose lives in explain/).
inline constexpr const char* kNotePFloor = "p-floor above alpha: power 0 for every effect";
inline constexpr const char* kNoteNotReached = "power not reached";

struct SimulatedPower {
    double power = 0.0;
    double mc_se = 0.0;              // sqrt(power (1 - power) / R); 0 when not simulated
    std::uint64_t replicates = 0;    // R actually simulated (0 when power is known exactly)
    std::uint64_t rejections = 0;
    std::uint64_t seed = 0;
    double p_floor = 0.0;            // smallest attainable p of the (inner) test
    core::Method inner_method = core::Method::exact_enumeration;
    std::uint64_t inner_resamples = 0;  // B of the inner Monte Carlo test (0 when enumerated)
    std::string note;                // kNotePFloor or empty

    // "simulation (R=10000, seed=7; inner exact-enumeration)", "... inner
    // monte-carlo B=999)", or "exact (p-floor)" when not simulated.
    std::string method_label() const;
};

// Smallest attainable p-value of the test applied to n continuous values
// (no ties, no zero differences): paired 2/2^n two-sided, 1/2^n one-sided;
// two-sample 2/C(2n, n) two-sided, 1/C(2n, n) one-sided; when the inner test
// is Monte Carlo, 1/(B+1).
double permutation_p_floor(const PowerSettings& s, int n, const SimulationOptions& sim);

// Simulated power of the exact permutation test with n pairs / n per arm at
// standardized effect `effect`. Returns power 0, exactly and without
// simulating, when the p-floor exceeds alpha (note kNotePFloor). Throws
// UsageError for n < 2, R = 0, or invalid alpha.
SimulatedPower permutation_power(const PowerSettings& s, int n, double effect, const SimulationOptions& sim);

// Minimal detectable effect of the permutation test: the smallest effect
// whose simulated power reaches `power`, by bisection on the effect with
// common random numbers (same seed at every effect) to an absolute
// tolerance of 1e-3. `effect` is nullopt with note kNotePFloor when the
// p-floor exceeds alpha. `at` is the simulated power at the returned effect.
struct SimulatedEffect {
    std::optional<double> effect;
    SimulatedPower at;
    std::string note;
};
SimulatedEffect permutation_min_effect(const PowerSettings& s, int n, double power, const SimulationOptions& sim);

// n needed by the permutation test: the smallest n (pairs / per arm) whose
// simulated power reaches `power`, searching n one at a time from the
// t-based n (the t test is the most powerful test under normality, so the
// permutation test needs at least about as many) down while the target
// still holds and up otherwise, never below the smallest n whose p-floor is
// at most alpha, and not beyond max_n (then nullopt, note kNoteNotReached).
struct SimulatedSampleSize {
    std::optional<int> n;
    SimulatedPower at;  // at n (or at max_n when not reached)
    std::string note;
};
SimulatedSampleSize permutation_sample_size(const PowerSettings& s, double effect, double power,
                                            const SimulationOptions& sim, int max_n = 200);

}  // namespace pilotstat::power
