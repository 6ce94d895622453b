// Monte Carlo p-values: the observed statistic against B statistics of
// random arrangements drawn with the project's RNG, counted with the same
// tail rules and tie tolerance as the exact distributions (tails.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "pilotstat/core/exact_options.hpp"
#include "pilotstat/core/test_result.hpp"

namespace pilotstat::null {

// Monte Carlo p-value with the +1 correction that keeps it a valid p-value:
// p = (k + 1) / (B + 1) (Davison & Hinkley 1997, eq. 4.11; Phipson & Smyth
// 2010), standard error sqrt(p (1 - p) / B), p_floor = 1 / (B + 1); method
// monte-carlo with B and the seed.
void finish_monte_carlo(core::TestResult& r, double k, std::uint64_t B, std::uint64_t seed);

// The Monte Carlo test of `observed` against `draws` (B = draws.size(),
// drawn from Rng(options.seed)): k from extreme_count (doubled rule
// p = 2 (min(k_le, k_ge) + 1) / (B + 1), at most 1); ties within
// tie_tolerance of the largest |value|. `centre` is E T under the null for the
// deviation rule; nullopt estimates it by the mean of the draws (its error is
// within the Monte Carlo error).
core::TestResult monte_carlo_test(std::span<const double> draws, double observed, std::optional<double> centre,
                                  const core::ExactOptions& options);

}  // namespace pilotstat::null
