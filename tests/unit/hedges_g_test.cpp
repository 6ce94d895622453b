#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "fixture.hpp"
#include "pilotstat/effects/hedges_g.hpp"

using pilotstat::effects::hedges_g;

TEST_CASE("HedgesG: d, g and noncentral-t CI match effectsize::hedges_g (fixture)") {
    const auto rows = fixture::read("reference/effects_hedges_g.csv");
    CHECK(rows.size() == 16);
    for (const auto& row : rows) {
        CAPTURE(row.str("dataset"));
        const auto a = row.vec("a"), b = row.vec("b");
        const double conf = row.num("conf");
        const auto r = hedges_g(a, b, conf);
        REQUIRE(r.value.has_value());
        const auto& v = *r.value;
        // Closed forms: 1e-12 relative.
        CHECK(v.pooled_sd == doctest::Approx(row.num("pooled_sd")).epsilon(1e-12));
        CHECK(v.cohens_d == doctest::Approx(row.num("d")).epsilon(1e-12));
        CHECK(v.j == doctest::Approx(row.num("J")).epsilon(1e-12));
        CHECK(v.hedges_g == doctest::Approx(row.num("es_g")).epsilon(1e-12));
        REQUIRE(v.g_ci.has_value());
        REQUIRE(v.d_ci.has_value());
        // Against R's tight uniroot ncp limits: 1e-8 absolute.
        CHECK(std::fabs(v.d_ci->low - row.num("d_low")) < 1e-8);
        CHECK(std::fabs(v.d_ci->high - row.num("d_high")) < 1e-8);
        CHECK(std::fabs(v.g_ci->low - row.num("g_low")) < 1e-8);
        CHECK(std::fabs(v.g_ci->high - row.num("g_high")) < 1e-8);
        // Against effectsize's own optim-based limits: 1e-6 absolute.
        CHECK(std::fabs(v.g_ci->low - row.num("es_g_low")) < 1e-6);
        CHECK(std::fabs(v.g_ci->high - row.num("es_g_high")) < 1e-6);
        CHECK(v.g_ci->conf == conf);
        CHECK(v.g_ci->method == "noncentral-t");
    }
}

TEST_CASE("HedgesG: sign is A minus B") {
    const std::vector<double> a{1, 2, 3}, b{4, 5, 7};
    const auto ab = hedges_g(a, b), ba = hedges_g(b, a);
    REQUIRE(ab.value.has_value());
    REQUIRE(ba.value.has_value());
    CHECK(ab.value->hedges_g < 0.0);
    CHECK(ab.value->hedges_g == doctest::Approx(-ba.value->hedges_g).epsilon(1e-15));
    CHECK(ab.value->g_ci->low == doctest::Approx(-ba.value->g_ci->high).epsilon(1e-9));
}

TEST_CASE("HedgesG: degenerate data give no value and a note") {
    const std::vector<double> one{3}, two{1, 2}, flat_a{4, 4, 4}, flat_b{7, 7};
    CHECK_FALSE(hedges_g(one, two).value.has_value());
    CHECK(hedges_g(one, two).note == "group with fewer than 2 values");
    CHECK_FALSE(hedges_g(flat_a, flat_b).value.has_value());
    CHECK(hedges_g(flat_a, flat_b).note == "pooled sd is zero");
    const std::vector<double> bad{1, NAN};
    CHECK(hedges_g(bad, two).note == "non-finite value");
}
