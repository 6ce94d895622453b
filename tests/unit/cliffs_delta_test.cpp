#include <doctest/doctest.h>

#include "bootstrap_checks.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "fixture.hpp"
#include "pilotstat/effects/cliffs_delta.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/resample/rng.hpp"

namespace bs = pilotstat::bootstrap;
using pilotstat::effects::cliffs_delta;
using pilotstat::effects::cliffs_delta_interval;

TEST_CASE("Cliff's delta: point estimate matches effectsize::cliffs_delta to 1e-12") {
    for (const auto& row : fixture::read("reference/bootstrap_cliff.csv")) {
        CAPTURE(row.str("x"));
        const auto d = cliffs_delta(row.vec("x"), row.vec("y"));
        REQUIRE(d.has_value());
        CHECK(*d == doctest::Approx(row.num("delta")).epsilon(1e-12));
        CHECK(*d == doctest::Approx(row.num("brute")).epsilon(1e-12));
    }
}

TEST_CASE("Cliff's delta: exact bootstrap intervals match the R brute force over ordered resamples to 1e-10") {
    int checked = 0;
    for (const auto& row : fixture::read("reference/bootstrap_intervals.csv")) {
        if (row.str("stat") != "cliffs_delta") continue;
        CAPTURE(row.str("case"));
        CAPTURE(row.str("method"));
        bs::BootstrapOptions o;
        o.method = *bs::parse_method(row.str("method"));
        o.conf = row.num("conf");
        const auto r = cliffs_delta_interval(row.vec("x"), row.vec("y"), o);
        REQUIRE(r.interval.has_value());
        CHECK(r.exact);
        CHECK(*r.estimate == doctest::Approx(row.num("estimate")).epsilon(1e-12));
        CHECK(r.interval->low == doctest::Approx(row.num("low")).epsilon(1e-10));
        CHECK(r.interval->high == doctest::Approx(row.num("high")).epsilon(1e-10));
        ++checked;
    }
    CHECK(checked == 6);
}

TEST_CASE("Cliff's delta: ties within tolerance, sign convention, degenerate cases") {
    const std::vector<double> a = {0.1 + 0.2}, b = {0.3};
    CHECK(*cliffs_delta(a, b) == 0.0);  // 0.30000000000000004 ties 0.3
    const std::vector<double> hi = {10, 11, 12}, lo = {1, 2, 3};
    CHECK(*cliffs_delta(hi, lo) == 1.0);   // A minus B: A larger -> positive
    CHECK(*cliffs_delta(lo, hi) == -1.0);
    // Complete separation: every resample pair also separates -> [1, 1], noted.
    const auto r = cliffs_delta_interval(hi, lo, {});
    REQUIRE(r.interval.has_value());
    CHECK(r.interval->low == 1.0);
    CHECK(r.interval->high == 1.0);
    CHECK(r.note == bs::IntervalNote::all_values_equal);
    const std::vector<double> single = {4};
    CHECK(cliffs_delta_interval(single, lo, {}).note == bs::IntervalNote::too_few_observations);
    CHECK_FALSE(cliffs_delta({}, lo).has_value());
    const std::vector<double> bad = {1, NAN};
    CHECK_THROWS_AS(cliffs_delta(bad, lo), pilotstat::DataError);
}

TEST_CASE("Cliff's delta: Monte Carlo interval is close to the exact one, labelled, reproducible") {
    const std::vector<double> a = {3, 5, 5, 8, 10}, b = {1, 3, 4, 5, 6};
    bs::BootstrapOptions o;
    o.method = bs::IntervalMethod::percentile;
    const auto exact = cliffs_delta_interval(a, b, o);
    CHECK(exact.method_label == "percentile, exact enumeration (126 x 126 = 15876 multiset pairs)");
    o.max_exact = 0;
    o.resamples = 50000;
    o.seed = 11;
    const auto mc = cliffs_delta_interval(a, b, o);
    CHECK_FALSE(mc.exact);
    CHECK(mc.method_label == "percentile, monte-carlo (B=50000, seed=11)");
    // delta* moves in steps of 1/25 = 0.04: within two steps.
    CHECK(std::fabs(mc.interval->low - exact.interval->low) <= 0.08 + 1e-12);
    CHECK(std::fabs(mc.interval->high - exact.interval->high) <= 0.08 + 1e-12);
    const auto again = cliffs_delta_interval(a, b, o);
    CHECK(again.interval->low == mc.interval->low);
    CHECK(again.interval->high == mc.interval->high);
}

TEST_CASE("Cliff's delta: the tallied exact interval equals the one over all materialized multiset pairs") {
    // The reference: bootstrap::exact_two_sample with delta computed on each
    // materialized resample pair (the previous implementation), the same
    // tolerance, and the two-sample jackknife, through interval_from.
    pilotstat::resample::Rng rng(77);
    int cases = 0;
    for (int kind = 0; kind < 3; ++kind) {
        for (std::size_t na = 2; na <= 5; ++na) {
            for (std::size_t nb : {std::size_t{3}, std::size_t{5}}) {
                std::vector<double> a(na), b(nb);
                for (auto* x : {&a, &b})
                    for (auto& v : *x)
                        v = kind == 0   ? static_cast<double>(rng.below(5))
                            : kind == 1 ? static_cast<double>(rng.below(30))
                                        : static_cast<double>(rng.below(70001)) / 10000.0;
                double scale = 0;
                for (double v : a) scale = std::max(scale, std::fabs(v));
                for (double v : b) scale = std::max(scale, std::fabs(v));
                const double tol = 1e-9 * std::max(scale, 1e-300);
                const auto delta = [tol](std::span<const double> x, std::span<const double> y) {
                    long long d = 0;
                    for (double u : x)
                        for (double w : y) d += static_cast<int>(u - w > tol) - static_cast<int>(w - u > tol);
                    return static_cast<double>(d) / (static_cast<double>(x.size()) * static_cast<double>(y.size()));
                };
                const auto full = bs::exact_two_sample(a, b, delta);
                bs::Jackknife jk;
                for (std::size_t i = 0; i < na; ++i) {
                    auto rest = a;
                    rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(i));
                    jk.first.push_back(delta(rest, b));
                }
                for (std::size_t j = 0; j < nb; ++j) {
                    auto rest = b;
                    rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(j));
                    jk.second.push_back(delta(a, rest));
                }
                const bs::IntervalInputs in{delta(a, b), jk, std::min(na, nb)};
                for (auto method : {bs::IntervalMethod::percentile, bs::IntervalMethod::bca,
                                    bs::IntervalMethod::expanded_percentile}) {
                    for (double conf : {0.8, 0.95}) {
                        bs::BootstrapOptions o;
                        o.method = method;
                        o.conf = conf;
                        const auto fast = cliffs_delta_interval(a, b, o);
                        const auto slow = bs::interval_from(full, in, method, conf);
                        CAPTURE(kind);
                        CAPTURE(na);
                        CAPTURE(nb);
                        check_same_interval(fast, slow);
                    }
                }
                ++cases;
            }
        }
    }
    CHECK(cases == 24);
}
