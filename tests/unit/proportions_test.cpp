#include <doctest/doctest.h>

#include <cmath>

#include "fixture.hpp"
#include "pilotstat/stats/proportions.hpp"

using namespace pilotstat::stats;

namespace {
long as_long(double v) { return std::lround(v); }
}  // namespace

TEST_CASE("Proportions: Clopper-Pearson and Wilson match binom.test / prop.test (fixture)") {
    const auto rows = fixture::read("reference/effects_proportions.csv");
    CHECK(rows.size() == 20);
    for (const auto& row : rows) {
        const long x = as_long(row.num("x")), n = as_long(row.num("n"));
        const double conf = row.num("conf");
        CAPTURE(x);
        CAPTURE(n);
        const auto cp = clopper_pearson(x, n, conf);
        const auto wi = wilson(x, n, conf);
        REQUIRE(cp.has_value());
        REQUIRE(wi.has_value());
        // Beta quantiles and closed forms: 1e-12 absolute.
        CHECK(std::fabs(cp->low - row.num("cp_low")) < 1e-12);
        CHECK(std::fabs(cp->high - row.num("cp_high")) < 1e-12);
        CHECK(std::fabs(wi->low - row.num("wilson_low")) < 1e-12);
        CHECK(std::fabs(wi->high - row.num("wilson_high")) < 1e-12);
        CHECK(cp->method == "clopper-pearson");
    }
}

TEST_CASE("Proportions: Newcombe method 10 matches the formula in R (fixture)") {
    const auto rows = fixture::read("reference/effects_newcombe.csv");
    CHECK(rows.size() == 18);
    for (const auto& row : rows) {
        const auto ci = newcombe_difference(as_long(row.num("x1")), as_long(row.num("n1")),
                                            as_long(row.num("x2")), as_long(row.num("n2")), row.num("conf"));
        REQUIRE(ci.has_value());
        // 1e-12 absolute.
        CHECK(std::fabs(ci->low - row.num("low")) < 1e-12);
        CHECK(std::fabs(ci->high - row.num("high")) < 1e-12);
    }
}

TEST_CASE("Proportions: Newcombe 1998 Table II, method 10 (published to 4 decimals)") {
    // Newcombe (1998) Stat. Med. 17:873, Table II examples (a)-(c).
    struct Case { long x1, n1, x2, n2; double low, high; };
    const Case cases[] = {{56, 70, 48, 80, 0.0524, 0.3339},
                          {9, 10, 3, 10, 0.1705, 0.8090},
                          {6, 7, 2, 7, 0.0582, 0.8062}};
    for (const auto& c : cases) {
        const auto ci = newcombe_difference(c.x1, c.n1, c.x2, c.n2, 0.95);
        REQUIRE(ci.has_value());
        // Rounded to 4 decimals in the paper: 5e-5 absolute.
        CHECK(std::fabs(ci->low - c.low) < 5e-5);
        CHECK(std::fabs(ci->high - c.high) < 5e-5);
    }
}

TEST_CASE("Proportions: invalid counts give nullopt") {
    CHECK_FALSE(clopper_pearson(1, 0).has_value());
    CHECK_FALSE(clopper_pearson(6, 5).has_value());
    CHECK_FALSE(wilson(-1, 5).has_value());
    CHECK_FALSE(wilson(2, 5, 0.0).has_value());
    CHECK_FALSE(newcombe_difference(1, 5, 1, 0).has_value());
    const auto all = clopper_pearson(5, 5);
    REQUIRE(all.has_value());
    CHECK(all->high == 1.0);
    // binom.test(5, 5)$conf.int[1] = 0.025^(1/5)
    CHECK(all->low == doctest::Approx(std::pow(0.025, 0.2)).epsilon(1e-13));
}
