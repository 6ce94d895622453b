// The validated study: scores keyed by (measure, subject, time), subjects in
// groups, times in order with a baseline, and each measure's instrument.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "pilotstat/data/instruments.hpp"
#include "pilotstat/data/rational.hpp"
#include "pilotstat/data/score_table.hpp"

namespace pilotstat::data {

struct Study {
    std::string source;                      // file name or "<stdin>"
    std::vector<std::string> measures;       // first appearance (or as filtered)
    std::vector<std::string> groups;         // first appearance (or --groups order)
    std::vector<std::string> times;          // --times, else natural order (time_order.hpp)
    std::vector<std::string> subjects;       // first appearance
    std::vector<std::size_t> subject_group;  // group index of each subject
    std::size_t baseline = 0;                // index into times
    std::string time_order;                  // how `times` was ordered, said to the reader
    std::vector<std::optional<Instrument>> instruments;  // per measure; nullopt = unknown
    std::vector<bool> higher_is_worse;                   // per measure
    std::vector<std::string> notes;  // things the reader should know about the input (not errors)

    // scores.at(m, s, t); nullopt = missing (NA token or no row)
    ScoreTable scores;

    const std::optional<Score>& at(std::size_t m, std::size_t s, std::size_t t) const { return scores.at(m, s, t); }
    std::vector<std::size_t> subjects_in(std::size_t group) const;
    // The instrument's display name ("BDI-II"), or the measure's name.
    const std::string& label(std::size_t measure) const {
        return instruments[measure] ? instruments[measure]->label : measures[measure];
    }
    // Index of a name, or nullopt.
    std::optional<std::size_t> time_index(const std::string& name) const;
    std::optional<std::size_t> group_index(const std::string& name) const;
    std::optional<std::size_t> measure_index(const std::string& name) const;
};

}  // namespace pilotstat::data
