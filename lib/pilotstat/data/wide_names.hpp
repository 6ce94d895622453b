// Splitting a wide column name into measure and time. Splitting at the last
// separator turns bdi_week_2 into measure "bdi_week" at time "2"; instead the
// measure is matched as a prefix (--measures, then registered instruments and
// their items, longest first) and the time as a suffix (--times); only names
// matching neither fall back to the last separator, keeping a time word
// before a trailing number ("week_2", "session_3") with the time.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "pilotstat/data/instruments.hpp"

namespace pilotstat::data {

struct WideName {
    std::string measure, time;
};

// nullopt: the column is not a score column (no separator). Throws
// std::invalid_argument (the message names the column) when two --measures
// or two --times fit the name.
std::optional<WideName> split_wide_name(const std::string& column, const std::string& sep,
                                        const InstrumentRegistry& instruments,
                                        const std::vector<std::string>& measures,
                                        const std::vector<std::string>& times);

}  // namespace pilotstat::data
