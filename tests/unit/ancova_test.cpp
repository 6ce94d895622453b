#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "fixture.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/models/ancova.hpp"

using pilotstat::models::ancova;
using pilotstat::core::Method;
namespace core = pilotstat::core;

TEST_CASE("Ancova: lm(post ~ group + base) and exact permutation p match R (fixture)") {
    const auto rows = fixture::read("reference/effects_ancova.csv");
    CHECK(rows.size() == 16);
    for (const auto& row : rows) {
        CAPTURE(row.str("dataset"));
        const auto r = ancova(row.vec("post_a"), row.vec("base_a"), row.vec("post_b"), row.vec("base_b"),
                              row.num("conf"));
        REQUIRE(r.fit.has_value());
        const auto& f = *r.fit;
        // Least squares and t quantities: 1e-12 relative (lm's QR vs Eigen's).
        CHECK(f.difference == doctest::Approx(row.num("estimate")).epsilon(1e-12));
        CHECK(f.se == doctest::Approx(row.num("se")).epsilon(1e-12));
        CHECK(f.t == doctest::Approx(row.num("t")).epsilon(1e-12));
        CHECK(f.df == row.num("df"));
        CHECK(f.p_value == doctest::Approx(row.num("p")).epsilon(1e-12));
        CHECK(f.ci.low == doctest::Approx(row.num("low")).epsilon(1e-12));
        CHECK(f.ci.high == doctest::Approx(row.num("high")).epsilon(1e-12));
        CHECK(f.baseline_slope == doctest::Approx(row.num("slope")).epsilon(1e-12));
        CHECK(f.intercept == doctest::Approx(row.num("intercept")).epsilon(1e-12));
        CHECK(f.residual_sd == doctest::Approx(row.num("sigma")).epsilon(1e-12));
        // Exact permutation p over all splits: 1e-10 relative.
        CHECK(f.permutation.p_value == doctest::Approx(row.num("perm_p")).epsilon(1e-10));
        CHECK(f.permutation.arrangements == row.num("splits"));
        CHECK(f.permutation.method == core::Method::exact_enumeration);
        CHECK(f.permutation.statistic == doctest::Approx(f.difference).epsilon(1e-12));
        CHECK(r.note.empty());
    }
}

TEST_CASE("Ancova: Monte Carlo permutation agrees with enumeration and is reproducible") {
    const std::vector<double> pa{14, 20, 11, 18, 9, 16}, ba{28, 31, 25, 30, 22, 27};
    const std::vector<double> pb{24, 22, 27, 19, 25, 21}, bb{29, 26, 33, 24, 30, 25};
    const auto exact = ancova(pa, ba, pb, bb);
    pilotstat::core::ExactOptions o;
    o.max_enumeration = 10;
    o.resamples = 20000;
    const auto mc = ancova(pa, ba, pb, bb, 0.95, o);
    REQUIRE(exact.fit.has_value());
    REQUIRE(mc.fit.has_value());
    CHECK(mc.fit->permutation.method == core::Method::monte_carlo);
    // Within 5 Monte Carlo standard errors (plus the 1/(B+1) offset).
    CHECK(std::fabs(mc.fit->permutation.p_value - exact.fit->permutation.p_value) <
          5.0 * *mc.fit->permutation.mc_se + 1e-4);
    CHECK(ancova(pa, ba, pb, bb, 0.95, o).fit->permutation.p_value == mc.fit->permutation.p_value);

    // Unequal arms (4 v 8): the null is not symmetric; centre estimated.
    const std::vector<double> pa4{14, 20, 11, 18}, ba4{28, 31, 25, 30};
    const std::vector<double> pb8{24, 22, 27, 19, 25, 21, 9, 16}, bb8{29, 26, 33, 24, 30, 25, 22, 27};
    const auto exact4 = ancova(pa4, ba4, pb8, bb8);
    const auto mc4 = ancova(pa4, ba4, pb8, bb8, 0.95, o);
    REQUIRE(exact4.fit.has_value());
    REQUIRE(mc4.fit.has_value());
    CHECK(exact4.fit->permutation.arrangements == 495.0);
    CHECK(std::fabs(mc4.fit->permutation.p_value - exact4.fit->permutation.p_value) <
          5.0 * *mc4.fit->permutation.mc_se + 1e-4);
}

TEST_CASE("Ancova: degenerate designs give no fit and say why") {
    const std::vector<double> p3{1, 2}, b3{5, 6}, p1{3}, b1{7};
    CHECK(ancova(p3, b3, p1, b1).note == "n <= 3: no residual degrees of freedom");
    const std::vector<double> pa{1, 2, 3}, pb{4, 6, 5}, flat{10, 10, 10};
    CHECK(ancova(pa, flat, pb, flat).note == "baseline is constant");
    const std::vector<double> ba{10, 10, 10}, bb{12, 12, 12};
    const auto col = ancova(pa, ba, pb, bb);
    CHECK_FALSE(col.fit.has_value());
    CHECK(col.note == "baseline is collinear with group");
    // post = baseline + 2 [A] exactly: no residual variance.
    const std::vector<double> xa{1, 2, 4}, ya{3, 4, 6}, xb{2, 5, 3}, yb{2, 5, 3};
    CHECK(ancova(ya, xa, yb, xb).note == "residual variance is zero");
    const std::vector<double> empty{};
    CHECK(ancova(empty, empty, pb, bb).note == "arm is empty");
    CHECK_THROWS_AS(ancova(pa, b3, pb, bb), pilotstat::UsageError);
}

TEST_CASE("Ancova: splits without within-arm baseline spread are counted in the note") {
    // Baselines 1,1,2 | 2,2,1: the split {1,1,1} vs {2,2,2} has none.
    const std::vector<double> pa{3, 4, 6}, ba{1, 1, 2}, pb{5, 7, 4}, bb{2, 2, 1};
    const auto r = ancova(pa, ba, pb, bb);
    REQUIRE(r.fit.has_value());
    CHECK(r.note == "2 of 20 splits had no within-arm baseline spread");
}
