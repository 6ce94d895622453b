#pragma once

#include <CLI/CLI.hpp>

namespace pilotstat::cli {
// `pilotstat report`: everything, for every measure, with reasons.
void setup_report(CLI::App& app);
}  // namespace pilotstat::cli
