#include "pilotstat/report/render_formats.hpp"

namespace pilotstat::report {

namespace {
std::string quote_csv(const std::string& s, char delimiter) {
    if (delimiter == '\t') {
        std::string t = s;  // tsv has no quoting: tabs and line breaks become spaces
        for (auto& ch : t)
            if (ch == '\t' || ch == '\n' || ch == '\r') ch = ' ';
        return t;
    }
    if (s.find_first_of(std::string(1, delimiter) + "\"\n\r") == std::string::npos) return s;
    std::string q = "\"";
    for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return q + '"';
}
}  // namespace

void DelimitedRenderer::render(const ResultTable& table, std::ostream& out) const {
    const auto& cols = table.columns();
    for (std::size_t c = 0; c < cols.size(); ++c)
        out << (c ? std::string(1, delimiter_) : "") << quote_csv(cols[c].name, delimiter_);
    out << '\n';
    for (const auto& row : table.rows()) {
        for (std::size_t c = 0; c < cols.size(); ++c)
            out << (c ? std::string(1, delimiter_) : "") << quote_csv(machine_cell(row[c]), delimiter_);
        out << '\n';
    }
}

}  // namespace pilotstat::report
