// The headline interval of a row (its ci_low, ci_high, ci_level, ci_method
// columns): the one interval its sentences, interval reasons and the
// report's tables speak about, chosen by measured coverage
// (docs/methods/intervals.md):
//   within-arm change:   the t interval of the mean change
//   between-arm change:  Welch's t interval of the mean difference
//   ANCOVA:              the model's t interval of the adjusted difference
// None of them inverts the row's exact test, so agrees_with_test is false
// and the interval reason says so when interval and test disagree.
#pragma once

#include <optional>
#include <string>

#include "pilotstat/analysis/change.hpp"
#include "pilotstat/analysis/compare.hpp"

namespace pilotstat::explain {

struct RowInterval {
    double low = 0.0, high = 0.0;
    double level = 0.95;   // achieved (or nominal) level
    std::string method;    // "t interval", "Welch t interval", "t interval, ANCOVA"
    bool agrees_with_test = false;  // true once the interval inverts the row's own test
};

std::optional<RowInterval> row_interval(const analysis::ChangeRow& row);
std::optional<RowInterval> row_interval(const analysis::CompareRow& row);

}  // namespace pilotstat::explain
