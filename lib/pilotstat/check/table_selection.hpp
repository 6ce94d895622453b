// Picking rows of a subcommand's ResultTable with a selection
// (docs/check.md, "Selecting a number"): keys that are options of the
// command go to commands::run_table_command; keys that are columns filter
// rows by the cell's text as csv prints it; a key that is both does both
// (from=T0 computes from T0 and keeps the rows with from = T0).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pilotstat/commands/table_command.hpp"
#include "pilotstat/check/selection.hpp"
#include "pilotstat/report/result_table.hpp"

namespace pilotstat::check {

struct TableQuery {
    std::string command;
    analysis::OptionMap options;                               // keys that are options
    std::vector<std::pair<std::string, std::string>> filters;  // all keys except column= (options too)
    std::optional<std::string> column;                         // value of column=
};

// Splits a selection of a table command into options and filters.
TableQuery table_query(const Selection& select);

struct RowMatch {
    std::vector<std::size_t> rows;  // indices of the rows every filter keeps
    std::string problem;            // why none or several matched (empty when exactly one)
};

// Applies the filters in order. A filter naming no column (and no option)
// is a problem; when no row is left the problem names the first filter that
// emptied the selection and the values that column has; when several are
// left it names a column that tells them apart.
RowMatch match_rows(const report::ResultTable& table, const TableQuery& query);

// The text of a cell as csv prints it (shortest round-trip number, "" when missing).
std::string cell_text(const report::Cell& cell);

}  // namespace pilotstat::check
