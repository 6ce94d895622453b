// p-value consistency: p from the statistic against R's pt/pnorm/pf/pchisq
// (tests/reference/check_pvalue.csv) and the rounding range statcheck uses.
#include <doctest/doctest.h>

#include "fixture.hpp"
#include "pilotstat/check/pvalue_consistency.hpp"
#include "pilotstat/check/tolerance.hpp"

using namespace pilotstat::check;

TEST_CASE("Check p from statistic matches R to 1e-10 relative") {
    for (const auto& r : fixture::read("reference/check_pvalue.csv")) {
        const auto test = parse_stat_test(r.str("test"));
        REQUIRE(test);
        const double p = p_from_statistic(*test, r.num("stat"), r.num("df1"), r.num("df2"),
                                          static_cast<int>(r.num("tails")));
        CHECK_MESSAGE(p == doctest::Approx(r.num("p")).epsilon(1e-10), r.str("test") << " " << r.str("stat"));
    }
}

TEST_CASE("Check p range over the statistic's rounding") {
    StatReport s;
    s.test = StatTest::t;
    s.df1 = 28;
    s.value = 2.20;
    s.decimals = 2;
    const auto r = p_range(s);
    CHECK(r.p == doctest::Approx(0.03622548477883783).epsilon(1e-10));
    CHECK(r.low == doctest::Approx(p_from_statistic(StatTest::t, 2.205, 28, 0, 2)).epsilon(1e-12));
    CHECK(r.high == doctest::Approx(p_from_statistic(StatTest::t, 2.195, 28, 0, 2)).epsilon(1e-12));
    CHECK(r.low < r.p);
    CHECK(r.p < r.high);
    // t(28) = 2.20 gives p in [0.0358, 0.0366]: published .04 is consistent, .03 and .05 are not
    const auto tol = *parse_tolerance("p:2");
    CHECK(accepts(acceptance(*parse_expected("0.04", true), tol), r.low, r.high));
    CHECK_FALSE(accepts(acceptance(*parse_expected("0.03", true), tol), r.low, r.high));
    CHECK_FALSE(accepts(acceptance(*parse_expected("0.05", true), tol), r.low, r.high));
    CHECK(accepts(acceptance(*parse_expected("<0.05", true), tol), r.low, r.high));
    CHECK_FALSE(accepts(acceptance(*parse_expected(">0.05", true), tol), r.low, r.high));
    // a statistic published as 0.0 spans zero: p reaches 1
    s.value = 0.0;
    s.decimals = 1;
    CHECK(p_range(s).high == 1.0);
    // F and chisq stay non-negative; r stays inside (-1, 1)
    s = StatReport{StatTest::chisq, 1, 0, 0.0, 0, 2};
    CHECK(p_range(s).high == 1.0);
    s = StatReport{StatTest::r, 3, 0, 1.0, 0, 2};
    CHECK(p_range(s).low == 0.0);
}

TEST_CASE("Check p: rounding of the statistic can rescue a p-value") {
    // z = 1.96 to 2 decimals: p in [0.04973, 0.05026]; "p = 0.05" is consistent, p < 0.05 too
    StatReport s{StatTest::z, 0, 0, 1.96, 2, 2};
    const auto r = p_range(s);
    CHECK(r.low < 0.05);
    CHECK(r.high > 0.05);
    CHECK(accepts(acceptance(*parse_expected("<0.05", true), *parse_tolerance("p:2")), r.low, r.high));
    CHECK(accepts(acceptance(*parse_expected("0.050", true), *parse_tolerance("p:3")), r.low, r.high));
}
