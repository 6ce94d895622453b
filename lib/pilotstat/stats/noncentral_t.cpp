#include "pilotstat/stats/noncentral_t.hpp"

#include <boost/math/distributions/non_central_t.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <cstdint>
#include <limits>

namespace pilotstat::stats {

namespace {

// Boost errors become NaN instead of exceptions, so the root finder can
// treat an unevaluable point as "no bracket" rather than crash.
using Policy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::ignore_error>,
    boost::math::policies::evaluation_error<boost::math::policies::ignore_error>,
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>>;

double cdf_at(double t, double df, double ncp) {
    if (ncp == 0.0) {
        return boost::math::cdf(boost::math::students_t_distribution<double, Policy>(df), t);
    }
    return boost::math::cdf(boost::math::non_central_t_distribution<double, Policy>(df, ncp), t);
}

// Finds ncp with cdf(t | ncp) = target; cdf is decreasing in ncp.
std::optional<double> solve_ncp(double t, double df, double target) {
    auto f = [&](double ncp) { return cdf_at(t, df, ncp) - target; };
    // Bracket: expand symmetric steps around t until the signs differ. The
    // spread of T around ncp grows with |ncp| for small df, hence the doubling.
    double step = 1.0 + std::fabs(t) * 0.25;
    double lo = t - step, hi = t + step;
    double flo = f(lo), fhi = f(hi);
    for (int i = 0; i < 60 && !(flo >= 0.0 && fhi <= 0.0); ++i) {
        if (std::isnan(flo) || std::isnan(fhi)) return std::nullopt;
        if (flo < 0.0) { hi = lo; fhi = flo; lo -= step; flo = f(lo); }
        if (fhi > 0.0) { lo = hi; flo = fhi; hi += step; fhi = f(hi); }
        step *= 2.0;
    }
    if (!(flo >= 0.0 && fhi <= 0.0)) return std::nullopt;
    if (flo == 0.0) return lo;
    if (fhi == 0.0) return hi;
    std::uintmax_t iterations = 200;
    auto tol = boost::math::tools::eps_tolerance<double>(std::numeric_limits<double>::digits - 8);
    auto [a, b] = boost::math::tools::toms748_solve(f, lo, hi, flo, fhi, tol, iterations, Policy());
    if (iterations >= 200) return std::nullopt;
    const double root = 0.5 * (a + b);
    return std::isfinite(root) ? std::optional<double>(root) : std::nullopt;
}

}  // namespace

double noncentral_t_cdf(double t, double df, double ncp) { return cdf_at(t, df, ncp); }

std::optional<core::Interval> noncentral_t_ncp_interval(double t, double df, double conf) {
    if (!std::isfinite(t) || !std::isfinite(df) || !(df > 0.0) || !(conf > 0.0 && conf < 1.0))
        return std::nullopt;
    const auto lo = solve_ncp(t, df, (1.0 + conf) / 2.0);
    const auto hi = solve_ncp(t, df, (1.0 - conf) / 2.0);
    if (!lo || !hi) return std::nullopt;
    return core::Interval{*lo, *hi, conf, "noncentral-t"};
}

double hedges_j(double df) {
    if (!(df > 1.0)) return std::numeric_limits<double>::quiet_NaN();
    return std::exp(std::lgamma(df / 2.0) - std::lgamma((df - 1.0) / 2.0)) / std::sqrt(df / 2.0);
}

}  // namespace pilotstat::stats
