#include "pilotstat/inference/t_tests.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>

#include "pilotstat/error.hpp"

namespace pilotstat::inference {

namespace {

struct Sample {
    double n = 0.0, mean = 0.0, ss = 0.0;  // ss: sum of squared deviations
};

// Two-pass mean and sum of squares in long double: the corrected two-pass
// algorithm (Chan, Golub & LeVeque 1983) reduces to this when the first-pass
// mean is accurate, which 64-bit-mantissa accumulation gives at these n.
Sample sample(std::span<const double> x) {
    Sample s;
    s.n = static_cast<double>(x.size());
    long double sum = 0;
    for (double v : x) sum += v;
    const long double mean = sum / static_cast<long double>(x.size());
    long double ss = 0, corr = 0;
    for (double v : x) {
        const long double d = v - mean;
        ss += d * d;
        corr += d;
    }
    ss -= corr * corr / static_cast<long double>(x.size());
    s.mean = static_cast<double>(mean);
    s.ss = static_cast<double>(ss < 0 ? 0 : ss);
    return s;
}

TTestResult finish(const Sample& a, const Sample& b, double se, double df, core::Alternative alt,
                   double conf) {
    if (!(conf > 0.0 && conf < 1.0)) throw UsageError("confidence level must be between 0 and 1");
    const boost::math::students_t dist(df);
    TTestResult r;
    r.mean_a = a.mean;
    r.mean_b = b.mean;
    r.difference = a.mean - b.mean;
    r.se = se;
    const double t = r.difference / se;
    r.test.statistic = t;
    r.test.alternative = alt;
    r.test.method = core::Method::asymptotic;
    r.test.df = df;
    const double upper = boost::math::cdf(boost::math::complement(dist, t));
    const double lower = boost::math::cdf(dist, t);
    switch (alt) {
        case core::Alternative::greater: r.test.p_value = upper; break;
        case core::Alternative::less: r.test.p_value = lower; break;
        case core::Alternative::two_sided:
            r.test.p_value = 2.0 * boost::math::cdf(boost::math::complement(dist, std::fabs(t)));
            break;
    }
    const double q = boost::math::quantile(boost::math::complement(dist, (1.0 - conf) / 2.0));
    r.ci = {r.difference - q * se, r.difference + q * se, conf, "t"};
    return r;
}

}  // namespace

std::optional<TTestResult> welch_t_test(std::span<const double> a, std::span<const double> b,
                                        core::Alternative alternative, double conf) {
    if (a.size() < 2 || b.size() < 2) return std::nullopt;
    const Sample sa = sample(a), sb = sample(b);
    const double va = sa.ss / (sa.n - 1) / sa.n, vb = sb.ss / (sb.n - 1) / sb.n;  // s^2 / n
    const double v = va + vb;
    if (!(v > 0.0)) return std::nullopt;
    const double df = v * v / (va * va / (sa.n - 1) + vb * vb / (sb.n - 1));
    auto r = finish(sa, sb, std::sqrt(v), df, alternative, conf);
    r.ci.method = "welch-t";
    return r;
}

std::optional<TTestResult> student_t_test(std::span<const double> a, std::span<const double> b,
                                          core::Alternative alternative, double conf) {
    if (a.empty() || b.empty() || a.size() + b.size() < 3) return std::nullopt;
    const Sample sa = sample(a), sb = sample(b);
    const double df = sa.n + sb.n - 2;
    const double pooled = (sa.ss + sb.ss) / df;
    if (!(pooled > 0.0)) return std::nullopt;
    auto r = finish(sa, sb, std::sqrt(pooled * (1 / sa.n + 1 / sb.n)), df, alternative, conf);
    r.ci.method = "student-t";
    return r;
}

}  // namespace pilotstat::inference
