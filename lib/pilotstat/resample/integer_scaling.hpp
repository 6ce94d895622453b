// Detects whether values are integers after scaling by one common step, the
// precondition of the shift/dynamic-programming exact distributions
// (Streitberg & Röhmel 1986). Never assumed: the exact-DP providers call this
// and fall back (enumeration or Monte Carlo, named in the output) when it fails.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace pilotstat::resample {

struct IntegerScaling {
    double step = 1.0;                // x_i = units_i * step (within rounding)
    std::int64_t step_num = 1, step_den = 1;  // the step exactly: step_num / step_den
    std::vector<std::int64_t> units;  // gcd of the nonzero units is 1
};

// Tries decimal scalings 10^k, k = 0..max_decimals, then 2520 * 10^k (grids
// of sevenths and other small denominators), then divides by the gcd.
// Returns nullopt when no k makes every value an integer (to a tolerance of
// a few ulps of the scaled value) or when a scaled value exceeds max_units.
std::optional<IntegerScaling> integer_scaling(std::span<const double> values, int max_decimals = 8,
                                              std::int64_t max_units = std::int64_t{1} << 40);

}  // namespace pilotstat::resample
