// Output of a check run, one writer per format (docs/check.md, "Output"):
//   text   one aligned line per row (id, expected, computed, difference,
//          tolerance, PASS/FAIL and why), then "N passed, M failed"
//   tap    TAP version 13, a YAML block under each failing row
//   json   {"passed": N, "failed": M, "results": [...]}
//   junit  JUnit XML: one <testsuite> per expectations file, one <testcase> per row
// Writers write to the stream they are given.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "pilotstat/check/runner.hpp"

namespace pilotstat::check {

// "text", "tap", "json" (junit is written with --junit FILE, beside one of these).
const std::vector<std::string>& check_formats();

// Throws UsageError listing the valid formats for anything else.
// `digits`: least decimals shown for computed values in text.
void render_check(const CheckRun& run, std::string_view format, std::ostream& out, int digits);

void render_text(const CheckRun& run, std::ostream& out, int digits);
void render_tap(const CheckRun& run, std::ostream& out);
void render_json(const CheckRun& run, std::ostream& out);
void render_junit(const CheckRun& run, std::ostream& out);

// Decimals text shows for a row's numbers: max(digits, decimals of expected + 2), at most 12.
int shown_decimals(const Expectation& e, int digits);


}  // namespace pilotstat::check
