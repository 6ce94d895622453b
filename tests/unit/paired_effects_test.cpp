// Paired effect sizes against R (tests/reference/paired_effects.csv: dz and
// d_av by formula, intervals by uniroot on pt(ncp =), effectsize 0.8.3's
// cohens_d / hedges_g(paired = TRUE); see the fixture's comments).
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "fixture.hpp"
#include "pilotstat/effects/paired_effects.hpp"
#include "pilotstat/error.hpp"

using namespace pilotstat::effects;

namespace {
constexpr double kPoint = 1e-12;  // point estimates (t-based arithmetic): relative
constexpr double kNcp = 1e-6;     // noncentral-t intervals: relative
constexpr double kOptim = 1e-4;   // effectsize's own CI: it stops optim at abstol 1e-9 on probabilities
}  // namespace

TEST_CASE("Paired/effects: d_z, g_z and their noncentral-t CIs match R") {
    int checked = 0;
    for (const auto& row : fixture::read("reference/paired_effects.csv")) {
        CAPTURE(row.str("id"));
        const auto from = row.vec("from"), to = row.vec("to");
        std::vector<double> d(from.size());
        for (std::size_t i = 0; i < d.size(); ++i) d[i] = to[i] - from[i];
        const auto dz = cohens_dz(d, 0.95);
        const auto gz = hedges_gz(d, 0.95);
        if (row.is_na("dz")) {
            CHECK_FALSE(dz.has_value());
            CHECK_FALSE(gz.has_value());
        } else {
            REQUIRE(dz.has_value());
            REQUIRE(gz.has_value());
            REQUIRE(dz->ci.has_value());
            CHECK(dz->estimate == doctest::Approx(row.num("dz")).epsilon(kPoint));
            CHECK(dz->estimate == doctest::Approx(row.num("es_d")).epsilon(kPoint));
            CHECK(gz->estimate == doctest::Approx(row.num("gz")).epsilon(kPoint));
            CHECK(gz->estimate == doctest::Approx(row.num("es_g")).epsilon(kPoint));
            CHECK(dz->ci->low == doctest::Approx(row.num("dz_low")).epsilon(kNcp));
            CHECK(dz->ci->high == doctest::Approx(row.num("dz_high")).epsilon(kNcp));
            CHECK(gz->ci->low == doctest::Approx(row.num("gz_low")).epsilon(kNcp));
            CHECK(gz->ci->high == doctest::Approx(row.num("gz_high")).epsilon(kNcp));
            CHECK(dz->ci->low == doctest::Approx(row.num("es_d_low")).epsilon(kOptim));
            CHECK(dz->ci->high == doctest::Approx(row.num("es_d_high")).epsilon(kOptim));
            CHECK(dz->df == static_cast<double>(d.size() - 1));
            ++checked;
        }
        const auto dav = d_av(from, to);
        if (row.is_na("d_av")) {
            CHECK_FALSE(dav.has_value());
        } else {
            REQUIRE(dav.has_value());
            CHECK(*dav == doctest::Approx(row.num("d_av")).epsilon(kPoint));
        }
    }
    CHECK(checked >= 20);
}

TEST_CASE("Paired/effects: sign is later minus earlier and degenerate data give nullopt") {
    const std::vector<double> fall{-13, -15, -10, -12, -9};
    CHECK(cohens_dz(fall)->estimate < 0.0);
    const std::vector<double> constant{-3, -3, -3};
    CHECK_FALSE(cohens_dz(constant).has_value());
    const std::vector<double> zeros{0, 0, 0, 0};
    CHECK_FALSE(cohens_dz(zeros).has_value());
    const std::vector<double> one{2.0};
    CHECK_FALSE(cohens_dz(one).has_value());
    const std::vector<double> two{1.0, 3.0};
    CHECK(cohens_dz(two).has_value());
    CHECK_FALSE(hedges_gz(two).has_value());  // J(1) = 0
    const std::vector<double> a{1, 2}, b{1, 2, 3};
    CHECK_THROWS_AS(d_av(a, b), pilotstat::DataError);
}
