#include "pilotstat/inference/paired_t_test.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

#include "pilotstat/data/exact_sqrt.hpp"
#include "pilotstat/data/rational.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/inference/signflip_test.hpp"
#include "pilotstat/resample/integer_scaling.hpp"

namespace pilotstat::inference {

namespace {
__extension__ using int128 = __int128;

// Exact: n * SS = n * sum u^2 - (sum u)^2 in 128-bit integers (|u| < 2^40,
// so n up to ~2^40 cannot overflow), one division at the end.
std::optional<DifferenceSummary> exact_summary(std::span<const double> x) {
    const auto sc = resample::integer_scaling(x, 8, std::int64_t{1} << 40);
    if (!sc) return std::nullopt;
    int128 sum = 0, sum_sq = 0;
    for (auto u : sc->units) {
        sum += u;
        sum_sq += static_cast<int128>(u) * u;
    }
    const auto n = static_cast<int128>(x.size());
    DifferenceSummary s;
    s.n = x.size();
    // mean = sum * step_num / (n * step_den), one rounding.
    int128 num = 0, den = 0;
    if (__builtin_mul_overflow(sum, static_cast<int128>(sc->step_num), &num) ||
        __builtin_mul_overflow(n, static_cast<int128>(sc->step_den), &den))
        return std::nullopt;
    s.mean = data::nearest_double(num, den);
    if (x.size() >= 2) {
        const int128 nss = n * sum_sq - sum * sum;
        // var = nss * step_num^2 / (n (n - 1) step_den^2), rounded once where it fits.
        int128 vn = 0;
        const auto sn = static_cast<int128>(sc->step_num), sd = static_cast<int128>(sc->step_den);
        if (!__builtin_mul_overflow(nss, sn * sn, &vn)) {
            // the exact variance's square root, rounded once (data/exact_sqrt.hpp)
            const auto u = [](int128 v) { return static_cast<data::uint128>(v); };
            s.sd = data::sqrt_nearest(u(vn), {u(n), u(n - 1), u(sd), u(sd)});
        } else {
            const long double var_units = static_cast<long double>(nss) / static_cast<long double>(n * (n - 1));
            s.sd = static_cast<double>(std::sqrt(var_units) * static_cast<long double>(sc->step));
        }
    }
    return s;
}

DifferenceSummary two_pass_summary(std::span<const double> x) {
    DifferenceSummary s;
    s.n = x.size();
    if (x.empty()) return s;
    long double sum = 0;
    for (double v : x) sum += v;
    const long double mean = sum / static_cast<long double>(x.size());
    long double ss = 0, dev = 0;
    for (double v : x) {
        ss += (v - mean) * (v - mean);
        dev += v - mean;
    }
    s.mean = static_cast<double>(mean + dev / static_cast<long double>(x.size()));
    const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
    if (*lo == *hi) {  // constant data: exactly zero spread, exactly that mean
        s.mean = *lo;
        return s;
    }
    if (x.size() >= 2) s.sd = static_cast<double>(std::sqrt(ss / static_cast<long double>(x.size() - 1)));
    return s;
}
}  // namespace

DifferenceSummary summarize_differences(std::span<const double> differences) {
    if (auto s = exact_summary(differences)) return *s;
    return two_pass_summary(differences);
}

namespace {
PairedTResult all_zero_result(std::size_t n, core::Alternative alternative, double conf) {
    PairedTResult r{core::TestResult{}, 0.0, 0.0, core::Interval{0.0, 0.0, conf, "t"}};
    r.test.statistic = 0.0;
    r.test.p_value = 1.0;
    r.test.alternative = alternative;
    r.test.method = core::Method::asymptotic;
    r.test.df = static_cast<double>(n - 1);
    r.test.note = "all differences zero";
    return r;
}
}  // namespace

namespace {
// p-value and interval of the mean for one alternative (R's t.test layout).
void fill_t_inference(PairedTResult& r, double df, core::Alternative alternative, double conf) {
    const boost::math::students_t_distribution<double> dist(df);
    const double t = r.test.statistic, m = r.mean_difference, se = r.se;
    const double inf = std::numeric_limits<double>::infinity();
    switch (alternative) {
        case core::Alternative::two_sided: {
            r.test.p_value = 2.0 * boost::math::cdf(boost::math::complement(dist, std::fabs(t)));
            const double q = boost::math::quantile(boost::math::complement(dist, (1.0 - conf) / 2.0));
            r.ci = {m - q * se, m + q * se, conf, "t"};
            break;
        }
        case core::Alternative::less:
            r.test.p_value = boost::math::cdf(dist, t);
            r.ci = {-inf, m + boost::math::quantile(dist, conf) * se, conf, "t (one-sided)"};
            break;
        case core::Alternative::greater:
            r.test.p_value = boost::math::cdf(boost::math::complement(dist, t));
            r.ci = {m - boost::math::quantile(dist, conf) * se, inf, conf, "t (one-sided)"};
            break;
    }
    r.test.p_value = std::min(1.0, r.test.p_value);
}
}  // namespace

std::optional<PairedTResult> paired_t_test(std::span<const double> differences,
                                           core::Alternative alternative, double conf) {
    require_finite_differences(differences);
    if (!(conf > 0.0 && conf < 1.0)) throw UsageError("confidence level must be between 0 and 1");
    if (differences.size() < 2) return std::nullopt;
    const auto s = summarize_differences(differences);
    if (s.sd == 0.0) {
        if (s.mean != 0.0) return std::nullopt;
        return all_zero_result(s.n, alternative, conf);
    }
    const double n = static_cast<double>(s.n);
    PairedTResult r{core::TestResult{}, s.mean, s.sd / std::sqrt(n), core::Interval{}};
    r.test.statistic = s.mean / r.se;
    r.test.alternative = alternative;
    r.test.method = core::Method::asymptotic;
    r.test.df = n - 1.0;
    fill_t_inference(r, n - 1.0, alternative, conf);
    return r;
}

}  // namespace pilotstat::inference
