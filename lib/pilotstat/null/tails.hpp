// The rules every null distribution in pilotstat shares: when two values of
// a statistic count as equal (one tie tolerance), and which arrangements are
// "as or more extreme" than the observed one under each alternative and
// two-sided rule. Exact distributions (weights) and Monte Carlo draws (counts)
// both go through these functions, so a rule cannot drift between providers.
#pragma once

#include <algorithm>
#include <cmath>

#include "pilotstat/core/test_result.hpp"

namespace pilotstat::null {

// Relative size of rounding noise tolerated in "as extreme as".
inline constexpr double kTieRelative = 1e-9;

// Absolute tie tolerance for a statistic whose values (observed and null)
// are at most `scale` in magnitude: 1e-9 scale. Sums of the same numbers in a
// different order differ by a few ulps of the largest term, far below it; two
// genuinely different values of a statistic on real data are far above it.
inline double tie_tolerance(double scale) { return kTieRelative * std::max(scale, 1e-300); }

// Weights (exact) or counts (Monte Carlo) of the three tail events of the
// observed statistic t: T <= t, T >= t and |T - E T| >= |t - E T|, each
// within the tie tolerance.
struct TailCounts {
    double le = 0.0, ge = 0.0, dev = 0.0;

    // Adds one arrangement of statistic `value` with weight `w`.
    void add(double value, double observed, double centre, double tol, double w = 1.0) {
        if (value <= observed + tol) le += w;
        if (value >= observed - tol) ge += w;
        if (std::fabs(value - centre) >= std::fabs(observed - centre) - tol) dev += w;
    }
};

// The count of arrangements as or more extreme than the observed one, out of
// `total`:
//   greater: ge; less: le;
//   two-sided, deviation rule (coin): dev;
//   two-sided, doubled rule (SciPy): 2 min(le, ge), at most `total`.
// For Monte Carlo (`monte_carlo` true) the doubled rule keeps the +1 of the
// observed arrangement in each tail: p = 2 (min(le, ge) + 1) / (B + 1), so the
// count is 2 min(le, ge) + 1, at most B = total.
double extreme_count(const TailCounts& c, core::Alternative alternative, core::TwoSidedRule rule, double total,
                     bool monte_carlo = false);

}  // namespace pilotstat::null
