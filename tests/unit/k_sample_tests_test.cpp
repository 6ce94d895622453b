// k-sample permutation ANOVA and Kruskal–Wallis against an R brute force over
// all label assignments (coin has no exact k-sample test) and R's
// oneway.test / kruskal.test: scripts/reference/two_sample.R.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <vector>

#include "fixture.hpp"
#include "pilotstat/inference/k_sample_tests.hpp"

using namespace pilotstat::inference;
namespace core = pilotstat::core;

namespace {
std::vector<std::vector<double>> groups_of(const fixture::Row& row) {
    std::vector<std::vector<double>> g;
    for (const char* col : {"g1", "g2", "g3", "g4"})
        if (!row.is_na(col)) g.push_back(row.vec(col));
    return g;
}
}  // namespace

TEST_CASE("KSample: permutation ANOVA and Kruskal-Wallis match R brute force") {
    const auto rows = fixture::read("reference/two_sample_ksample.csv");
    CHECK(rows.size() >= 9);
    for (const auto& row : rows) {
        CAPTURE(row.str("id"));
        const auto g = groups_of(row);
        const auto f = anova_permutation_test(g);
        REQUIRE(f.has_value());
        CHECK(f->test.method == core::Method::exact_enumeration);
        CHECK(f->test.arrangements == row.num("assignments"));
        CHECK(f->test.alternative == core::Alternative::greater);
        // exact p: 1e-10 relative; F and SSB: 1e-12 relative
        CHECK(f->test.p_value == doctest::Approx(row.num("p_anova")).epsilon(1e-10));
        CHECK(f->ss_between == doctest::Approx(row.num("ssb")).epsilon(1e-12));
        REQUIRE(f->f.has_value());
        CHECK(*f->f == doctest::Approx(row.num("f")).epsilon(1e-12));
        CHECK(f->test.statistic == doctest::Approx(row.num("f")).epsilon(1e-12));

        const auto k = kruskal_wallis_test(g);
        REQUIRE(k.has_value());
        CHECK(k->test.p_value == doctest::Approx(row.num("p_kw")).epsilon(1e-10));
        CHECK(k->h == doctest::Approx(row.num("h")).epsilon(1e-12));
        // chi-square tail (Boost vs R's pchisq): 1e-12 relative
        CHECK(k->asymptotic_p == doctest::Approx(row.num("p_kw_asym")).epsilon(1e-12));
        CHECK(k->df == static_cast<double>(g.size() - 1));
    }
}

TEST_CASE("KSample: Monte Carlo within 4 SE of exact, reproducible by seed") {
    const auto rows = fixture::read("reference/two_sample_ksample.csv");
    for (const auto& row : rows) {
        CAPTURE(row.str("id"));
        const auto g = groups_of(row);
        core::ExactOptions o;
        o.max_enumeration = 0;
        o.resamples = 20000;
        const auto f = anova_permutation_test(g, o);
        const auto k = kruskal_wallis_test(g, o);
        CHECK(f->test.method == core::Method::monte_carlo);
        CHECK(f->test.method_label() == "monte-carlo (B=20000, seed=20230401)");
        const double floor = 1.0 / 20001;
        CHECK(std::fabs(f->test.p_value - row.num("p_anova")) <= 4 * *f->test.mc_se + floor);
        CHECK(std::fabs(k->test.p_value - row.num("p_kw")) <= 4 * *k->test.mc_se + floor);
        CHECK(anova_permutation_test(g, o)->test.p_value == f->test.p_value);
    }
}

TEST_CASE("KSample: 5 + 5 + 5 enumerates 756,756 assignments") {
    const std::vector<std::vector<double>> g{{12, 15, 11, 18, 14}, {9, 8, 13, 10, 7}, {20, 17, 16, 19, 21}};
    const auto t0 = std::chrono::steady_clock::now();
    const auto k = kruskal_wallis_test(g);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("5+5+5 Kruskal-Wallis enumeration: " << ms << " ms");
    CHECK(k->test.method == core::Method::exact_enumeration);
    CHECK(k->test.arrangements == 756756.0);
    // completely separated groups: the 3! relabellings of the observed
    // grouping are the most extreme ones
    const std::vector<std::vector<double>> sep{{1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}, {11, 12, 13, 14, 15}};
    const auto s = kruskal_wallis_test(sep);
    CHECK(s->test.p_value == doctest::Approx(6.0 / 756756).epsilon(1e-12));
    CHECK(s->test.p_floor == doctest::Approx(6.0 / 756756).epsilon(1e-12));
}

TEST_CASE("KSample: degenerate data") {
    const std::vector<std::vector<double>> one{{1, 2, 3}}, empty{{1, 2}, {}, {3, 4}};
    CHECK_FALSE(anova_permutation_test(one).has_value());
    CHECK_FALSE(kruskal_wallis_test(empty).has_value());
    const std::vector<std::vector<double>> same{{2, 2}, {2, 2, 2}, {2}};
    const auto f = anova_permutation_test(same);
    CHECK(f->test.p_value == 1.0);
    CHECK(f->test.note == "all values equal");
    CHECK_FALSE(f->f.has_value());
    const auto k = kruskal_wallis_test(same);
    CHECK(k->test.p_value == 1.0);
    CHECK(k->h == 0.0);
    CHECK(k->test.note == "all values equal");
    // constant within groups, different between: F infinite -> statistic = SSB
    const std::vector<std::vector<double>> flat{{1, 1}, {2, 2}, {3, 3}};
    const auto g = anova_permutation_test(flat);
    CHECK_FALSE(g->f.has_value());
    CHECK(g->test.note == "zero within-group variance");
    CHECK(g->test.statistic == doctest::Approx(4.0).epsilon(1e-14));
    CHECK(std::isfinite(g->test.statistic));
    CHECK(g->test.p_value == doctest::Approx(6.0 / 90).epsilon(1e-12));  // 3! of 6!/(2!2!2!) = 90
}
