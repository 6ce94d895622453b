#include "pilotstat/resample/sign_flips.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <vector>

#include "pilotstat/error.hpp"
#include "pilotstat/inference/exact_options.hpp"
#include "pilotstat/resample/sign_flip_dp.hpp"
#include "pilotstat/resample/rng.hpp"

namespace pilotstat::resample {

using inference::Alternative;
using inference::TestResult;
using inference::TwoSidedRule;

double sign_flip_arrangements(std::size_t n) { return std::ldexp(1.0, static_cast<int>(n)); }

namespace {

// Fills sums[k] with the signed sum of the k-th Gray-code sign vector. Starts
// with every sign +; step k flips the sign of observation ctz(k), the only one
// that changes between Gray codes k-1 and k. No allocation inside the loop.
template <class T>
void gray_code_sums(const std::vector<T>& mag, std::vector<T>& sums) {
    const std::size_t n = mag.size();
    std::vector<T> signed_mag(mag);  // current s_i * |a_i|
    T s = 0;
    for (T m : mag) s += m;
    sums.resize(std::size_t{1} << n);
    sums[0] = s;
    for (std::size_t k = 1; k < sums.size(); ++k) {
        const auto i = static_cast<std::size_t>(std::countr_zero(k));
        s -= 2 * signed_mag[i];
        signed_mag[i] = -signed_mag[i];
        sums[k] = s;
    }
}

ExactDistribution enumerate_integer(const IntegerScaling& sc, AffineMap map) {
    std::vector<std::int64_t> mag;
    mag.reserve(sc.units.size());
    for (auto u : sc.units) mag.push_back(u < 0 ? -u : u);
    std::vector<std::int64_t> sums;
    gray_code_sums(mag, sums);
    std::sort(sums.begin(), sums.end());
    std::vector<double> support, weights;
    for (std::size_t i = 0; i < sums.size();) {
        std::size_t j = i;
        while (j < sums.size() && sums[j] == sums[i]) ++j;
        support.push_back(sign_flip_value(sums[i], sc.step, map));
        weights.push_back(static_cast<double>(j - i));
        i = j;
    }
    return ExactDistribution::from_weights(std::move(support), std::move(weights));
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
    gray_code_sums(mag, sums);
    for (double& v : sums) v = map(v);
    return ExactDistribution::from_values(std::move(sums));
}

namespace {

struct TailCounts {
    double le = 0, ge = 0, dev = 0;  // S <= s, S >= s, |S| >= |s| (within tol)
};

TailCounts count_random_flips(std::span<const double> mag, double s_obs, std::uint64_t B,
                              std::uint64_t seed) {
    double total = 0.0;
    for (double m : mag) total += m;
    const double tol = 1e-9 * std::max(total, 1e-300);
    Rng rng(seed);
    TailCounts c;
    for (std::uint64_t b = 0; b < B; ++b) {
        double s = 0.0;
        std::uint64_t bits = 0;
        for (std::size_t i = 0; i < mag.size(); ++i) {
            if (i % 64 == 0) bits = rng.next();
            s += (bits & 1u) ? mag[i] : -mag[i];
            bits >>= 1;
        }
        if (s <= s_obs + tol) c.le += 1;
        if (s >= s_obs - tol) c.ge += 1;
        if (std::fabs(s) >= std::fabs(s_obs) - tol) c.dev += 1;
    }
    return c;
}

}  // namespace

TestResult monte_carlo_sign_flips(std::span<const double> scores, double observed_sum,
                                  AffineMap map, Alternative alternative, TwoSidedRule rule,
                                  std::uint64_t resamples, std::uint64_t seed) {
    if (resamples == 0) throw ComputeError("monte carlo sign flips: zero resamples");
    std::vector<double> mag;
    mag.reserve(scores.size());
    for (double a : scores) mag.push_back(std::fabs(a));
    const TailCounts c = count_random_flips(mag, observed_sum, resamples, seed);
    TestResult r;
    r.statistic = map(observed_sum);
    r.alternative = alternative;
    r.two_sided_rule = rule;
    double k = c.dev;
    if (alternative == Alternative::greater) k = c.ge;
    if (alternative == Alternative::less) k = c.le;
    const bool doubled = alternative == Alternative::two_sided && rule == TwoSidedRule::doubled;
    if (doubled) k = 2.0 * std::min(c.le, c.ge) + 1.0;  // p = 2 (min + 1) / (B + 1)
    inference::finish_monte_carlo(r, k, resamples, seed);
    if (doubled && r.p_value > 1.0) {
        r.p_value = 1.0;
        r.mc_se = 0.0;
    }
    return r;
}

}  // namespace pilotstat::resample
