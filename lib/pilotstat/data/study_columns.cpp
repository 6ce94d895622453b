// Finding the columns a layout needs in the header.
#include "pilotstat/data/study_builder_detail.hpp"

namespace pilotstat::data::builder {

std::optional<std::size_t> find_column(const std::vector<std::string>& header, const std::string& name) {
    auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) return std::nullopt;
    return static_cast<std::size_t>(it - header.begin());
}

std::size_t require_column(const io::CsvReader& r, const std::string& name, const std::string& option) {
    if (auto c = find_column(r.header(), name)) return *c;
    throw DataError(SourceLocation{r.source_name(), r.header_line(), 0},
                    "missing required column \"" + name + "\" (columns: " + join(r.header()) + "; use " + option +
                        " to name another)");
}

// The group column, or nullopt for a single-arm study: a file without the
// default "group" column has one arm; a --group-col that names no column is an error.
std::optional<std::size_t> group_column(const io::CsvReader& r, const StudyOptions& opt) {
    if (auto c = find_column(r.header(), opt.group_col)) return c;
    if (opt.group_col_given) return require_column(r, opt.group_col, "--group-col");
    return std::nullopt;
}

std::string group_of(const io::CsvRecord& rec, const std::optional<std::size_t>& column) {
    return column ? trim(rec.fields[*column]) : std::string(kSingleArm);
}

void check_unique_header(const io::CsvReader& r) {
    const auto& h = r.header();
    for (std::size_t i = 0; i < h.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (!h[i].empty() && h[i] == h[j])
                throw DataError(SourceLocation{r.source_name(), r.header_line(), i + 1},
                                "duplicate column name \"" + h[i] + "\"");
}

}  // namespace pilotstat::data::builder
