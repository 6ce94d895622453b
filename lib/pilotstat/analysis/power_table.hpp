// The table of `pilotstat power`: for a design, alpha and alternative, two of
// (n, effect, power) given and the third solved for, one row per test (the
// noncentral t and the simulated exact permutation / sign-flip test). The
// options are typed here with their defaults defined once; the CLI fills them
// from its flags and `check` from key=value text (power_options), so both
// compute the same rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pilotstat/analysis/option_values.hpp"
#include "pilotstat/core/seed.hpp"
#include "pilotstat/report/result_table.hpp"

namespace pilotstat::analysis {

struct PowerOptions {
    std::string design;                   // "paired" or "two-sample" (required)
    std::string alternative = "two-sided";
    std::string test = "all";             // t, perm or all
    std::optional<int> n;                 // pairs (paired) or per arm (two-sample)
    std::optional<double> effect;         // dz (paired) or d (two-sample)
    std::optional<double> power;          // target power
    double alpha = 0.05;
    std::uint64_t resamples = 10000;      // simulated data sets for the permutation test
    std::uint64_t seed = core::kDefaultSeed;
};

// Keys of power_options: design, n, effect, power, alpha, alternative, test, resamples, seed.
const std::vector<std::string>& power_option_keys();
// From key=value text, with the ranges of the command line (UsageError otherwise).
PowerOptions power_options(const OptionMap& options);

// Columns design,test,n,alpha,alternative,power,effect,solved,method,mc_se,
// n_real,p_floor,note. Throws UsageError unless exactly two of n, effect and
// power are given, or when a solved-for power target is not above alpha.
report::ResultTable power_table(const PowerOptions& options);

}  // namespace pilotstat::analysis
