#include "pilotstat/report/render_formats.hpp"

namespace pilotstat::report {

namespace {
std::string escape_pipes(const std::string& s) {
    std::string out;
    for (char ch : s) out += ch == '|' ? std::string("\\|") : std::string(1, ch);
    return out;
}
}  // namespace

void MarkdownRenderer::render(const ResultTable& table, std::ostream& out) const {
    const auto& cols = table.columns();
    out << '|';
    for (const auto& c : cols) out << ' ' << escape_pipes(c.name) << " |";
    out << "\n|";
    for (const auto& c : cols) out << (c.kind == ColumnKind::text ? " --- |" : " ---: |");
    out << '\n';
    for (const auto& row : table.rows()) {
        out << '|';
        for (std::size_t c = 0; c < cols.size(); ++c)
            out << ' ' << escape_pipes(human_cell(row[c], cols[c].kind, options_)) << " |";
        out << '\n';
    }
}

}  // namespace pilotstat::report
