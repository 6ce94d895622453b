// Mean and sum of squared deviations, exact where the data allow:
// values known exactly (grid points, plain decimals) are summed as scaled 128-bit integers and
// rounded once at the end, so NIST StRD NumAcc3/NumAcc4 reach full precision.
// Other values use a compensated two-pass algorithm.
#pragma once

#include <cstddef>
#include <optional>
#include <span>

#include "pilotstat/data/rational.hpp"

namespace pilotstat::stats {

struct Moments {
    std::size_t n = 0;
    double mean = 0.0;
    double sum_sq_dev = 0.0;  // sum (x_i - mean)^2
    bool exact = false;       // true when computed in exact integer arithmetic
    // Exact path, n >= 2: the sample SD (n - 1) as the double nearest to the
    // square root of the exact variance (one rounding; data/exact_sqrt.hpp).
    std::optional<double> sd;
};

// `exact` is either empty or has one rational per value (the same numbers).
// Exact path: with L the common denominator and X_i = x_i L (integers),
// mean = sum X_i / (n L), SS = (n sum X_i^2 - (sum X_i)^2) / (n L^2),
// in 128-bit integers; falls back to the compensated path on overflow.
// Compensated path: Neumaier-summed mean, then the corrected two-pass SS of
// Chan, Golub & LeVeque (1983).
Moments moments(std::span<const double> x, std::span<const data::Rational> exact = {});

// Percent change between the means of two samples (sizes may differ),
// (mean_b - mean_a) / mean_a x 100 (the figure papers publish). From exact
// sums when both samples have them (so 6.4 -> 5.0 is exactly
// -21.875), else from compensated means. nullopt when mean_a is 0 or n = 0.
std::optional<double> percent_change_of_means(std::span<const double> a, std::span<const data::Rational> exact_a,
                                              std::span<const double> b, std::span<const data::Rational> exact_b);

// mean(b) - mean(a) from exact sums, rounded once (355/12 - 290/12 gives
// 5.416666666666667); nullopt when a sample is empty or on overflow.
std::optional<double> difference_of_means(std::span<const data::Rational> a, std::span<const data::Rational> b);

// Sample variance and SD use n - 1 (undefined for n < 2: callers check).
inline double sample_variance(const Moments& m) { return m.sum_sq_dev / static_cast<double>(m.n - 1); }

// Quantile of sorted data, R's default type 7 (Hyndman & Fan 1996):
// h = (n - 1) p, Q = (1 - f) x[lo] + f x[lo + 1], f = h - floor(h).
double quantile_type7(std::span<const double> sorted, double p);

}  // namespace pilotstat::stats
