#include "pilotstat/resample/integer_scaling.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <numeric>

namespace pilotstat::resample {

namespace {
// Values read from text like "5.8571", or differences of them, carry binary
// rounding of a few ulps; cancellation (1000000.2 - 1000000.1) leaves more.
// The tolerance is 64 ulps of the largest scaled magnitude, but at least
// 1e-9 of it (capped at 1e-9 absolute): relative to the data, so uniformly
// tiny values (1e-10) are never mistaken for integers (zeros).
double tolerance_for(double max_scaled) {
    return std::max(64 * std::numeric_limits<double>::epsilon() * max_scaled, 1e-9 * std::min(1.0, max_scaled));
}
}  // namespace

std::optional<IntegerScaling> integer_scaling(std::span<const double> values, int max_decimals,
                                              std::int64_t max_units) {
    double power = 1.0;
    for (int k = 0; k <= max_decimals; ++k, power *= 10.0) {
        double max_scaled = 0.0;
        for (double v : values) max_scaled = std::max(max_scaled, std::fabs(v * power));
        if (!std::isfinite(max_scaled) || max_scaled > static_cast<double>(max_units)) return std::nullopt;
        const double tol = tolerance_for(max_scaled);
        bool ok = true;
        for (double v : values) {
            const double scaled = v * power;
            if (std::fabs(scaled - std::nearbyint(scaled)) > tol) {
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
