// Expectations files (docs/check.md): CSV with columns id, select, expected,
// tolerance and optionally note; one number to recompute per row. Lines
// whose first character is '#' are comments.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pilotstat/check/selection.hpp"
#include "pilotstat/check/tolerance.hpp"
#include "pilotstat/error.hpp"

namespace pilotstat::check {

struct Expectation {
    std::string id;
    Selection select;
    std::string select_text;  // as written
    Expected expected;
    Tolerance tolerance;
    std::string note;
    SourceLocation where;  // file and line of the row
};

// Reads and validates a whole file ("-" = standard input) before anything runs. Throws DataError
// "FILE:LINE:COLUMN: ..." (COLUMN = the field number) for a missing or
// unknown header column, an empty or duplicate id, a select that does not
// parse, an unknown command, a data row without column=, a key a summary
// row does not take, an expected value that is not a number (bounds like
// <0.05 only with p:K), or an unknown tolerance.
std::vector<Expectation> read_expectations(const std::string& path);

// The same from memory; `source_name` names it in messages.
std::vector<Expectation> parse_expectations(const std::string& source_name, std::string_view text);

// Every command a select may start with: the table commands of
// commands::table_commands() and the summary rows (grim, grimmer, pct_change, pvalue).
std::vector<std::string> check_commands();

}  // namespace pilotstat::check
