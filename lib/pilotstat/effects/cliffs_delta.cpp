#include "pilotstat/effects/cliffs_delta.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "pilotstat/bootstrap/bootstrap_distribution.hpp"
#include "pilotstat/error.hpp"

namespace pilotstat::effects {

namespace {

constexpr double kTieTolerance = 1e-9;  // relative, as stats::mid_ranks

// The tie tolerance of the original data; resamples reuse it so that a pair
// ties in every resample exactly when it ties in the data.
double tolerance_for(std::span<const double> a, std::span<const double> b) {
    double scale = 0.0;
    for (double v : a) scale = std::max(scale, std::fabs(v));
    for (double v : b) scale = std::max(scale, std::fabs(v));
    return kTieTolerance * std::max(scale, 1e-300);
}

double delta(std::span<const double> a, std::span<const double> b, double tol) {
    long long dominance = 0;  // #(a > b) - #(a < b)
    for (double x : a)
        for (double y : b) dominance += static_cast<int>(x - y > tol) - static_cast<int>(y - x > tol);
    return static_cast<double>(dominance) / (static_cast<double>(a.size()) * static_cast<double>(b.size()));
}

void check_finite(std::span<const double> x) {
    for (double v : x)
        if (!std::isfinite(v)) throw DataError("cliff's delta: a sample has a non-finite value");
}

// Leave-one-out deltas: each observation of a left out (b intact), then of b.
bootstrap::Jackknife jackknife(std::span<const double> a, std::span<const double> b, double tol) {
    bootstrap::Jackknife jk;
    std::vector<double> rest;
    for (std::size_t i = 0; i < a.size(); ++i) {
        rest.assign(a.begin(), a.end());
        rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(i));
        jk.first.push_back(delta(rest, b, tol));
    }
    for (std::size_t j = 0; j < b.size(); ++j) {
        rest.assign(b.begin(), b.end());
        rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(j));
        jk.second.push_back(delta(a, rest, tol));
    }
    return jk;
}

}  // namespace

std::optional<double> cliffs_delta(std::span<const double> a, std::span<const double> b) {
    check_finite(a);
    check_finite(b);
    if (a.empty() || b.empty()) return std::nullopt;
    return delta(a, b, tolerance_for(a, b));
}

bootstrap::BootstrapInterval cliffs_delta_interval(std::span<const double> a, std::span<const double> b,
                                                   const bootstrap::BootstrapOptions& options) {
    const auto estimate = cliffs_delta(a, b);
    if (a.size() < 2 || b.size() < 2) {
        bootstrap::BootstrapInterval r;
        r.estimate = estimate;
        r.note = bootstrap::IntervalNote::too_few_observations;
        return r;
    }
    const double tol = tolerance_for(a, b);
    const auto stat = [tol](std::span<const double> ra, std::span<const double> rb) { return delta(ra, rb, tol); };
    const auto dist = bootstrap::exact_feasible(a.size(), b.size(), options.max_exact)
                          ? bootstrap::exact_two_sample(a, b, stat)
                          : bootstrap::monte_carlo_two_sample(a, b, stat, options.resamples, options.seed);
    const bootstrap::IntervalInputs inputs{*estimate, jackknife(a, b, tol), std::min(a.size(), b.size())};
    return bootstrap::interval_from(dist, inputs, options.method, options.conf);
}

}  // namespace pilotstat::effects
