#include "pilotstat/effects/cliffs_delta_score.hpp"

#include <boost/math/distributions/normal.hpp>
#include <cmath>

#include "pilotstat/effects/cliffs_delta.hpp"

namespace pilotstat::effects {

namespace {

// mn (2 - t)(1 + t) [(theta_hat - t)^2 - z^2 V(t)]: <= 0 exactly on the score set.
double score_polynomial(double t, double theta_hat, double z, double m, double n) {
    const double k = (m + n) / 2.0 - 1.0;  // N* - 1
    const double lhs = m * n * (theta_hat - t) * (theta_hat - t) * (2.0 - t) * (1.0 + t);
    const double bracket = (2.0 - t) * (1.0 + t) + k * ((1.0 - t) * (1.0 + t) + t * (2.0 - t));
    return lhs - z * z * t * (1.0 - t) * bracket;
}

// The boundary of the score set in [lo, hi], one end inside and the other
// outside; bisection to 1e-15 (the polynomial is continuous).
double score_set_boundary(double lo, double hi, double theta_hat, double z, double m, double n) {
    const bool lo_inside = score_polynomial(lo, theta_hat, z, m, n) <= 0.0;
    for (int i = 0; i < 200 && hi - lo > 1e-15; ++i) {
        const double mid = 0.5 * (lo + hi);
        if ((score_polynomial(mid, theta_hat, z, m, n) <= 0.0) == lo_inside) lo = mid;
        else hi = mid;
    }
    return 0.5 * (lo + hi);
}

}  // namespace

double mann_whitney_theta(std::span<const double> a, std::span<const double> b) {
    const auto d = cliffs_delta(a, b);
    return d ? (1.0 + *d) / 2.0 : 0.5;
}

DeltaInterval cliffs_delta_score_interval(std::span<const double> a, std::span<const double> b, double conf) {
    DeltaInterval r;
    const auto d = cliffs_delta(a, b);  // throws on non-finite values
    if (d) {
        r.delta = *d;
        r.theta = (1.0 + *d) / 2.0;
    }
    if (a.size() < 2 || b.size() < 2 || !(conf > 0.0 && conf < 1.0)) {
        r.note = "too few observations";
        return r;
    }
    const double z = boost::math::quantile(boost::math::normal(), (1.0 + conf) / 2.0);
    const double m = static_cast<double>(a.size()), n = static_cast<double>(b.size());
    const double th = r.theta;
    // theta_hat itself is always inside (the polynomial is -z^2 V <= 0 there).
    // Lower end: the first grid point of [0, theta_hat) inside the set, refined
    // against the grid point before it; if none is inside, the end lies
    // between the last grid point below theta_hat and theta_hat. The upper
    // end mirrors this on (theta_hat, 1].
    constexpr int cells = 4096;
    auto inside = [&](double t) { return score_polynomial(t, th, z, m, n) <= 0.0; };
    auto grid = [](int i) { return static_cast<double>(i) / cells; };
    const int below = static_cast<int>(std::ceil(th * cells)) - 1;  // last grid index < theta_hat
    double low = th, high = th;
    int i = 0;
    while (i <= below && !inside(grid(i))) ++i;
    if (i == 0 && below >= 0) low = 0.0;
    else if (i <= below) low = score_set_boundary(grid(i - 1), grid(i), th, z, m, n);
    else if (below >= 0) low = score_set_boundary(grid(below), th, th, z, m, n);
    const int above = static_cast<int>(std::floor(th * cells)) + 1;  // first grid index > theta_hat
    int j = cells;
    while (j >= above && !inside(grid(j))) --j;
    if (j == cells && above <= cells) high = 1.0;
    else if (j >= above) high = score_set_boundary(grid(j), grid(j + 1), th, z, m, n);
    else if (above <= cells) high = score_set_boundary(th, grid(above), th, z, m, n);
    r.ci = core::Interval{2.0 * low - 1.0, 2.0 * high - 1.0, conf, "newcombe score"};
    return r;
}

}  // namespace pilotstat::effects
