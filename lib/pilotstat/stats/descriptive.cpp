#include "pilotstat/stats/descriptive.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <boost/math/distributions/students_t.hpp>

#include "pilotstat/stats/moments.hpp"

namespace pilotstat::stats {

Summary summarize(std::span<const double> x, std::span<const data::Rational> exact, double conf) {
    Summary s;
    s.n = x.size();
    if (x.empty()) return s;
    const Moments m = moments(x, exact);
    s.mean = m.mean;
    std::vector<double> sorted(x.begin(), x.end());
    std::sort(sorted.begin(), sorted.end());
    s.min = sorted.front();
    s.max = sorted.back();
    s.median = quantile_type7(sorted, 0.5);
    s.q1 = quantile_type7(sorted, 0.25);
    s.q3 = quantile_type7(sorted, 0.75);
    if (x.size() < 2) return s;
    const double n = static_cast<double>(x.size());
    s.sd = m.sd ? *m.sd : std::sqrt(sample_variance(m));  // exact scores: one rounding
    s.se = *s.sd / std::sqrt(n);
    const boost::math::students_t t(n - 1);
    const double q = boost::math::quantile(t, (1.0 + conf) / 2.0);
    s.ci_low = m.mean - q * *s.se;
    s.ci_high = m.mean + q * *s.se;
    return s;
}

bool all_finite(std::span<const double> x) {
    for (double v : x)
        if (!std::isfinite(v)) return false;
    return true;
}

}  // namespace pilotstat::stats
