// Can a published percent change be the percent change between two means of
// n scores on a grid? (GRIM applied to a ratio: Brown & Heathers 2017 for
// the grid of means; the percent change of means is 100*(b - a)/a.)
#pragma once

#include <cstdint>
#include <optional>

namespace pilotstat::check {

// A published figure and the decimals it was published with.
struct Published {
    double value = 0;
    int decimals = 0;
};

struct PctChangeQuery {
    Published pct;                   // the percent change, e.g. -3.39 with 2 decimals
    std::int64_t n = 1;              // scores per mean (the same people at both times)
    double grid = 1;                 // grid of one score (step / items)
    double min = 0, max = 0;         // range of a score, so of a mean
    std::optional<Published> from;   // the earlier mean, when published
    std::optional<Published> to;     // the later mean, when published
    std::optional<Published> after;  // a change published just before, ending at this change's earlier mean
};

struct PctChangeResult {
    bool consistent = false;
    std::optional<double> nearest_pct;  // attainable percent change closest to the published one
    double from_mean = 0, to_mean = 0;  // the means that give it
};

// Means are k*grid/n for whole k with min <= mean <= max; a zero earlier
// mean has no percent change. The published change is consistent when some
// pair of attainable means (agreeing with `from`/`to` when given, and with
// `from` reachable by the `after` change from some attainable mean) gives a
// percent change within 0.5*10^-decimals of it (grim.hpp's rounding rule).
// Throws std::invalid_argument when the grid has more than 10^6 means.
PctChangeResult pct_change_test(const PctChangeQuery& query);

}  // namespace pilotstat::check
