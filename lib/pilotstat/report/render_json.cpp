#include "pilotstat/report/json_values.hpp"
#include "pilotstat/report/render_formats.hpp"

namespace pilotstat::report {

void JsonRenderer::render(const ResultTable& table, std::ostream& out) const {
    const auto& cols = table.columns();
    out << '[';
    bool first_row = true;
    for (const auto& row : table.rows()) {
        out << (first_row ? "\n  {" : ",\n  {");
        first_row = false;
        for (std::size_t c = 0; c < cols.size(); ++c) {
            out << (c ? ", " : "") << json_string(cols[c].name) << ": ";
            out << json_cell(row[c]);
        }
        out << '}';
    }
    out << (first_row ? "]\n" : "\n]\n");
}

}  // namespace pilotstat::report
