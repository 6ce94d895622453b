// The one output structure every analysis produces (CONVENTIONS "Output"):
// typed columns and rows of cells; renderers turn it into text, csv, tsv,
// json or markdown. Column names are part of the interface (docs/formats.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace pilotstat::report {

enum class ColumnKind { text, integer, real, pvalue };

struct Column {
    std::string name;
    ColumnKind kind = ColumnKind::real;
};

// Empty (missing), text, integer or real. Non-finite reals are never stored:
// set() turns them into missing so no NaN or inf can reach any output.
using Cell = std::variant<std::monostate, std::string, std::int64_t, double>;

class ResultTable {
public:
    ResultTable() = default;
    explicit ResultTable(std::vector<Column> columns) : columns_(std::move(columns)) {}

    const std::vector<Column>& columns() const noexcept { return columns_; }
    const std::vector<std::vector<Cell>>& rows() const noexcept { return rows_; }

    // Starts a new row of missing cells and returns its index.
    std::size_t add_row();
    // Sets a cell of the last row by column name (throws ComputeError if the
    // column does not exist: a typo must never silently drop a number).
    void set(const std::string& column, const std::string& value);
    void set(const std::string& column, const char* value) { set(column, std::string(value)); }
    void set(const std::string& column, std::int64_t value);
    void set(const std::string& column, std::size_t value) { set(column, static_cast<std::int64_t>(value)); }
    void set(const std::string& column, int value) { set(column, static_cast<std::int64_t>(value)); }
    void set(const std::string& column, double value);
    void set(const std::string& column, const std::optional<double>& value);

    std::optional<std::size_t> column_index(const std::string& name) const;

private:
    Cell& cell(const std::string& column);
    std::vector<Column> columns_;
    std::vector<std::vector<Cell>> rows_;
};

}  // namespace pilotstat::report
