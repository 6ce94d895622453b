#include <cstdio>

#include "pilotstat/report/render_formats.hpp"

namespace pilotstat::report {

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (unsigned char ch : s) {
        switch (ch) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (ch < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", ch);
                    out += buf;
                } else {
                    out += static_cast<char>(ch);
                }
        }
    }
    return out + '"';
}

void JsonRenderer::render(const ResultTable& table, std::ostream& out) const {
    const auto& cols = table.columns();
    out << '[';
    bool first_row = true;
    for (const auto& row : table.rows()) {
        out << (first_row ? "\n  {" : ",\n  {");
        first_row = false;
        for (std::size_t c = 0; c < cols.size(); ++c) {
            out << (c ? ", " : "") << json_string(cols[c].name) << ": ";
            const Cell& cell = row[c];
            if (std::holds_alternative<std::monostate>(cell)) out << "null";
            else if (auto s = std::get_if<std::string>(&cell)) out << json_string(*s);
            else out << machine_cell(cell);
        }
        out << '}';
    }
    out << (first_row ? "]\n" : "\n]\n");
}

}  // namespace pilotstat::report
