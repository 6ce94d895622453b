#pragma once

#include <CLI/CLI.hpp>

namespace pilotstat::cli {
// `pilotstat describe`: descriptive statistics per measure x group x time.
void setup_describe(CLI::App& app);
}  // namespace pilotstat::cli
