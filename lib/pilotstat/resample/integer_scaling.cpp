#include "pilotstat/resample/integer_scaling.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <numeric>

#include "pilotstat/data/rational.hpp"

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
    // Decimal scalings first, then the same times 2520 = lcm(1..10): scores on
    // a grid of sevenths (or a union of quarters to sevenths) and their
    // differences are integers after scaling by 2520.
    for (const std::int64_t base : {std::int64_t{1}, std::int64_t{2520}}) {
        std::int64_t power = base;
        for (int k = 0; k <= max_decimals; ++k, power *= 10) {
            const auto p = static_cast<double>(power);
            double max_scaled = 0.0;
            for (double v : values) max_scaled = std::max(max_scaled, std::fabs(v * p));
            if (!std::isfinite(max_scaled)) return std::nullopt;
            if (max_scaled > static_cast<double>(max_units)) break;
            const double tol = tolerance_for(max_scaled);
            bool ok = true;
            for (double v : values) {
                const double scaled = v * p;
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
                const auto u = static_cast<std::int64_t>(std::nearbyint(v * p));
                s.units.push_back(u);
                g = std::gcd(g, std::llabs(u));
            }
            if (g > 1)
                for (auto& u : s.units) u /= g;
            const std::int64_t num = g > 0 ? g : 1, c = std::gcd(num, power);
            s.step_num = num / c;
            s.step_den = power / c;
            s.step = data::nearest_double(s.step_num, s.step_den);
            return s;
        }
    }
    return std::nullopt;
}

}  // namespace pilotstat::resample
