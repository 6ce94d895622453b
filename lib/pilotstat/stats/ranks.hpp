// Mid-ranks (average ranks for ties), the scores of the rank tests. Ties are
// decided with the same relative tolerance as exact distributions (1e-9 of
// the largest |value|), so 0.1+0.2 and 0.3 tie.
#pragma once

#include <span>
#include <vector>

namespace pilotstat::stats {

// 1-based mid-ranks of x: tied values share the mean of the ranks they span.
std::vector<double> mid_ranks(std::span<const double> x);

// Number of tie groups of size > 1 and the tie correction sum (t^3 - t).
struct TieSummary {
    std::size_t groups = 0;        // groups with more than one member
    double correction = 0.0;       // sum over groups of t^3 - t
};
TieSummary tie_summary(std::span<const double> x);

}  // namespace pilotstat::stats
