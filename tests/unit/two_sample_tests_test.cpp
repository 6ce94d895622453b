// Two-sample exact tests against R (coin, stats) and an R brute force over
// combn(): fixtures written by scripts/reference/two_sample.R.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <vector>

#include "fixture.hpp"
#include "pilotstat/inference/permutation_test.hpp"
#include "pilotstat/inference/t_tests.hpp"
#include "pilotstat/inference/wmw_test.hpp"
#include "pilotstat/resample/integer_scaling.hpp"
#include "pilotstat/resample/splits.hpp"
#include "pilotstat/resample/two_sample_dp.hpp"

using namespace pilotstat::inference;
namespace core = pilotstat::core;
namespace resample = pilotstat::resample;

namespace {
core::Alternative alt_of(const fixture::Row& r) { return core::parse_alternative(r.str("alternative")); }

// coin where it ran; else the R brute force (all values equal: coin fails).
double expected_p(const fixture::Row& r, const char* coin, const char* brute) {
    return r.is_na(coin) ? r.num(brute) : r.num(coin);
}

double max_abs(const std::vector<double>& a, const std::vector<double>& b) {
    double m = 0;
    for (double x : a) m = std::max(m, std::fabs(x));
    for (double x : b) m = std::max(m, std::fabs(x));
    return m;
}

core::ExactOptions opts(core::Alternative alt) {
    core::ExactOptions o;
    o.alternative = alt;
    return o;
}
}  // namespace

TEST_CASE("TwoSample: permutation test matches coin::oneway_test exact and R brute force") {
    const auto rows = fixture::read("reference/two_sample_perm.csv");
    CHECK(rows.size() >= 90);
    for (const auto& row : rows) {
        const auto a = row.vec("a"), b = row.vec("b");
        CAPTURE(row.str("id"));
        CAPTURE(row.str("alternative"));
        const auto r = permutation_test(a, b, opts(alt_of(row)));
        REQUIRE(r.has_value());
        // exact p-values: 1e-10 relative
        CHECK(r->p_value == doctest::Approx(expected_p(row, "p_coin", "p_brute")).epsilon(1e-10));
        if (!row.is_na("p_brute"))
            CHECK(r->p_value == doctest::Approx(row.num("p_brute")).epsilon(1e-10));
        // mean difference: absolute 1e-13 of the data scale (R's mean(a) - mean(b)
        // carries cancellation noise when values are large: large_offset_5v5)
        CHECK(std::fabs(r->statistic - row.num("mean_diff")) <= 1e-13 * max_abs(a, b));
        CHECK(r->method != core::Method::monte_carlo);
    }
}

TEST_CASE("TwoSample: provider choice by cost") {
    const auto rows = fixture::read("reference/two_sample_perm.csv");
    for (const auto& row : rows) {
        if (row.str("alternative") != "two.sided") continue;
        const auto a = row.vec("a"), b = row.vec("b");
        const auto r = permutation_test(a, b);
        const std::string id = row.str("id");
        CAPTURE(id);
        // The DP whenever the scores scale to integers and its work
        // N (m + 1) (range + 1) is below the C(N, n_a) splits.
        std::vector<double> pooled(a.begin(), a.end());
        pooled.insert(pooled.end(), b.begin(), b.end());
        const auto units = resample::integer_scaling(pooled);
        const double splits = resample::binomial_coefficient(static_cast<int>(a.size() + b.size()), static_cast<int>(a.size()));
        const bool dp = units && resample::subset_sum_dp_cost(units->units, static_cast<int>(a.size())) < splits;
        CHECK(r->method == (dp ? core::Method::exact_dp : core::Method::exact_enumeration));
        if (id == "int_12v12" || id == "int_25v25" || id == "int_50v50" || id == "bpi_20v20") CHECK(dp);
    }
}

TEST_CASE("TwoSample: 12 v 12 enumeration (2,704,156 splits) is fast") {
    const auto rows = fixture::read("reference/two_sample_perm.csv");
    for (const auto& row : rows) {
        if (row.str("id") != "int_12v12" || row.str("alternative") != "two.sided") continue;
        const auto a = row.vec("a"), b = row.vec("b");
        const auto t0 = std::chrono::steady_clock::now();
        core::ExactOptions no_dp;
        no_dp.max_dp_cells = 0;  // the DP would be chosen (cheaper); time the enumeration
        const auto r = permutation_test(a, b, no_dp);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        MESSAGE("12 v 12 enumeration: " << ms << " ms");
        CHECK(r->method == core::Method::exact_enumeration);
        CHECK(r->arrangements == 2704156.0);
        CHECK(ms < 2000.0);  // typically tens of milliseconds in Release
        CHECK(r->p_value == doctest::Approx(row.num("p_coin")).epsilon(1e-10));
    }
}

TEST_CASE("TwoSample: Wilcoxon-Mann-Whitney matches coin::wilcox_test exact (ties included)") {
    const auto rows = fixture::read("reference/two_sample_wmw.csv");
    CHECK(rows.size() >= 90);
    for (const auto& row : rows) {
        const auto a = row.vec("a"), b = row.vec("b");
        CAPTURE(row.str("id"));
        CAPTURE(row.str("alternative"));
        const auto r = wmw_test(a, b, opts(alt_of(row)));
        REQUIRE(r.has_value());
        CHECK(r->test.p_value == doctest::Approx(expected_p(row, "p_coin", "p_brute")).epsilon(1e-10));
        if (!row.is_na("p_brute"))
            CHECK(r->test.p_value == doctest::Approx(row.num("p_brute")).epsilon(1e-10));
        CHECK(r->w == doctest::Approx(row.num("w")).epsilon(1e-12));
        CHECK(r->test.statistic == doctest::Approx(row.num("w")).epsilon(1e-12));
        CHECK(r->prob_superiority == doctest::Approx(row.num("prob_sup")).epsilon(1e-12));
    }
}

TEST_CASE("TwoSample: Welch and Student t match t.test") {
    const auto rows = fixture::read("reference/two_sample_t.csv");
    CHECK(rows.size() >= 150);
    for (const auto& row : rows) {
        const auto a = row.vec("a"), b = row.vec("b");
        CAPTURE(row.str("id"));
        CAPTURE(row.str("alternative"));
        const bool pooled = row.str("var_equal") == "TRUE";
        CAPTURE(pooled);
        const auto r = pooled ? student_t_test(a, b, alt_of(row)) : welch_t_test(a, b, alt_of(row));
        REQUIRE(r.has_value());
        // t-based quantities: 1e-12 relative (p-values near 1 and tiny t: 1e-12 absolute too)
        CHECK(r->test.statistic == doctest::Approx(row.num("t")).epsilon(1e-12));
        CHECK(*r->test.df == doctest::Approx(row.num("df")).epsilon(1e-12));
        CHECK(r->test.p_value == doctest::Approx(row.num("p")).epsilon(1e-12));
        CHECK(r->ci.low == doctest::Approx(row.num("ci_low")).epsilon(1e-12));
        CHECK(r->ci.high == doctest::Approx(row.num("ci_high")).epsilon(1e-12));
        CHECK(r->test.method == core::Method::asymptotic);
    }
}

TEST_CASE("TwoSample: degenerate data") {
    const std::vector<double> five{1, 2, 3, 4, 5}, none, same{3, 3, 3, 3, 3}, one{7};
    CHECK_FALSE(permutation_test(five, none).has_value());
    CHECK_FALSE(wmw_test(none, five).has_value());
    CHECK_FALSE(welch_t_test(five, one).has_value());  // Welch needs 2 per group
    CHECK_FALSE(welch_t_test(same, same).has_value());  // zero variance in both
    CHECK_FALSE(student_t_test(same, same).has_value());
    CHECK(student_t_test(five, one).has_value());       // pooled df = 4
    const auto r = permutation_test(same, same);
    CHECK(r->p_value == 1.0);
    CHECK(r->note == "all values equal");
    CHECK(r->statistic == 0.0);
    const auto w = wmw_test(same, same);
    CHECK(w->test.p_value == 1.0);
    CHECK(w->test.note == "all values equal");
    // one constant group, the other not: Welch is defined (df = n_b - 1)
    const auto t = welch_t_test(same, five);
    REQUIRE(t.has_value());
    CHECK(*t->test.df == doctest::Approx(4.0).epsilon(1e-14));
}

TEST_CASE("TwoSample: p-floor of 5 v 5 is 2/252 two-sided, 1/252 one-sided") {
    const std::vector<double> a{20, 21, 22, 23, 24}, b{1, 2, 3, 4, 5};
    const auto r = permutation_test(a, b);
    CHECK(r->p_floor == doctest::Approx(2.0 / 252).epsilon(1e-14));
    CHECK(r->p_value == doctest::Approx(2.0 / 252).epsilon(1e-14));
    CHECK(permutation_test(a, b, opts(core::Alternative::greater))->p_floor ==
          doctest::Approx(1.0 / 252).epsilon(1e-14));
}

// ---- properties (cross-checks between providers and symmetries) ----

TEST_CASE("TwoSample: enumeration and DP give identical support and weights") {
    const std::vector<std::vector<std::int64_t>> cases{
        {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, {0, 1, 1, 2, 2, 2, 0, 0, 1, 1, 1, 2},
        {-20, -15, -31, -8, -5, 2, -12, 0, -3, 4}, {21, 25, 19, 30, 18, 15, 22, 17, 20, 16, 40, 41, 3},
        {5, 5, 5, 5, 5, 5}};
    for (const auto& u : cases) {
        for (int m = 0; m <= static_cast<int>(u.size()); ++m) {
            const auto e = resample::subset_sums_by_enumeration(u, m);
            const auto d = resample::subset_sums_by_dp(u, m, 1e12);
            REQUIRE(d.has_value());
            CHECK(e.sums == d->sums);
            CHECK(e.counts == d->counts);  // integer counts: exactly equal
        }
    }
}

TEST_CASE("TwoSample: forced DP equals enumeration; Monte Carlo within 4 SE of exact") {
    const auto rows = fixture::read("reference/two_sample_perm.csv");
    for (const auto& row : rows) {
        const auto a = row.vec("a"), b = row.vec("b");
        CAPTURE(row.str("id"));
        CAPTURE(row.str("alternative"));
        if (row.str("id").rfind("int_", 0) == 0) continue;  // keep this test quick
        core::ExactOptions o = opts(alt_of(row));
        const auto exact = permutation_test(a, b, o);
        o.max_enumeration = 0;  // DP if the values scale to integers, else Monte Carlo
        o.resamples = 20000;
        const auto other = permutation_test(a, b, o);
        if (other->method == core::Method::exact_dp) {
            CHECK(other->p_value == doctest::Approx(exact->p_value).epsilon(1e-12));
            CHECK(other->p_floor == doctest::Approx(exact->p_floor).epsilon(1e-12));
        }
        o.max_dp_cells = 0;  // Monte Carlo
        const auto mc = permutation_test(a, b, o);
        CHECK(mc->method == core::Method::monte_carlo);
        CHECK(mc->arrangements == 20000.0);
        const double se = std::max(*mc->mc_se, 1.0 / 20001);
        CHECK(std::fabs(mc->p_value - exact->p_value) <= 4 * se + 1.0 / 20001);
    }
}

TEST_CASE("TwoSample: non-integer values use enumeration of doubles") {
    const std::vector<double> a{0.1, std::sqrt(2.0), 3.3}, b{std::acos(-1.0), 0.05, 1.0 / 3, 2.2};
    REQUIRE_FALSE(resample::integer_scaling(std::vector<double>{std::sqrt(2.0)}).has_value());
    const auto r = permutation_test(a, b);
    CHECK(r->method == core::Method::exact_enumeration);
    CHECK(r->arrangements == 35.0);
    core::ExactOptions o;
    o.max_enumeration = 10;
    CHECK(permutation_test(a, b, o)->method == core::Method::monte_carlo);  // no DP without integers
}

TEST_CASE("TwoSample: swapping groups mirrors one-sided p and negates the statistic") {
    const std::vector<double> a{21, 25, 19, 30}, b{18, 15, 22, 17, 20, 16, 23};
    for (const bool ranks : {false, true}) {
        auto run = [&](std::span<const double> x, std::span<const double> y, core::Alternative alt) {
            return ranks ? wmw_test(x, y, opts(alt))->test : *permutation_test(x, y, opts(alt));
        };
        const auto g = run(a, b, core::Alternative::greater), l = run(b, a, core::Alternative::less);
        CHECK(g.p_value == doctest::Approx(l.p_value).epsilon(1e-14));
        CHECK(run(a, b, core::Alternative::two_sided).p_value ==
              doctest::Approx(run(b, a, core::Alternative::two_sided).p_value).epsilon(1e-14));
        if (!ranks) CHECK(g.statistic == doctest::Approx(-l.statistic).epsilon(1e-14));
    }
}

TEST_CASE("TwoSample: adding a constant leaves p unchanged") {
    const std::vector<double> a{5.25, 6.75, 4.5, 7, 5.75}, b{3.25, 4, 2.75, 5.5, 3.5};
    std::vector<double> a2, b2;
    for (double x : a) a2.push_back(x + 100.5);
    for (double x : b) b2.push_back(x + 100.5);
    for (auto alt : {core::Alternative::two_sided, core::Alternative::less, core::Alternative::greater}) {
        const auto r1 = permutation_test(a, b, opts(alt)), r2 = permutation_test(a2, b2, opts(alt));
        CHECK(r1->p_value == doctest::Approx(r2->p_value).epsilon(1e-14));
        CHECK(r1->statistic == doctest::Approx(r2->statistic).epsilon(1e-12));
        CHECK(wmw_test(a, b, opts(alt))->test.p_value ==
              doctest::Approx(wmw_test(a2, b2, opts(alt))->test.p_value).epsilon(1e-14));
    }
}

TEST_CASE("TwoSample: doubled two-sided rule is twice the smaller one-sided p") {
    const auto rows = fixture::read("reference/two_sample_perm.csv");
    // sizes_3v7: asymmetric null (unequal sizes), so the two rules differ
    double less = 0, greater = 0, deviation = 0;
    std::vector<double> a, b;
    for (const auto& row : rows) {
        if (row.str("id") != "sizes_3v7") continue;
        a = row.vec("a");
        b = row.vec("b");
        const std::string alt = row.str("alternative");
        (alt == "less" ? less : alt == "greater" ? greater : deviation) = row.num("p_coin");
    }
    core::ExactOptions o;
    o.two_sided_rule = core::TwoSidedRule::doubled;
    const auto r = permutation_test(a, b, o);
    CHECK(r->p_value == doctest::Approx(std::min(1.0, 2 * std::min(less, greater))).epsilon(1e-10));
    CHECK(r->two_sided_rule == core::TwoSidedRule::doubled);
    CHECK(r->p_value != doctest::Approx(deviation).epsilon(1e-6));
}

TEST_CASE("TwoSample: 50 v 50 integer scores by DP are fast") {
    std::vector<double> a, b;
    for (int i = 0; i < 50; ++i) {
        a.push_back((i * 37) % 64);
        b.push_back((i * 53 + 11) % 64);
    }
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = permutation_test(a, b);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("50 v 50 DP: " << ms << " ms");
    CHECK(r->method == core::Method::exact_dp);
    CHECK(ms < 2000.0);
    CHECK(r->arrangements == doctest::Approx(1.0089134454556419e29).epsilon(1e-12));
}
