#include "pilotstat/power/planning_sd.hpp"

#include <boost/math/distributions/chi_squared.hpp>
#include <cmath>

#include "pilotstat/error.hpp"
#include "pilotstat/stats/moments.hpp"

namespace pilotstat::power {

std::optional<PooledSd> pooled_sd(std::span<const std::vector<double>> arms) {
    double ss = 0.0, df = 0.0;
    for (const auto& arm : arms) {
        if (arm.empty()) continue;
        const auto m = stats::moments(arm);
        ss += m.sum_sq_dev;
        df += static_cast<double>(arm.size() - 1);
    }
    if (df < 1.0) return std::nullopt;
    return PooledSd{std::sqrt(ss / df), df};
}

double sd_upper_limit(double sd, double df, double conf) {
    if (!(sd >= 0.0) || !std::isfinite(sd)) throw UsageError("the SD must be a finite number >= 0");
    if (!(df > 0.0) || !std::isfinite(df)) throw UsageError("the SD's degrees of freedom must be > 0");
    if (!(conf > 0.0 && conf < 1.0)) throw UsageError("--sd-conf must be between 0 and 1 (exclusive)");
    const boost::math::chi_squared_distribution<double> chi(df);
    return std::sqrt(df * sd * sd / boost::math::quantile(chi, 1.0 - conf));
}

}  // namespace pilotstat::power
