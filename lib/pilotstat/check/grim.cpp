#include "pilotstat/check/grim.hpp"

#include <cfloat>
#include <cmath>
#include <string>

#include "pilotstat/data/decimal.hpp"

namespace pilotstat::check {

namespace {

double half_unit(int decimals) { return 0.5 * std::pow(10.0, -decimals); }

// Smallest sum of squares of n integers that total T: as equal as possible.
long double min_sum_of_squares(std::int64_t total, std::int64_t n) {
    const auto q = static_cast<long double>(std::floor(static_cast<long double>(total) / n));
    const long double r = static_cast<long double>(total) - q * n;
    return (n - r) * q * q + r * (q + 1) * (q + 1);
}

long double sd_of(long double q, long double total, std::int64_t n, double grid) {
    const long double ss = q - total * total / n;
    return grid * std::sqrt(std::max(ss, 0.0L) / (n - 1));
}

// The attainable SD closest to `sd` for one total, Q restricted to the
// parity of the total when `parity` (else any integer), Q >= minimum.
long double nearest_sd_for_total(std::int64_t total, double sd, std::int64_t n, double grid, bool parity) {
    const long double t = total;
    const long double target = (n - 1) * (static_cast<long double>(sd) / grid) * (sd / grid) + t * t / n;
    const long double qmin = min_sum_of_squares(total, n);
    const std::int64_t step = parity ? 2 : 1;
    auto fix = [&](long double q) {  // lift to >= qmin, then to the right parity (upwards)
        long double v = std::max(q, qmin);
        if (parity && std::fmod(std::fabs(v - t), 2.0L) != 0) v += 1;
        return v;
    };
    const long double below = fix(std::floor(target) - (parity ? 1 : 0));
    long double best = below;
    for (long double q = below; q <= std::ceil(target) + step; q += step)
        if (std::fabs(sd_of(q, t, n, grid) - sd) < std::fabs(sd_of(best, t, n, grid) - sd)) best = q;
    return sd_of(best, t, n, grid);
}

// The attainable SD closest to the published one over all totals that pass GRIM.
std::optional<double> nearest_sd(double mean, int mean_decimals, double sd, std::int64_t n, double grid,
                                 bool parity) {
    const double hm = half_unit(mean_decimals) * (1 + 1e-9) + 8 * DBL_EPSILON * std::fabs(mean);
    const auto lo = static_cast<std::int64_t>(std::ceil((mean - hm) * n / grid));
    const auto hi = static_cast<std::int64_t>(std::floor((mean + hm) * n / grid));
    std::optional<double> best;
    for (std::int64_t t = lo; t <= hi && t - lo < 1000000; ++t) {
        if (!rounds_to(static_cast<double>(t) * grid / n, mean, mean_decimals)) continue;
        const auto s = static_cast<double>(nearest_sd_for_total(t, sd, n, grid, parity));
        if (!best || std::fabs(s - sd) < std::fabs(*best - sd)) best = s;
    }
    return best;
}

}  // namespace

std::optional<double> parse_step(std::string_view text) {
    const auto slash = text.find('/');
    if (slash == std::string_view::npos) {
        const auto v = data::parse_finite(text);
        return v && *v > 0 ? v : std::nullopt;
    }
    const auto a = data::parse_finite(text.substr(0, slash));
    const auto b = data::parse_finite(text.substr(slash + 1));
    if (!a || !b || *a <= 0 || *b <= 0) return std::nullopt;
    return *a / *b;
}

bool rounds_to(double value, double published, int decimals) {
    const double h = half_unit(decimals);
    return std::fabs(value - published) <= h * (1 + 1e-9) + 8 * DBL_EPSILON * std::fabs(published);
}

GrimResult grim_test(double mean, int decimals, std::int64_t n, double grid) {
    GrimResult r;
    r.total = std::llround(mean * static_cast<double>(n) / grid);
    r.nearest_mean = static_cast<double>(r.total) * grid / static_cast<double>(n);
    r.consistent = rounds_to(r.nearest_mean, mean, decimals);
    return r;
}

GrimmerResult grimmer_test(double mean, int mean_decimals, double sd, int sd_decimals, std::int64_t n,
                           double grid) {
    GrimmerResult r;
    if (!grim_test(mean, mean_decimals, n, grid).consistent) return r;
    r.nearest_sd = nearest_sd(mean, mean_decimals, sd, n, grid, true);
    if (r.nearest_sd && rounds_to(*r.nearest_sd, sd, sd_decimals)) {
        r.verdict = GrimmerVerdict::consistent;
        return r;
    }
    const auto any = nearest_sd(mean, mean_decimals, sd, n, grid, false);
    r.verdict = any && rounds_to(*any, sd, sd_decimals) ? GrimmerVerdict::wrong_parity
                                                          : GrimmerVerdict::no_sum_of_squares;
    return r;
}

bool sd_attainable_for_total(std::int64_t total, std::int64_t n, double grid, double sd, int sd_decimals) {
    return rounds_to(static_cast<double>(nearest_sd_for_total(total, sd, n, grid, true)), sd, sd_decimals);
}

}  // namespace pilotstat::check
