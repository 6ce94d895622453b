// Expectation rows that need no raw data (docs/check.md, "Published numbers
// without data"): grim, grimmer, pct_change and pvalue. Each reads its keys
// from the selection, checks them, and runs the consistency test.
#pragma once

#include <string_view>

#include "pilotstat/check/outcome.hpp"
#include "pilotstat/check/selection.hpp"
#include "pilotstat/check/tolerance.hpp"

namespace pilotstat::check {

// True for "grim", "grimmer", "pct_change" and "pvalue".
bool is_summary_command(std::string_view command);

// Throws std::invalid_argument naming the problem (unknown or missing key,
// a value that is not a number, a tolerance the row cannot use). The
// expectations reader calls it so that a malformed row stops the run (exit 3).
void validate_summary_row(const Selection& select, const Expected& expected, const Tolerance& tolerance);

// Runs a validated row.
Outcome run_summary_row(const Selection& select, const Expected& expected, const Tolerance& tolerance);

}  // namespace pilotstat::check
