#pragma once

#include <CLI/CLI.hpp>

namespace pilotstat::cli {
// `pilotstat plan`: from the pilot to the main trial — the outcome SD with its
// upper confidence limit, n per arm for the MCID, and observed retention.
void setup_plan(CLI::App& app);
}  // namespace pilotstat::cli
