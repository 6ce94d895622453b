// Options shared by every permutation-type test: which alternative, which
// two-sided rule, and the cost limits with which null::choose_provider picks
// the null distribution's provider (enumeration, shift/DP or Monte Carlo with
// B resamples from the project's RNG).
#pragma once

#include <cstdint>

#include "pilotstat/core/test_result.hpp"
#include "pilotstat/core/seed.hpp"

namespace pilotstat::core {

// Largest shift/DP table held in memory whatever ExactOptions::max_dp_cells
// says: 2.5e7 doubles = 200 MB.
inline constexpr double kMaxDpTableCells = 2.5e7;

struct ExactOptions {
    Alternative alternative = Alternative::two_sided;
    TwoSidedRule two_sided_rule = TwoSidedRule::deviation;
    // Enumerate at most this many arrangements (12 v 12 is 2.7e6 splits,
    // paired n = 22 4.2e6 sign vectors); integer-scaled data use the DP
    // whenever it is cheaper, and only data with neither go to Monte Carlo.
    double max_enumeration = 5.0e6;
    double max_dp_cells = 2.0e8;         // largest DP table (cells) held
    std::uint64_t resamples = 100000;    // Monte Carlo B (--resamples)
    std::uint64_t seed = kDefaultSeed;  // --seed
};

}  // namespace pilotstat::core
