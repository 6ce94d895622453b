#pragma once

#include <CLI/CLI.hpp>

namespace pilotstat::cli {
// `pilotstat power`: power, minimal detectable effect or n needed (give two of
// n, effect, power), t-based and for the exact permutation test (simulated).
void setup_power(CLI::App& app);
}  // namespace pilotstat::cli
