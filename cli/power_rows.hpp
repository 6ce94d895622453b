// The rows of `pilotstat power`: one per test (t, perm), each with the
// quantity solved for. Split from cmd_power.cpp, which keeps the options.
#pragma once

#include <cstdint>
#include <string>

#include <CLI/CLI.hpp>

#include "common.hpp"
#include "pilotstat/power/t_power.hpp"
#include "pilotstat/report/result_table.hpp"
#include "pilotstat/resample/rng.hpp"

namespace pilotstat::cli {

struct PowerOptions {
    std::string design, alternative = "two-sided", test = "all";
    int n = 0;
    double effect = 0.0, power = 0.0, alpha = 0.05;
    std::uint64_t resamples = 10000, seed = core::kDefaultSeed;
    CLI::Option *n_opt = nullptr, *effect_opt = nullptr, *power_opt = nullptr;
    OutputArgs output;
};

enum class Solve { power, effect, n };

report::ResultTable power_table();
void t_row(report::ResultTable& t, const PowerOptions& o, const power::PowerSettings& s, Solve solve);
void perm_row(report::ResultTable& t, const PowerOptions& o, const power::PowerSettings& s, Solve solve);

}  // namespace pilotstat::cli
