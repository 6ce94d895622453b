#include "pilotstat/check/pct_change.hpp"

#include <cmath>
#include <stdexcept>
#include <vector>

#include "pilotstat/check/grim.hpp"

namespace pilotstat::check {

namespace {

struct MeanGrid {
    std::int64_t first = 0, last = -1;  // whole k with k*unit in [min, max]
    double unit = 1;
    double at(std::int64_t k) const { return static_cast<double>(k) * unit; }
    bool contains(std::int64_t k) const { return k >= first && k <= last; }
};

MeanGrid make_grid(const PctChangeQuery& q) {
    MeanGrid g;
    g.unit = q.grid / static_cast<double>(q.n);
    g.first = static_cast<std::int64_t>(std::ceil(q.min / g.unit - 1e-9));
    g.last = static_cast<std::int64_t>(std::floor(q.max / g.unit + 1e-9));
    if (g.last - g.first > 1000000) throw std::invalid_argument("more than 10^6 attainable means; narrow min/max");
    return g;
}

bool matches(const std::optional<Published>& p, double mean) {
    return !p || rounds_to(mean, p->value, p->decimals);
}

double pct(double a, double b) { return 100 * (b - a) / a; }

// Grid means reachable from some attainable mean by a change that rounds to `after`.
std::vector<bool> reachable(const MeanGrid& g, const Published& after) {
    std::vector<bool> out(static_cast<std::size_t>(g.last - g.first + 1), false);
    const double h = 0.5 * std::pow(10.0, -after.decimals) * (1 + 1e-9);
    for (std::int64_t ka = g.first; ka <= g.last; ++ka) {
        const double a = g.at(ka);
        if (a == 0) continue;
        const double b1 = a * (1 + (after.value - h) / 100), b2 = a * (1 + (after.value + h) / 100);
        const auto lo = static_cast<std::int64_t>(std::floor(std::min(b1, b2) / g.unit)) - 1;
        const auto hi = static_cast<std::int64_t>(std::ceil(std::max(b1, b2) / g.unit)) + 1;
        for (std::int64_t kb = lo; kb <= hi; ++kb)
            if (g.contains(kb) && rounds_to(pct(a, g.at(kb)), after.value, after.decimals))
                out[static_cast<std::size_t>(kb - g.first)] = true;
    }
    return out;
}

}  // namespace

PctChangeResult pct_change_test(const PctChangeQuery& q) {
    const MeanGrid g = make_grid(q);
    std::vector<bool> start_ok;
    if (q.after) start_ok = reachable(g, *q.after);
    PctChangeResult r;
    auto consider = [&](double a, double b) {
        const double p = pct(a, b);
        if (!r.nearest_pct || std::fabs(p - q.pct.value) < std::fabs(*r.nearest_pct - q.pct.value)) {
            r.nearest_pct = p;
            r.from_mean = a;
            r.to_mean = b;
        }
    };
    for (std::int64_t ka = g.first; ka <= g.last; ++ka) {
        const double a = g.at(ka);
        if (a == 0 || !matches(q.from, a)) continue;
        if (q.after && !start_ok[static_cast<std::size_t>(ka - g.first)]) continue;
        const auto kt = std::llround(a * (1 + q.pct.value / 100) / g.unit);
        for (std::int64_t kb = kt - 1; kb <= kt + 1; ++kb)
            if (g.contains(kb) && matches(q.to, g.at(kb))) consider(a, g.at(kb));
        if (!q.to) continue;
        const double h = 0.5 * std::pow(10.0, -q.to->decimals);
        const auto lo = static_cast<std::int64_t>(std::floor((q.to->value - h) / g.unit)) - 1;
        const auto hi = static_cast<std::int64_t>(std::ceil((q.to->value + h) / g.unit)) + 1;
        for (std::int64_t kb = lo; kb <= hi; ++kb)
            if (g.contains(kb) && matches(q.to, g.at(kb))) consider(a, g.at(kb));
    }
    r.consistent = r.nearest_pct && rounds_to(*r.nearest_pct, q.pct.value, q.pct.decimals);
    return r;
}

}  // namespace pilotstat::check
