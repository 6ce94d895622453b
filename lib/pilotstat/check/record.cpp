#include "pilotstat/check/record.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "pilotstat/commands/table_command.hpp"
#include "pilotstat/check/runner.hpp"
#include "pilotstat/check/selection.hpp"
#include "pilotstat/check/table_selection.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/report/number_format.hpp"

namespace pilotstat::check {

namespace {

using report::ColumnKind;

std::vector<std::size_t> pick_columns(const report::ResultTable& t, const std::optional<std::string>& spec) {
    std::vector<std::size_t> out;
    for (std::size_t c = 0; c < t.columns().size(); ++c) {
        if (t.columns()[c].kind == ColumnKind::text) continue;
        if (!spec) {
            out.push_back(c);
            continue;
        }
        std::size_t start = 0;
        while (start <= spec->size()) {
            const auto end = std::min(spec->find(',', start), spec->size());
            if (wildcard_match(spec->substr(start, end - start), t.columns()[c].name)) {
                out.push_back(c);
                break;
            }
            start = end + 1;
        }
    }
    if (out.empty()) throw UsageError("column=" + spec.value_or("") + " names no numeric column");
    return out;
}

// The row's leading text columns, as key=value pairs.
Selection row_selection(const report::ResultTable& t, std::size_t row, const TableQuery& q) {
    Selection s;
    s.command = q.command;
    for (const auto& [k, v] : q.options)
        if (!t.column_index(k)) s.keys.emplace_back(k, v);
    for (std::size_t c = 0; c < t.columns().size() && t.columns()[c].kind == ColumnKind::text; ++c) {
        const auto text = cell_text(t.rows()[row][c]);
        if (!text.empty()) s.keys.emplace_back(t.columns()[c].name, text);
    }
    return s;
}

void record_row(std::string& out, std::set<std::string>& ids, const report::ResultTable& t, std::size_t row,
                const TableQuery& q, const std::vector<std::size_t>& columns, int digits) {
    Selection s = row_selection(t, row, q);
    const auto check = match_rows(t, table_query(s));
    if (!check.problem.empty())
        throw UsageError("cannot record " + format_selection(s) + ": " + check.problem);
    std::string id = s.command;
    for (const auto& [k, v] : s.keys) id += "/" + v;
    for (auto c : columns) {
        const auto& cell = t.rows()[row][c];
        std::string expected, tolerance = "decimals:" + std::to_string(digits);
        if (const auto* i = std::get_if<std::int64_t>(&cell)) {
            expected = std::to_string(*i);
            tolerance = "exact";
        } else if (const auto* d = std::get_if<double>(&cell)) {
            expected = report::rounded(*d, digits);
        } else {
            continue;  // missing
        }
        Selection with_column = s;
        with_column.keys.emplace_back("column", t.columns()[c].name);
        const std::string row_id = id + "/" + t.columns()[c].name;
        if (!ids.insert(row_id).second) continue;  // two patterns picked the same number
        out += csv_field(row_id) + "," + csv_field(format_selection(with_column)) + "," + expected + "," + tolerance +
               ",recorded by pilotstat check --record\n";
    }
}

}  // namespace

bool wildcard_match(const std::string& pattern, const std::string& name) {
    const auto star = pattern.find('*');
    if (star == std::string::npos) return pattern == name;
    const auto head = pattern.substr(0, star);
    if (name.compare(0, head.size(), head) != 0) return false;
    const auto rest = pattern.substr(star + 1);
    for (std::size_t i = head.size(); i <= name.size(); ++i)
        if (wildcard_match(rest, name.substr(i))) return true;
    return false;
}

std::string record_expectations(const data::Study& study, const std::vector<std::string>& patterns, int digits,
                                const data::NormsRegistry& norms) {
    std::string out = "id,select,expected,tolerance,note\n";
    std::set<std::string> ids;
    TableCache cache(&study, norms);
    for (const auto& pattern : patterns) {
        Selection s;
        try {
            s = parse_selection(pattern);
        } catch (const std::invalid_argument& x) {
            throw UsageError("--select \"" + pattern + "\": " + x.what());
        }
        const auto& commands = commands::table_commands();
        if (std::find(commands.begin(), commands.end(), s.command) == commands.end())
            throw UsageError("--select \"" + pattern + "\": cannot record \"" + s.command + "\" (it needs a table command)");
        const auto q = table_query(s);
        const report::ResultTable* t = nullptr;
        try {
            t = &cache.get(q.command, q.options);
        } catch (const std::invalid_argument& x) {
            throw UsageError("--select \"" + pattern + "\": " + x.what());
        }
        const auto m = match_rows(*t, q);
        if (m.rows.empty()) throw UsageError("--select \"" + pattern + "\": " + m.problem);
        const auto columns = pick_columns(*t, q.column);
        for (auto row : m.rows) record_row(out, ids, *t, row, q, columns, digits);
    }
    return out;
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace pilotstat::check
