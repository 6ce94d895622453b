// `check --record`: writes an expectations file from the current results,
// a snapshot to commit (docs/check.md, "Recording a snapshot").
#pragma once

#include <string>
#include <vector>

#include "pilotstat/data/instrument_norms.hpp"
#include "pilotstat/data/study.hpp"

namespace pilotstat::check {

// Each pattern is a selection of a table command whose keys may match many
// rows; column= names columns as a comma list with * wildcards (default:
// every numeric column). One expectation per matched row and column with a
// value: its select names the command's options from the pattern, the
// row's leading text columns (measure, group, time, ...) and column=NAME;
// real values are written rounded to `digits` decimals with tolerance
// decimals:`digits`, integers exactly with tolerance exact. Returns the CSV
// text (header id,select,expected,tolerance,note). Throws UsageError for a
// pattern that does not parse, names a summary row, or matches nothing.
// `norms` as for commands::run_table_command.
std::string record_expectations(const data::Study& study, const std::vector<std::string>& patterns, int digits,
                                const data::NormsRegistry& norms = data::NormsRegistry::builtin());

// True when `name` matches `pattern`, where * matches any run of characters.
bool wildcard_match(const std::string& pattern, const std::string& name);

// One CSV field: quoted (RFC 4180) when it holds a comma, quote or line break.
std::string csv_field(const std::string& s);

}  // namespace pilotstat::check
