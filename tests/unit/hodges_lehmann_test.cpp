#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "fixture.hpp"
#include "pilotstat/effects/hodges_lehmann.hpp"

using pilotstat::effects::hodges_lehmann;
using pilotstat::effects::mann_whitney_counts;

TEST_CASE("HodgesLehmann: estimate and exact CI match wilcox.test(conf.int = TRUE) (fixture)") {
    const auto rows = fixture::read("reference/effects_hodges_lehmann.csv");
    CHECK(rows.size() == 24);
    int from_r = 0;
    for (const auto& row : rows) {
        CAPTURE(row.str("dataset"));
        CAPTURE(row.num("conf"));
        const auto r = hodges_lehmann(row.vec("a"), row.vec("b"), row.num("conf"));
        REQUIRE(r.has_value());
        // Order statistics of the same double differences: 1e-14 relative.
        CHECK(r->estimate == doctest::Approx(row.num("estimate")).epsilon(1e-14));
        CHECK(r->ci.low == doctest::Approx(row.num("low")).epsilon(1e-14));
        CHECK(r->ci.high == doctest::Approx(row.num("high")).epsilon(1e-14));
        // Exact coverage from counts: 1e-12 relative.
        CHECK(r->achieved_conf == doctest::Approx(row.num("achieved_conf")).epsilon(1e-12));
        CHECK(r->ties == (row.str("source") != "wilcox.test"));
        from_r += row.str("source") == "wilcox.test";
    }
    CHECK(from_r == 21);  // 7 untied data sets x 3 levels
}

TEST_CASE("HodgesLehmann: Mann-Whitney counts are the Gaussian binomial coefficients") {
    // 2 v 2: U = 0..4 with counts 1 1 2 1 1 (6 splits).
    CHECK(mann_whitney_counts(2, 2) == std::vector<double>{1, 1, 2, 1, 1});
    // 5 v 5: 252 splits, symmetric.
    const auto c = mann_whitney_counts(5, 5);
    double total = 0;
    for (double v : c) total += v;
    CHECK(total == 252.0);
    CHECK(c.size() == 26);
    for (std::size_t u = 0; u < c.size(); ++u) CHECK(c[u] == c[c.size() - 1 - u]);
    // 1 v 3: U uniform on 0..3.
    CHECK(mann_whitney_counts(1, 3) == std::vector<double>{1, 1, 1, 1});
}

TEST_CASE("HodgesLehmann: tiny samples fall back to the full range, as R") {
    // 2 v 2: no k reaches 2.5% (P(U = 0) = 1/6), so k = 1: [min, max], achieved 2/3.
    const std::vector<double> a{5, 9}, b{1, 2};
    const auto r = hodges_lehmann(a, b, 0.95);
    REQUIRE(r.has_value());
    CHECK(r->ci.low == 3.0);
    CHECK(r->ci.high == 8.0);
    CHECK(r->achieved_conf == doctest::Approx(2.0 / 3.0).epsilon(1e-15));
    CHECK(r->estimate == 5.5);
}

TEST_CASE("HodgesLehmann: invalid input gives nullopt") {
    const std::vector<double> a{1, 2}, empty{};
    CHECK_FALSE(hodges_lehmann(a, empty).has_value());
    CHECK_FALSE(hodges_lehmann(a, a, 1.0).has_value());
}
