// Turns CSV records (long or wide) into a validated Study. Every problem is a
// DataError naming FILE:LINE:COLUMN and the offending text.
#pragma once

#include <optional>
#include <utility>
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
    // false: a file without the group column is a single-arm study (one
    // group, named kSingleArm); true (--group-col given): the column must exist.
    bool group_col_given = false;
    std::string time_col = "time";
    std::string measure_col = "measure";
    std::string score_col = "score";
    std::optional<bool> wide;          // nullopt: wide when there is no measure column (and no time column)
    // REDCap export (--redcap): one row per record and event; the time is the
    // event name without its "_arm_N" suffix, the group arm_N (or its label
    // from arm_labels "1" -> "ketamine") unless a group column is named.
    bool redcap = false;
    std::vector<std::pair<std::string, std::string>> arm_labels;
    std::string sep = "_";             // wide: <measure><sep><time>, split at the last sep
    std::vector<std::string> na_tokens{"", "NA", "NaN", "."};
    bool decimal_comma = false;        // "5,5" is 5.5 (--decimal-comma)
    std::vector<std::string> times;    // explicit time order (--times)
    std::string baseline;              // default: the first time
    std::vector<std::string> measures; // keep only these (--measures), in this order
    std::vector<std::string> groups;   // keep only these (--groups), in this order
    std::vector<std::string> higher_is_better;  // measures where higher is better
    InstrumentRegistry instruments = InstrumentRegistry::builtin();
};

// The name of the one group of a single-arm study (no group column).
inline constexpr const char* kSingleArm = "all";

// Reads `path` ("-" = stdin) and builds the study.
Study load_study(const std::string& path, const StudyOptions& options);

// Builds from an open reader (tests, fuzzing, in-memory input).
Study build_study(io::CsvReader& reader, const StudyOptions& options);

}  // namespace pilotstat::data
