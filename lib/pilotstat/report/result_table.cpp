#include "pilotstat/report/result_table.hpp"

#include <cmath>

#include "pilotstat/error.hpp"

namespace pilotstat::report {

std::size_t ResultTable::add_row() {
    rows_.emplace_back(columns_.size());
    return rows_.size() - 1;
}

std::optional<std::size_t> ResultTable::column_index(const std::string& name) const {
    for (std::size_t i = 0; i < columns_.size(); ++i)
        if (columns_[i].name == name) return i;
    return std::nullopt;
}

Cell& ResultTable::cell(const std::string& column) {
    if (rows_.empty()) throw ComputeError("result table: set() before add_row()");
    const auto i = column_index(column);
    if (!i) throw ComputeError("result table has no column \"" + column + "\"");
    return rows_.back()[*i];
}

void ResultTable::set(const std::string& column, const std::string& value) { cell(column) = value; }
void ResultTable::set(const std::string& column, std::int64_t value) { cell(column) = value; }

void ResultTable::set(const std::string& column, double value) {
    if (std::isfinite(value)) cell(column) = value == 0.0 ? 0.0 : value;  // no "-0"
    else cell(column) = std::monostate{};
}

void ResultTable::set(const std::string& column, const std::optional<double>& value) {
    if (value) set(column, *value);
    else cell(column) = std::monostate{};
}

}  // namespace pilotstat::report
