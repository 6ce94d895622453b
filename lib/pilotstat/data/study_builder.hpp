// Turns CSV records (long or wide) into a validated Study. Every problem is a
// DataError naming FILE:LINE:COLUMN and the offending text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pilotstat/data/instruments.hpp"
#include "pilotstat/data/study.hpp"
#include "pilotstat/io/csv_reader.hpp"

namespace pilotstat::data {

struct StudyOptions {
    io::CsvOptions csv;
    std::string subject_col = "subject";
    std::string group_col = "group";
    std::string time_col = "time";
    std::string measure_col = "measure";
    std::string score_col = "score";
    std::optional<bool> wide;          // nullopt: wide when there is no measure column
    std::string sep = "_";             // wide: <measure><sep><time>, split at the last sep
    std::vector<std::string> na_tokens{"", "NA", "NaN", "."};
    std::vector<std::string> times;    // explicit time order (--times)
    std::string baseline;              // default: the first time
    std::vector<std::string> measures; // keep only these (--measures), in this order
    std::vector<std::string> groups;   // keep only these (--groups), in this order
    std::vector<std::string> higher_is_better;  // measures where higher is better
    InstrumentRegistry instruments = InstrumentRegistry::builtin();
};

// Reads `path` ("-" = stdin) and builds the study.
Study load_study(const std::string& path, const StudyOptions& options);

// Builds from an open reader (tests, fuzzing, in-memory input).
Study build_study(io::CsvReader& reader, const StudyOptions& options);

}  // namespace pilotstat::data
