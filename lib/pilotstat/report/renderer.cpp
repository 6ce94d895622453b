#include "pilotstat/report/renderer.hpp"

#include "pilotstat/error.hpp"
#include "pilotstat/report/number_format.hpp"
#include "pilotstat/report/render_formats.hpp"

namespace pilotstat::report {

const std::vector<std::string>& table_formats() {
    static const std::vector<std::string> formats{"text", "csv", "tsv", "json", "markdown"};
    return formats;
}

std::unique_ptr<Renderer> make_renderer(std::string_view format, const RenderOptions& options) {
    if (format == "text") return std::make_unique<TextRenderer>(options);
    if (format == "csv") return std::make_unique<DelimitedRenderer>(',');
    if (format == "tsv") return std::make_unique<DelimitedRenderer>('\t');
    if (format == "json") return std::make_unique<JsonRenderer>();
    if (format == "markdown" || format == "md") return std::make_unique<MarkdownRenderer>(options);
    std::string valid;
    for (const auto& f : table_formats()) valid += (valid.empty() ? "" : ", ") + f;
    throw UsageError("unknown format \"" + std::string(format) + "\" (valid: " + valid + ")");
}

std::string human_cell(const Cell& cell, ColumnKind kind, const RenderOptions& options) {
    if (std::holds_alternative<std::monostate>(cell)) return "NA";
    if (auto s = std::get_if<std::string>(&cell)) return *s;
    if (auto i = std::get_if<std::int64_t>(&cell)) return std::to_string(*i);
    const double v = std::get<double>(cell);
    return kind == ColumnKind::pvalue ? rounded_p(v, options.digits) : rounded(v, options.digits);
}

std::string machine_cell(const Cell& cell) {
    if (std::holds_alternative<std::monostate>(cell)) return "";
    if (auto s = std::get_if<std::string>(&cell)) return *s;
    if (auto i = std::get_if<std::int64_t>(&cell)) return std::to_string(*i);
    return shortest(std::get<double>(cell));
}

}  // namespace pilotstat::report
