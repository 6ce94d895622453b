#include "pilotstat/effects/hedges_g.hpp"

#include <cmath>

#include "pilotstat/stats/descriptive.hpp"
#include "pilotstat/stats/noncentral_t.hpp"

namespace pilotstat::effects {

namespace {

// Mean and sum of squared deviations by two passes in long double: the second
// pass removes the first-order rounding of the mean (Chan, Golub & LeVeque 1983).
struct Moments {
    long double mean = 0;
    long double ss = 0;
};

Moments moments(std::span<const double> x) {
    long double sum = 0;
    for (double v : x) sum += v;
    Moments m;
    m.mean = sum / static_cast<long double>(x.size());
    long double dev = 0, sq = 0;
    for (double v : x) {
        const long double e = v - m.mean;
        dev += e;
        sq += e * e;
    }
    m.mean += dev / static_cast<long double>(x.size());
    m.ss = sq - dev * dev / static_cast<long double>(x.size());
    return m;
}

std::optional<core::Interval> scaled(const std::optional<core::Interval>& ncp, double scale) {
    if (!ncp) return std::nullopt;
    core::Interval out = *ncp;
    out.low *= scale;
    out.high *= scale;
    out.method = "noncentral-t";
    return out;
}

}  // namespace

HedgesGResult hedges_g(std::span<const double> a, std::span<const double> b, double conf) {
    HedgesGResult r;
    if (a.size() < 2 || b.size() < 2) {
        r.note = "group with fewer than 2 values";
        return r;
    }
    if (!stats::all_finite(a) || !stats::all_finite(b)) {
        r.note = "non-finite value";
        return r;
    }
    const Moments ma = moments(a), mb = moments(b);
    const double na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());
    StandardizedDifference s;
    s.df = na + nb - 2.0;
    s.mean_difference = static_cast<double>(ma.mean - mb.mean);
    s.pooled_sd = static_cast<double>(std::sqrt((ma.ss + mb.ss) / static_cast<long double>(s.df)));
    // Rounding-level spread counts as none: d would be pure noise.
    const double scale = std::fmax(std::fabs(static_cast<double>(ma.mean)),
                                   std::fabs(static_cast<double>(mb.mean)));
    if (!(s.pooled_sd > 1e-14 * scale)) {
        r.note = "pooled sd is zero";
        return r;
    }
    s.cohens_d = s.mean_difference / s.pooled_sd;
    s.j = stats::hedges_j(s.df);
    s.hedges_g = s.j * s.cohens_d;
    const double h = std::sqrt(1.0 / na + 1.0 / nb);
    const auto ncp = stats::noncentral_t_ncp_interval(s.cohens_d / h, s.df, conf);
    s.d_ci = scaled(ncp, h);
    s.g_ci = scaled(ncp, h * s.j);
    if (!ncp) r.note = "noncentral-t interval not found";
    r.value = s;
    return r;
}

}  // namespace pilotstat::effects
