#pragma once

#include <CLI/CLI.hpp>

namespace pilotstat::cli {
// `pilotstat change`: within-group change between two times.
void setup_change(CLI::App& app);
}  // namespace pilotstat::cli
