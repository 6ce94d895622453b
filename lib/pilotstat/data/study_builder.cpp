// load_study/build_study: which layout a file has, then that layout's reader
// (study_builder_detail.hpp).
#include "pilotstat/data/study_builder.hpp"

#include "pilotstat/data/study_builder_detail.hpp"

namespace pilotstat::data {

Study build_study(io::CsvReader& reader, const StudyOptions& options) {
    builder::check_unique_header(reader);
    if (options.redcap) return builder::build_visits(reader, options);
    const bool has_measure = builder::find_column(reader.header(), options.measure_col).has_value();
    const bool has_time = builder::find_column(reader.header(), options.time_col).has_value();
    if (options.wide.value_or(!has_measure)) {
        // a time column without a measure column: one row per visit (unless --wide);
        // with a score column too it is a long file that lacks its measure column
        if (!options.wide && has_time) {
            if (builder::find_column(reader.header(), options.score_col))
                builder::require_column(reader, options.measure_col, "--measure-col");
            return builder::build_visits(reader, options);
        }
        return builder::build_wide(reader, options);
    }
    return builder::build_long(reader, options);
}

Study load_study(const std::string& path, const StudyOptions& options) {
    io::CsvReader reader(path, options.csv);
    return build_study(reader, options);
}

}  // namespace pilotstat::data

