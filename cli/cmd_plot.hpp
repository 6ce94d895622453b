#pragma once

#include <CLI/CLI.hpp>

namespace pilotstat::cli {
// `pilotstat plot KIND FILE`: standalone SVG pictures of a study.
void setup_plot(CLI::App& app);
}  // namespace pilotstat::cli
