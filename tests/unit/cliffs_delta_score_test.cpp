#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "fixture.hpp"
#include "pilotstat/effects/cliffs_delta_score.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/resample/rng.hpp"

using pilotstat::effects::cliffs_delta_score_interval;

TEST_CASE("Cliff's delta score interval: matches the R polyroot/uniroot brute force to 1e-10") {
    int checked = 0;
    for (const auto& row : fixture::read("reference/effects_cliffs_delta_score.csv")) {
        CAPTURE(row.str("case"));
        CAPTURE(row.num("conf"));
        const auto r = cliffs_delta_score_interval(row.vec("a"), row.vec("b"), row.num("conf"));
        CHECK(r.delta == doctest::Approx(row.num("delta")).epsilon(1e-12));  // effectsize::cliffs_delta
        CHECK(r.theta == doctest::Approx(row.num("theta")).epsilon(1e-12));
        REQUIRE(r.ci.has_value());
        CHECK(std::fabs(r.ci->low - row.num("low")) <= 1e-10);
        CHECK(std::fabs(r.ci->high - row.num("high")) <= 1e-10);
        CHECK(r.ci->method == "newcombe score");
        ++checked;
    }
    CHECK(checked == 36);
}

TEST_CASE("Cliff's delta score interval: complete separation gives a non-zero-width interval ending at +-1") {
    const std::vector<double> hi = {10, 11, 12, 13, 14}, lo = {1, 2, 3, 4, 5};
    const auto up = cliffs_delta_score_interval(hi, lo, 0.95);
    REQUIRE(up.ci.has_value());
    CHECK(up.delta == 1.0);
    CHECK(up.ci->high == 1.0);
    CHECK(up.ci->low < 0.5);  // 0.2854 at 5 v 5 (fixture)
    const auto down = cliffs_delta_score_interval(lo, hi, 0.95);
    REQUIRE(down.ci.has_value());
    CHECK(down.ci->low == -1.0);
    CHECK(down.ci->high == doctest::Approx(-up.ci->low).epsilon(1e-12));  // A - B sign: mirror image
}

TEST_CASE("Cliff's delta score interval: contains the estimate, is nested in conf, never zero width") {
    pilotstat::resample::Rng rng(2024);
    for (int rep = 0; rep < 300; ++rep) {
        const std::size_t na = 2 + rng.below(9), nb = 2 + rng.below(9);
        std::vector<double> a(na), b(nb);
        for (auto& v : a) v = static_cast<double>(rng.below(7));
        for (auto& v : b) v = static_cast<double>(rng.below(7)) - (rep % 3 == 0 ? 4.0 : 0.0);
        const auto r80 = cliffs_delta_score_interval(a, b, 0.8), r95 = cliffs_delta_score_interval(a, b, 0.95);
        REQUIRE(r80.ci.has_value());
        REQUIRE(r95.ci.has_value());
        CAPTURE(na);
        CAPTURE(nb);
        CHECK(r95.ci->low <= r95.delta);
        CHECK(r95.ci->high >= r95.delta);
        CHECK(r95.ci->high - r95.ci->low > 0.05);
        CHECK(r95.ci->low <= r80.ci->low + 1e-12);
        CHECK(r95.ci->high >= r80.ci->high - 1e-12);
        CHECK(r95.ci->low >= -1.0);
        CHECK(r95.ci->high <= 1.0);
    }
}

TEST_CASE("Cliff's delta score interval: too few observations, bad conf, non-finite values") {
    const std::vector<double> one = {3}, two = {1, 2}, bad = {1, NAN};
    const auto r = cliffs_delta_score_interval(one, two, 0.95);
    CHECK_FALSE(r.ci.has_value());
    CHECK(r.note == "too few observations");
    CHECK(r.delta == 1.0);  // the estimate is still given
    CHECK_FALSE(cliffs_delta_score_interval(two, two, 1.0).ci.has_value());
    CHECK_THROWS_AS(cliffs_delta_score_interval(bad, two, 0.95), pilotstat::DataError);
}
