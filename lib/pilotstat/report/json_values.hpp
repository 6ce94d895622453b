// The one place JSON values are spelled, for every JSON pilotstat writes
// (tables, the report, check runs, plans): strings with their escapes,
// numbers as the shortest text that reads back to the same double, and
// null for a missing value or a non-finite number (JSON has no nan or inf).
#pragma once

#include <optional>
#include <string>

#include "pilotstat/report/result_table.hpp"

namespace pilotstat::report {

// "a \"b\"\n" -> "\"a \\\"b\\\"\\n\"": control characters as \u00XX.
std::string json_string(const std::string& s);

// 0.1 -> "0.1"; nan, inf -> "null".
std::string json_number(double value);
std::string json_number(const std::optional<double>& value);  // nullopt -> "null"

// A table cell: missing -> null, text -> string, integer and real -> number.
std::string json_cell(const Cell& cell);

inline std::string json_bool(bool value) { return value ? "true" : "false"; }

}  // namespace pilotstat::report
