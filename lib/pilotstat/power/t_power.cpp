#include "pilotstat/power/t_power.hpp"

#include <boost/math/distributions/non_central_t.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <boost/math/tools/roots.hpp>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "pilotstat/error.hpp"

namespace pilotstat::power {

namespace {

using core::Alternative;

// Boost errors become NaN instead of exceptions (the callers check).
using Policy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::ignore_error>,
    boost::math::policies::evaluation_error<boost::math::policies::ignore_error>,
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>>;

// P(T > q) and P(T < q) for T ~ noncentral t(df, ncp).
double upper_tail(double q, double df, double ncp) {
    if (ncp == 0.0)
        return boost::math::cdf(boost::math::complement(boost::math::students_t_distribution<double, Policy>(df), q));
    return boost::math::cdf(boost::math::complement(boost::math::non_central_t_distribution<double, Policy>(df, ncp), q));
}
double lower_tail(double q, double df, double ncp) { return upper_tail(-q, df, -ncp); }

double critical_value(double df, double tail_prob) {
    return boost::math::quantile(
        boost::math::complement(boost::math::students_t_distribution<double, Policy>(df), tail_prob));
}

void require_power(const PowerSettings& s, double power) {
    if (!(power > s.alpha && power < 1.0))
        throw UsageError("power must be greater than alpha (" + std::to_string(s.alpha) + ") and less than 1");
}

// Root of f on [lo, hi] with f(lo) < 0 <= f(hi), to about 1e-14 relative.
template <class F>
double solve(F f, double lo, double hi, double flo, double fhi) {
    if (fhi == 0.0) return hi;
    std::uintmax_t iterations = 300;
    auto tol = boost::math::tools::eps_tolerance<double>(std::numeric_limits<double>::digits - 6);
    auto [a, b] = boost::math::tools::toms748_solve(f, lo, hi, flo, fhi, tol, iterations, Policy());
    return 0.5 * (a + b);
}

}  // namespace

std::string_view to_string(Design d) { return d == Design::paired ? "paired" : "two-sample"; }

Design parse_design(std::string_view text) {
    if (text == "paired") return Design::paired;
    if (text == "two-sample" || text == "two.sample") return Design::two_sample;
    throw UsageError("unknown design \"" + std::string(text) + "\" (valid: paired, two-sample)");
}

void validate(const PowerSettings& s) {
    if (!(s.alpha > 0.0 && s.alpha < 1.0)) throw UsageError("alpha must be greater than 0 and less than 1");
}

double t_df(Design design, double n) { return design == Design::paired ? n - 1.0 : 2.0 * (n - 1.0); }

double t_ncp(Design design, double n, double effect) {
    return effect * std::sqrt(design == Design::paired ? n : n / 2.0);
}

double t_power_df(double df, double ncp, double alpha, core::Alternative alternative) {
    validate(PowerSettings{Design::two_sample, alpha, alternative});
    if (!(df > 0.0) || !std::isfinite(df)) throw UsageError("degrees of freedom must be positive");
    if (!std::isfinite(ncp)) throw UsageError("effect must be a finite number");
    double p = 0.0;
    switch (alternative) {
        case core::Alternative::two_sided: {
            const double q = critical_value(df, alpha / 2.0);
            p = upper_tail(q, df, ncp) + lower_tail(-q, df, ncp);
            break;
        }
        case core::Alternative::greater: p = upper_tail(critical_value(df, alpha), df, ncp); break;
        case core::Alternative::less: p = lower_tail(-critical_value(df, alpha), df, ncp); break;
    }
    if (!std::isfinite(p)) throw ComputeError("noncentral t power could not be evaluated");
    return std::min(1.0, std::max(0.0, p));
}

std::optional<double> t_min_ncp(double df, double alpha, core::Alternative alternative, double power) {
    const PowerSettings s{Design::two_sample, alpha, alternative};
    validate(s);
    require_power(s, power);
    if (!(df > 0.0)) return std::nullopt;
    const double sign = alternative == core::Alternative::less ? -1.0 : 1.0;
    auto f = [&](double e) { return t_power_df(df, sign * e, alpha, alternative) - power; };
    double lo = 0.0, flo = f(lo), hi = 1.0, fhi = f(hi);
    while (fhi < 0.0) {
        if (hi > 1e6) return std::nullopt;
        lo = hi;
        flo = fhi;
        hi *= 2.0;
        fhi = f(hi);
    }
    return sign * solve(f, lo, hi, flo, fhi);
}

double t_power(const PowerSettings& s, double n, double effect) {
    validate(s);
    if (!(n > 1.0) || !std::isfinite(n)) throw UsageError("n must be greater than 1");
    if (!std::isfinite(effect)) throw UsageError("effect must be a finite number");
    return t_power_df(t_df(s.design, n), t_ncp(s.design, n, effect), s.alpha, s.alternative);
}

std::optional<double> t_min_effect(const PowerSettings& s, double n, double power) {
    validate(s);
    require_power(s, power);
    if (!(n >= 2.0)) throw UsageError("n must be at least 2");
    const auto ncp = t_min_ncp(t_df(s.design, n), s.alpha, s.alternative, power);
    if (!ncp) return std::nullopt;
    return *ncp / t_ncp(s.design, n, 1.0);
}

std::optional<SampleSize> t_sample_size(const PowerSettings& s, double effect, double power, int max_n) {
    validate(s);
    require_power(s, power);
    if (!std::isfinite(effect)) throw UsageError("effect must be a finite number");
    if (effect == 0.0 || (s.alternative == core::Alternative::greater && effect < 0.0) ||
        (s.alternative == core::Alternative::less && effect > 0.0))
        return std::nullopt;
    auto f = [&](double n) { return t_power(s, n, effect) - power; };
    SampleSize out;
    double lo = 2.0, flo = f(lo);
    if (flo >= 0.0) {
        out.n = 2;
        out.n_real = 2.0;
        out.achieved = flo + power;
        return out;
    }
    double hi = 4.0, fhi = f(hi);
    while (fhi < 0.0) {
        if (hi > static_cast<double>(max_n)) return std::nullopt;
        lo = hi;
        flo = fhi;
        hi *= 2.0;
        fhi = f(hi);
    }
    out.n_real = solve(f, lo, hi, flo, fhi);
    int n = static_cast<int>(std::ceil(out.n_real));
    while (f(n) < 0.0) ++n;  // guards the last ulp of the root
    while (n > 2 && f(n - 1) >= 0.0) --n;
    if (n > max_n) return std::nullopt;
    out.n = n;
    out.achieved = t_power(s, n, effect);
    return out;
}

}  // namespace pilotstat::power
