#include "pilotstat/stats/proportions.hpp"

#include <cmath>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/special_functions/beta.hpp>

namespace pilotstat::stats {

namespace {
bool valid(long x, long n, double conf) {
    return n > 0 && x >= 0 && x <= n && conf > 0.0 && conf < 1.0;
}
}  // namespace

std::optional<core::Interval> clopper_pearson(long x, long n, double conf) {
    if (!valid(x, n, conf)) return std::nullopt;
    const double alpha = 1.0 - conf;
    const auto xd = static_cast<double>(x), nd = static_cast<double>(n);
    core::Interval ci;
    ci.conf = conf;
    ci.method = "clopper-pearson";
    ci.low = x == 0 ? 0.0 : boost::math::ibeta_inv(xd, nd - xd + 1.0, alpha / 2.0);
    ci.high = x == n ? 1.0 : boost::math::ibeta_inv(xd + 1.0, nd - xd, 1.0 - alpha / 2.0);
    return ci;
}

std::optional<core::Interval> wilson(long x, long n, double conf) {
    if (!valid(x, n, conf)) return std::nullopt;
    const double z = boost::math::quantile(boost::math::normal(), (1.0 + conf) / 2.0);
    const auto nd = static_cast<double>(n);
    const double p = static_cast<double>(x) / nd;
    const double z2 = z * z;
    const double centre = p + z2 / (2.0 * nd);
    const double half = z * std::sqrt(p * (1.0 - p) / nd + z2 / (4.0 * nd * nd));
    const double denom = 1.0 + z2 / nd;
    core::Interval ci;
    ci.conf = conf;
    ci.method = "wilson";
    // At x = 0 or x = n the formula's limit is exactly 0 or 1; say so rather
    // than leave a rounding residue.
    ci.low = x == 0 ? 0.0 : std::fmax(0.0, (centre - half) / denom);
    ci.high = x == n ? 1.0 : std::fmin(1.0, (centre + half) / denom);
    return ci;
}

std::optional<core::Interval> newcombe_difference(long x1, long n1, long x2, long n2, double conf) {
    const auto w1 = wilson(x1, n1, conf);
    const auto w2 = wilson(x2, n2, conf);
    if (!w1 || !w2) return std::nullopt;
    const double p1 = static_cast<double>(x1) / static_cast<double>(n1);
    const double p2 = static_cast<double>(x2) / static_cast<double>(n2);
    core::Interval ci;
    ci.conf = conf;
    ci.method = "newcombe hybrid score";
    ci.low = p1 - p2 - std::hypot(p1 - w1->low, w2->high - p2);
    ci.high = p1 - p2 + std::hypot(w1->high - p1, p2 - w2->low);
    return ci;
}

}  // namespace pilotstat::stats
