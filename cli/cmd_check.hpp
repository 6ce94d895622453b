#pragma once

#include <CLI/CLI.hpp>

namespace pilotstat::cli {
// `pilotstat check`: recompute the numbers of expectations files and compare
// them with their tolerances; exit 1 when any is off.
void setup_check(CLI::App& app);
}  // namespace pilotstat::cli
