#include <algorithm>

#include "pilotstat/report/render_formats.hpp"

namespace pilotstat::report {

void TextRenderer::render(const ResultTable& table, std::ostream& out) const {
    const auto& cols = table.columns();
    std::vector<std::vector<std::string>> cells;
    std::vector<std::size_t> width(cols.size());
    for (std::size_t c = 0; c < cols.size(); ++c) width[c] = cols[c].name.size();
    for (const auto& row : table.rows()) {
        auto& texts = cells.emplace_back();
        for (std::size_t c = 0; c < cols.size(); ++c) {
            texts.push_back(human_cell(row[c], cols[c].kind, options_));
            width[c] = std::max(width[c], texts.back().size());
        }
    }
    auto emit = [&](const std::vector<std::string>& texts, bool header) {
        std::string line;
        for (std::size_t c = 0; c < cols.size(); ++c) {
            const bool left = header || cols[c].kind == ColumnKind::text;
            const std::string pad(width[c] - texts[c].size(), ' ');
            if (c > 0) line += "  ";
            line += left ? texts[c] + pad : pad + texts[c];
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << '\n';
    };
    std::vector<std::string> names;
    for (const auto& c : cols) names.push_back(c.name);
    emit(names, true);
    for (const auto& texts : cells) emit(texts, false);
}

}  // namespace pilotstat::report
