// p-value consistency: p from the statistic against R's pt/pnorm/pf/pchisq
// (tests/reference/check_pvalue.csv) and the rounding range statcheck uses.
#include <doctest/doctest.h>

#include <cstdint>
#include <stdexcept>

#include "fixture.hpp"
#include "pilotstat/check/expectations.hpp"
#include "pilotstat/check/mann_whitney_u.hpp"
#include "pilotstat/check/pvalue_consistency.hpp"
#include "pilotstat/check/runner.hpp"
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

TEST_CASE("U: the exact Mann-Whitney p from the group sizes agrees with R's wilcox.test") {
    const auto rows = fixture::read("reference/check_pvalue_u.csv");
    REQUIRE(rows.size() >= 15);
    for (const auto& r : rows) {
        const auto n1 = static_cast<std::int64_t>(r.num("n1")), n2 = static_cast<std::int64_t>(r.num("n2"));
        const auto u = static_cast<std::int64_t>(r.num("u"));
        CAPTURE(n1);
        CAPTURE(n2);
        CAPTURE(u);
        CHECK(mann_whitney_u_p(u, n1, n2, 2) == doctest::Approx(r.num("p_two_sided")).epsilon(1e-10));
        CHECK(mann_whitney_u_p(u, n1, n2, 1) == doctest::Approx(r.num("p_one_sided")).epsilon(1e-10));
        // the other group's U (n1 n2 - u) and swapped groups give the same p
        CHECK(mann_whitney_u_p(n1 * n2 - u, n2, n1, 2) == doctest::Approx(r.num("p_two_sided")).epsilon(1e-10));
    }
    CHECK_THROWS_AS(mann_whitney_u_p(26, 5, 5, 2), std::invalid_argument);
    CHECK_THROWS_AS(mann_whitney_u_p(1, 60, 41, 2), std::invalid_argument);
}

TEST_CASE("U rows: n1 and n2 instead of df, a whole U, exact p against the published one") {
    const auto rows = parse_expectations("u.csv",
        "id,select,expected,tolerance,note\n"
        "ok,pvalue test=U n1=5 n2=5 stat=2,0.03,p:2,\n"
        "bad,pvalue test=U n1=5 n2=5 stat=3,0.03,p:2,\n"
        "bound,pvalue test=U n1=5 n2=5 stat=2,<0.05,p:2,\n"
        "one,pvalue test=U n1=5 n2=5 stat=3 tails=1,0.03,p:2,\n");
    auto run = run_checks(rows, nullptr);
    CHECK(run.rows[0].outcome.pass);
    CHECK_FALSE(run.rows[1].outcome.pass);
    CHECK(run.rows[1].outcome.message.find("U = 3 with n1 = 5, n2 = 5 gives exact p = 0.0555556") != std::string::npos);
    CHECK(run.rows[1].outcome.message.find("decision error") != std::string::npos);
    CHECK(run.rows[2].outcome.pass);
    CHECK(run.rows[3].outcome.pass);  // one-sided p 0.0278
    auto bad = [](const std::string& select) {
        return "id,select,expected,tolerance,note\na," + select + ",0.03,p:2,\n";
    };
    CHECK_THROWS_WITH(parse_expectations("u.csv", bad("pvalue test=U n1=5 n2=5 stat=3.5")),
                      doctest::Contains("a U with a half comes from ties"));
    CHECK_THROWS_WITH(parse_expectations("u.csv", bad("pvalue test=U n1=5 n2=5 stat=26")),
                      doctest::Contains("whole U between 0 and n1*n2"));
    CHECK_THROWS_WITH(parse_expectations("u.csv", bad("pvalue test=U n1=5 stat=3")), doctest::Contains("needs n2="));
    CHECK_THROWS_WITH(parse_expectations("u.csv", bad("pvalue test=U df=8 n1=5 n2=5 stat=3")),
                      doctest::Contains("test=U takes n1= and n2=, not df="));
    CHECK_THROWS_WITH(parse_expectations("u.csv", bad("pvalue test=U n1=60 n2=50 stat=3")),
                      doctest::Contains("n1 + n2 <= 100"));
    CHECK_THROWS_WITH(parse_expectations("u.csv", bad("pvalue test=t df=8 n1=5 stat=3")),
                      doctest::Contains("n1= and n2= go with test=U"));
}
