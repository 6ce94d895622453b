#include "pilotstat/resample/integer_scaling.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <numeric>

namespace pilotstat::resample {

namespace {
// Values read from text like "5.8571" or differences of them carry binary
// rounding of a few ulps; 64 ulps of the scaled magnitude (at least 1e-9)
// absorbs it while rejecting genuinely fractional values.
bool near_integer(double scaled) {
    const double tol = std::max(1e-9, 64 * std::numeric_limits<double>::epsilon() * std::fabs(scaled));
    return std::fabs(scaled - std::nearbyint(scaled)) <= tol;
}
}  // namespace

std::optional<IntegerScaling> integer_scaling(std::span<const double> values, int max_decimals,
                                              std::int64_t max_units) {
    double power = 1.0;
    for (int k = 0; k <= max_decimals; ++k, power *= 10.0) {
        bool ok = true;
        for (double v : values) {
            const double scaled = v * power;
            if (!std::isfinite(scaled) || std::fabs(scaled) > static_cast<double>(max_units) ||
                !near_integer(scaled)) {
                ok = false;
                break;
            }
        }
        if (!ok) continue;
        IntegerScaling s;
        s.units.reserve(values.size());
        std::int64_t g = 0;
        for (double v : values) {
            const auto u = static_cast<std::int64_t>(std::nearbyint(v * power));
            s.units.push_back(u);
            g = std::gcd(g, std::llabs(u));
        }
        if (g > 1)
            for (auto& u : s.units) u /= g;
        s.step = (g > 0 ? static_cast<double>(g) : 1.0) / power;
        return s;
    }
    return std::nullopt;
}

}  // namespace pilotstat::resample
