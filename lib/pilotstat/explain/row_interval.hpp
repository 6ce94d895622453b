// The headline interval of a row: the one interval its sentences and
// interval reasons speak about. Kept in one place so that the
// test-inverted interval (which agrees with the row's exact test) can
// replace the current source without touching the reasons.
//   within-arm change:   the bootstrap interval of the mean change
//   between-arm change:  the bootstrap interval of the mean difference
//   ANCOVA:              the model's t interval of the adjusted difference
#pragma once

#include <optional>
#include <string>

#include "pilotstat/analysis/change.hpp"
#include "pilotstat/analysis/compare.hpp"

namespace pilotstat::explain {

struct RowInterval {
    double low = 0.0, high = 0.0;
    double level = 0.95;   // achieved (or nominal) level
    std::string method;    // "bootstrap, expanded-percentile, ...", "t interval, ANCOVA"
    bool agrees_with_test = false;  // true once the interval inverts the row's own test
};

std::optional<RowInterval> row_interval(const analysis::ChangeRow& row);
std::optional<RowInterval> row_interval(const analysis::CompareRow& row);

}  // namespace pilotstat::explain
