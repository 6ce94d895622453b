#include "pilotstat/check/table_selection.hpp"

#include <algorithm>

#include "pilotstat/report/renderer.hpp"

namespace pilotstat::check {

namespace {

// Up to 8 distinct texts of a column among the given rows.
std::string distinct_values(const report::ResultTable& t, std::size_t col, const std::vector<std::size_t>& rows) {
    std::vector<std::string> seen;
    for (auto r : rows) {
        const auto v = cell_text(t.rows()[r][col]);
        if (std::find(seen.begin(), seen.end(), v) == seen.end()) seen.push_back(v);
    }
    std::string out;
    for (std::size_t i = 0; i < seen.size() && i < 8; ++i) out += (i ? ", " : "") + seen[i];
    if (seen.size() > 8) out += ", ...";
    return out;
}

std::string tell_apart(const report::ResultTable& t, const std::vector<std::size_t>& rows) {
    for (std::size_t c = 0; c < t.columns().size(); ++c) {
        const auto v = distinct_values(t, c, rows);
        if (v.find(", ") != std::string::npos) return " (" + t.columns()[c].name + ": " + v + ")";
    }
    return "";
}

}  // namespace

std::string cell_text(const report::Cell& cell) { return report::machine_cell(cell); }

TableQuery table_query(const Selection& select) {
    TableQuery q;
    q.command = select.command;
    const auto& options = commands::table_command_options(select.command);
    for (const auto& [key, value] : select.keys) {
        if (key == "column") {
            q.column = value;
            continue;
        }
        if (std::find(options.begin(), options.end(), key) != options.end()) q.options[key] = value;
        q.filters.emplace_back(key, value);
    }
    return q;
}

RowMatch match_rows(const report::ResultTable& t, const TableQuery& q) {
    RowMatch m;
    for (std::size_t r = 0; r < t.rows().size(); ++r) m.rows.push_back(r);
    for (const auto& [key, value] : q.filters) {
        const auto col = t.column_index(key);
        if (!col) {
            if (q.options.count(key)) continue;  // an option only
            m.problem = q.command + " has no column or option \"" + key + "\"";
            m.rows.clear();
            return m;
        }
        std::vector<std::size_t> kept;
        for (auto r : m.rows)
            if (cell_text(t.rows()[r][*col]) == value) kept.push_back(r);
        if (kept.empty()) {
            m.problem = "no row matched: no row with " + key + "=" + value + " among the rows left (" + key + ": " +
                        distinct_values(t, *col, m.rows) + ")";
            m.rows.clear();
            return m;
        }
        m.rows = std::move(kept);
    }
    if (m.rows.empty()) m.problem = "no row matched: " + q.command + " gave no rows";
    if (m.rows.size() > 1)
        m.problem = std::to_string(m.rows.size()) + " rows matched; add a key to pick one" + tell_apart(t, m.rows);
    return m;
}

}  // namespace pilotstat::check
