#pragma once

#include <CLI/CLI.hpp>

namespace pilotstat::cli {
// `pilotstat compare`: between-group comparisons.
void setup_compare(CLI::App& app);
}  // namespace pilotstat::cli
