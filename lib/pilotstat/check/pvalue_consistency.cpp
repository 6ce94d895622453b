#include "pilotstat/check/pvalue_consistency.hpp"

#include <algorithm>
#include <cmath>

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include "pilotstat/check/mann_whitney_u.hpp"

namespace pilotstat::check {

std::optional<StatTest> parse_stat_test(std::string_view name) {
    if (name == "t") return StatTest::t;
    if (name == "z") return StatTest::z;
    if (name == "F" || name == "f") return StatTest::f;
    if (name == "chisq" || name == "chi2") return StatTest::chisq;
    if (name == "r") return StatTest::r;
    if (name == "U") return StatTest::u;
    return std::nullopt;
}

double p_from_statistic(StatTest test, double x, double df1, double df2, int tails) {
    namespace bm = boost::math;
    switch (test) {
        case StatTest::t:
            return std::min(1.0, tails * bm::cdf(bm::complement(bm::students_t(df1), std::fabs(x))));
        case StatTest::z:
            return std::min(1.0, tails * bm::cdf(bm::complement(bm::normal(), std::fabs(x))));
        case StatTest::f: return x <= 0 ? 1.0 : bm::cdf(bm::complement(bm::fisher_f(df1, df2), x));
        case StatTest::chisq: return x <= 0 ? 1.0 : bm::cdf(bm::complement(bm::chi_squared(df1), x));
        case StatTest::r: {
            const double r = std::fabs(x);
            if (r >= 1) return 0.0;
            return p_from_statistic(StatTest::t, r * std::sqrt(df1 / (1 - r * r)), df1, 0, tails);
        }
        case StatTest::u:
            return mann_whitney_u_p(std::llround(x), std::llround(df1), std::llround(df2), tails);
    }
    return 1.0;
}

PRange p_range(const StatReport& s) {
    if (s.test == StatTest::u) {
        const double p = p_from_statistic(s.test, s.value, s.df1, s.df2, s.tails);
        return {p, p, p};
    }
    const double h = 0.5 * std::pow(10.0, -s.decimals);
    double lo = s.value - h, hi = s.value + h;
    const bool signed_stat = s.test == StatTest::t || s.test == StatTest::z || s.test == StatTest::r;
    double small = 0, large = 0;  // smallest and largest |x| in [lo, hi]
    if (signed_stat) {
        small = (lo <= 0 && hi >= 0) ? 0 : std::min(std::fabs(lo), std::fabs(hi));
        large = std::max(std::fabs(lo), std::fabs(hi));
        if (s.test == StatTest::r) large = std::min(large, 1.0);
    } else {
        small = std::max(lo, 0.0);
        large = std::max(hi, 0.0);
    }
    PRange r;
    r.p = p_from_statistic(s.test, s.value, s.df1, s.df2, s.tails);
    r.high = p_from_statistic(s.test, small, s.df1, s.df2, s.tails);
    r.low = p_from_statistic(s.test, large, s.df1, s.df2, s.tails);
    return r;
}

}  // namespace pilotstat::check
