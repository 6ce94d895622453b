// Noncentral-t ncp intervals and Hedges' J against R (tests/reference/
// paired_noncentral_t.csv: uniroot on pt(q = t, df, ncp), see its comments).
#include <doctest/doctest.h>

#include <cmath>

#include "fixture.hpp"
#include "pilotstat/stats/noncentral_t.hpp"

using namespace pilotstat::stats;

TEST_CASE("Paired/noncentral t: ncp interval matches uniroot on R's pt") {
    int rows = 0;
    for (const auto& row : fixture::read("reference/paired_noncentral_t.csv")) {
        CAPTURE(row.str("t"));
        CAPTURE(row.str("df"));
        const auto ci = noncentral_t_ncp_interval(row.num("t"), row.num("df"), row.num("conf"));
        REQUIRE(ci.has_value());
        // noncentral-t intervals: 1e-6 relative (absolute near 0, where both ends can be ~0)
        CHECK(ci->low == doctest::Approx(row.num("low")).epsilon(1e-6).scale(1.0));
        CHECK(ci->high == doctest::Approx(row.num("high")).epsilon(1e-6).scale(1.0));
        CHECK(ci->conf == row.num("conf"));
        CHECK(ci->method == "noncentral-t");
        if (row.num("df") > 1) CHECK(hedges_j(row.num("df")) == doctest::Approx(row.num("hedges_j")).epsilon(1e-13));
        ++rows;
    }
    CHECK(rows >= 100);
}

TEST_CASE("Paired/noncentral t: robust for |t| up to 50 and df from 1") {
    for (double df : {1.0, 1.5, 2.0, 4.0, 10.0, 100.0, 1000.0}) {
        for (double t : {-50.0, -30.0, -5.0, -0.01, 0.0, 0.01, 5.0, 30.0, 50.0}) {
            CAPTURE(df);
            CAPTURE(t);
            const auto ci = noncentral_t_ncp_interval(t, df, 0.95);
            REQUIRE(ci.has_value());
            CHECK(ci->low < ci->high);
            CHECK(ci->low < t);
            CHECK(ci->high > t * (t > 0 ? 0.5 : 1.0));
            // The defining equations hold to 1e-9 in probability.
            CHECK(noncentral_t_cdf(t, df, ci->low) == doctest::Approx(0.975).epsilon(1e-9));
            CHECK(noncentral_t_cdf(t, df, ci->high) == doctest::Approx(0.025).epsilon(1e-9));
            // Symmetry: the interval for -t is the mirror image (1e-9 relative).
            const auto mirror = noncentral_t_ncp_interval(-t, df, 0.95);
            CHECK(mirror->low == doctest::Approx(-ci->high).epsilon(1e-9).scale(1.0));
        }
    }
}

TEST_CASE("Paired/noncentral t: t = 0 gives the normal interval; invalid input gives nullopt") {
    const auto ci = noncentral_t_ncp_interval(0.0, 9.0, 0.95);
    CHECK(ci->high == doctest::Approx(1.959963984540054).epsilon(1e-10));
    CHECK_FALSE(noncentral_t_ncp_interval(NAN, 4.0, 0.95).has_value());
    CHECK_FALSE(noncentral_t_ncp_interval(1.0, 0.0, 0.95).has_value());
    CHECK_FALSE(noncentral_t_ncp_interval(1.0, 4.0, 1.0).has_value());
    CHECK(hedges_j(4.0) == doctest::Approx(std::sqrt(2.0 / M_PI)).epsilon(1e-14));  // J(4) = sqrt(2/pi)
    CHECK(std::isnan(hedges_j(1.0)));
}
