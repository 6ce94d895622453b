#include "pilotstat/null/sign_flips.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <vector>

#include "pilotstat/error.hpp"
#include "pilotstat/core/exact_options.hpp"
#include "pilotstat/null/monte_carlo.hpp"
#include "pilotstat/null/sign_flip_dp.hpp"
#include "pilotstat/resample/rng.hpp"

namespace pilotstat::null {

using core::Alternative;
using core::TestResult;
using core::TwoSidedRule;

double sign_flip_arrangements(std::size_t n) { return std::ldexp(1.0, static_cast<int>(n)); }

namespace {

// Calls visit(S) for the signed sum S of every sign vector, in Gray-code
// order: starts with every sign +; step k flips the sign of observation
// ctz(k), the only one that changes between Gray codes k-1 and k, so each
// step is O(1). No allocation inside the loop.
template <class T, class Visit>
void gray_code_visit(const std::vector<T>& mag, Visit visit) {
    std::vector<T> signed_mag(mag);  // current s_i * |a_i|
    T s = 0;
    for (T m : mag) s += m;
    visit(s);
    const std::size_t count = std::size_t{1} << mag.size();
    for (std::size_t k = 1; k < count; ++k) {
        const auto i = static_cast<std::size_t>(std::countr_zero(k));
        s -= 2 * signed_mag[i];
        signed_mag[i] = -signed_mag[i];
        visit(s);
    }
}

// Integer units, small total U: S = 2k - U with k in 0..U, so the visits are
// tallied in a table of U + 1 counts (no storage of 2^n sums, no sort).
ExactDistribution tally_integer(const std::vector<std::int64_t>& mag, std::int64_t U,
                                double step, AffineMap map) {
    std::vector<double> tally(static_cast<std::size_t>(U) + 1, 0.0);
    gray_code_visit(mag, [&](std::int64_t s) { tally[static_cast<std::size_t>((s + U) / 2)] += 1.0; });
    std::vector<double> support, weights;
    for (std::int64_t k = 0; k <= U; ++k) {
        if (tally[static_cast<std::size_t>(k)] == 0.0) continue;
        support.push_back(sign_flip_value(2 * k - U, step, map));
        weights.push_back(tally[static_cast<std::size_t>(k)]);
    }
    return ExactDistribution::from_weights(std::move(support), std::move(weights));
}

// Integer units, large total: store the 2^n sums, sort, count runs.
ExactDistribution sort_integer(const std::vector<std::int64_t>& mag, double step, AffineMap map) {
    std::vector<std::int64_t> sums;
    sums.reserve(std::size_t{1} << mag.size());
    gray_code_visit(mag, [&](std::int64_t s) { sums.push_back(s); });
    std::sort(sums.begin(), sums.end());
    std::vector<double> support, weights;
    for (std::size_t i = 0; i < sums.size();) {
        std::size_t j = i;
        while (j < sums.size() && sums[j] == sums[i]) ++j;
        support.push_back(sign_flip_value(sums[i], step, map));
        weights.push_back(static_cast<double>(j - i));
        i = j;
    }
    return ExactDistribution::from_weights(std::move(support), std::move(weights));
}

ExactDistribution enumerate_integer(const IntegerScaling& sc, AffineMap map) {
    std::vector<std::int64_t> mag;
    std::int64_t U = 0;
    for (auto u : sc.units) {
        mag.push_back(u < 0 ? -u : u);
        U += mag.back();
    }
    if (static_cast<double>(U) + 1.0 <= sign_flip_arrangements(mag.size()))
        return tally_integer(mag, U, sc.step, map);
    return sort_integer(mag, sc.step, map);
}

}  // namespace

ExactDistribution enumerate_sign_flips(std::span<const double> scores, AffineMap map) {
    if (scores.size() > kMaxSignFlipEnumeration)
        throw ComputeError("sign-flip enumeration: too many observations (" +
                           std::to_string(scores.size()) + " > " +
                           std::to_string(kMaxSignFlipEnumeration) + ")");
    if (auto sc = sign_flip_scaling(scores)) return enumerate_integer(*sc, map);
    std::vector<double> mag;
    mag.reserve(scores.size());
    for (double a : scores) mag.push_back(std::fabs(a));
    std::vector<double> sums;
    sums.reserve(std::size_t{1} << mag.size());
    gray_code_visit(mag, [&](double s) { sums.push_back(map(s)); });
    return ExactDistribution::from_values(std::move(sums));
}

double SignFlipDraw::operator()(resample::Rng& rng) const {
    double s = 0.0;
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < magnitudes.size(); ++i) {
        if (i % 64 == 0) bits = rng.next();
        s += (bits & 1u) ? magnitudes[i] : -magnitudes[i];
        bits >>= 1;
    }
    return map(s);
}

SignFlipDraw sign_flip_draw(std::span<const double> scores, AffineMap map) {
    SignFlipDraw d;
    d.map = map;
    d.magnitudes.reserve(scores.size());
    for (double a : scores) d.magnitudes.push_back(std::fabs(a));
    return d;
}

core::TestResult monte_carlo_sign_flips(std::span<const double> scores, double observed_sum,
                                  AffineMap map, core::Alternative alternative, core::TwoSidedRule rule,
                                  std::uint64_t resamples, std::uint64_t seed) {
    if (resamples == 0) throw ComputeError("monte carlo sign flips: zero resamples");
    const SignFlipDraw draw = sign_flip_draw(scores, map);
    resample::Rng rng(seed);
    std::vector<double> draws;
    draws.reserve(resamples);
    for (std::uint64_t b = 0; b < resamples; ++b) draws.push_back(draw(rng));
    core::ExactOptions o;
    o.alternative = alternative;
    o.two_sided_rule = rule;
    o.resamples = resamples;
    o.seed = seed;
    return monte_carlo_test(draws, map(observed_sum), map(0.0), o);
}

}  // namespace pilotstat::null
