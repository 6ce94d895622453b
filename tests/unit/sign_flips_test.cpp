// Sign-flip providers: Gray-code enumeration, the DP, and Monte Carlo agree.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <vector>

#include "pilotstat/error.hpp"
#include "pilotstat/resample/rng.hpp"
#include "pilotstat/null/sign_flip_dp.hpp"
#include "pilotstat/null/sign_flips.hpp"

using namespace pilotstat;
using null::AffineMap;
using null::ExactDistribution;

namespace {
// Naive reference: loop over all 2^n sign vectors as bit patterns.
ExactDistribution naive(const std::vector<double>& a, AffineMap map) {
    std::vector<double> values;
    for (std::size_t mask = 0; mask < (std::size_t{1} << a.size()); ++mask) {
        double s = 0;
        for (std::size_t i = 0; i < a.size(); ++i) s += ((mask >> i) & 1u) ? a[i] : -a[i];
        values.push_back(map(s));
    }
    return ExactDistribution::from_values(values);
}

void check_same(const ExactDistribution& x, const ExactDistribution& y) {
    REQUIRE(x.support().size() == y.support().size());
    for (std::size_t i = 0; i < x.support().size(); ++i) {
        // supports computed by different summation orders: 1e-12 relative
        CHECK(x.support()[i] == doctest::Approx(y.support()[i]).epsilon(1e-12));
        CHECK(x.weights()[i] == y.weights()[i]);  // counts: exactly equal
    }
    CHECK(x.total_weight() == y.total_weight());
}

std::vector<double> random_scores(resample::Rng& rng, std::size_t n, double step, int max_units) {
    std::vector<double> a(n);
    for (auto& v : a)
        v = (static_cast<double>(rng.below(2 * static_cast<std::uint64_t>(max_units) + 1)) - max_units) * step;
    return a;
}
}  // namespace

TEST_CASE("Paired/sign flips: n = 5 enumeration has 32 arrangements and floor 2/32") {
    const std::vector<double> d{-13, -15, -10, -13, -15};
    const auto dist = null::enumerate_sign_flips(d, {0.0, 1.0 / 5.0});
    CHECK(dist.total_weight() == 32.0);
    CHECK(dist.p_floor(core::Alternative::two_sided) == doctest::Approx(2.0 / 32).epsilon(1e-15));
    CHECK(dist.mean() == doctest::Approx(0.0).epsilon(1e-15));
}

TEST_CASE("Paired/sign flips: Gray-code enumeration equals naive loop (non-integer scores)") {
    const std::vector<double> a{0.1, 0.2, 0.30000000000000004, std::sqrt(2.0), 1.0 / 3.0, M_PI, 0.0};
    check_same(null::enumerate_sign_flips(a, {1.5, 0.5}), naive(a, {1.5, 0.5}));
}

TEST_CASE("Paired/sign flips: DP equals enumeration on random integer and quarter-step data") {
    resample::Rng rng(12345);
    const double steps[] = {1.0, 0.25, 0.5};
    int dp_runs = 0;
    for (int rep = 0; rep < 200; ++rep) {
        const std::size_t n = 1 + rng.below(12);
        const double step = steps[rep % 3];
        const auto a = random_scores(rng, n, step, rep % 2 ? 3 : 40);  // few values -> ties, zeros
        const AffineMap map{rep % 2 ? 0.0 : 7.25, rep % 2 ? 1.0 / static_cast<double>(n) : 0.5};
        const auto dp = null::sign_flip_dp(a, map, 1e9);
        REQUIRE(dp.has_value());
        const auto en = null::enumerate_sign_flips(a, map);
        check_same(*dp, en);
        check_same(en, naive(a, map));  // independent of integer scaling
        ++dp_runs;
    }
    CHECK(dp_runs == 200);
    // Sevenths (BPI interference) scale by 2520 * 10^k: the DP applies and
    // must agree with the enumeration it replaces.
    const std::vector<double> sevenths{1.0 / 7.0, 2.0 / 7.0, 3.0 / 7.0, -4.0 / 7.0, 2.0 / 7.0};
    const auto dp7 = null::sign_flip_dp(sevenths, {}, 1e9);
    REQUIRE(dp7.has_value());
    check_same(*dp7, null::enumerate_sign_flips(sevenths, {}));
}

TEST_CASE("Paired/sign flips: DP and enumeration give identical supports on integer data") {
    // Both convert integer sums through sign_flip_value: bit-identical support.
    const std::vector<double> a{2.25, -1.5, 0.0, 3.75, 2.25, -0.5, 1.0};
    const auto dp = null::sign_flip_dp(a, {0.0, 1.0 / 7.0}, 1e9);
    const auto en = null::enumerate_sign_flips(a, {0.0, 1.0 / 7.0});
    REQUIRE(dp.has_value());
    REQUIRE(dp->support().size() == en.support().size());
    for (std::size_t i = 0; i < en.support().size(); ++i) CHECK(dp->support()[i] == en.support()[i]);
}

TEST_CASE("Paired/sign flips: DP respects the cell limit and tiny scores are not zeroed") {
    const std::vector<double> a{10, 20, 30};
    CHECK_FALSE(null::sign_flip_dp(a, {}, 10.0).has_value());  // 3 * 61 cells > 10
    CHECK(null::sign_flip_dp(a, {}, 1000.0).has_value());
    const std::vector<double> tiny{1e-10, 2e-10, 3e-10};
    CHECK_FALSE(null::sign_flip_scaling(tiny).has_value());
    CHECK(null::enumerate_sign_flips(tiny, {}).support().size() == 7);  // -6..6 by 2 and 0 twice
}

TEST_CASE("Paired/sign flips: Monte Carlo agrees with the exact p within 4 SE and is reproducible") {
    const std::vector<double> a{3, -1, 4, 1, -5, 9, 2, 6, 5, 3, 5, -8};
    double s = 0;
    for (double v : a) s += v;
    const auto exact = null::enumerate_sign_flips(a, {}).test(s, core::Alternative::two_sided);
    const auto mc = null::monte_carlo_sign_flips(a, s, {}, core::Alternative::two_sided,
                                                     core::TwoSidedRule::deviation, 20000, 99);
    REQUIRE(mc.mc_se.has_value());
    CHECK(std::fabs(mc.p_value - exact.p_value) < 4.0 * *mc.mc_se);
    CHECK(mc.method == core::Method::monte_carlo);
    const auto again = null::monte_carlo_sign_flips(a, s, {}, core::Alternative::two_sided,
                                                        core::TwoSidedRule::deviation, 20000, 99);
    CHECK(again.p_value == mc.p_value);  // same seed, same p: exactly
}

TEST_CASE("Paired/sign flips: n = 20 enumeration and n = 40 DP are fast") {
    resample::Rng rng(7);
    const auto t0 = std::chrono::steady_clock::now();
    const auto a20 = random_scores(rng, 20, 1.0, 30);
    const auto e20 = null::enumerate_sign_flips(a20, {});
    CHECK(e20.total_weight() == std::ldexp(1.0, 20));
    const auto a40 = random_scores(rng, 40, 0.25, 40);
    const auto d40 = null::sign_flip_dp(a40, {}, 2e8);
    REQUIRE(d40.has_value());
    CHECK(d40->total_weight() == std::ldexp(1.0, 40));
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(secs < 1.0);
}

TEST_CASE("Paired/sign flips: too many observations to enumerate is a ComputeError") {
    const std::vector<double> a(31, 1.0);
    CHECK_THROWS_AS(null::enumerate_sign_flips(a, {}), ComputeError);
}
