#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "fixture.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/inference/contingency_tests.hpp"

using namespace pilotstat::inference;
namespace core = pilotstat::core;

namespace {
long as_long(double v) { return std::lround(v); }
core::Alternative alt_of(const std::string& s) {
    return s == "less" ? core::Alternative::less : s == "greater" ? core::Alternative::greater : core::Alternative::two_sided;
}
}  // namespace

TEST_CASE("Contingency: Fisher 2x2 matches fisher.test (fixture)") {
    const auto rows = fixture::read("reference/effects_fisher_2x2.csv");
    CHECK(rows.size() == 36);
    for (const auto& row : rows) {
        const long xa = as_long(row.num("xa")), na = as_long(row.num("na"));
        const long xb = as_long(row.num("xb")), nb = as_long(row.num("nb"));
        CAPTURE(xa);
        CAPTURE(xb);
        CAPTURE(row.str("alternative"));
        const auto r = fisher_exact_2x2(xa, na, xb, nb, alt_of(row.str("alternative")));
        // Exact p-values: 1e-10 relative.
        CHECK(r.p_value == doctest::Approx(row.num("p")).epsilon(1e-10));
        CHECK(r.method == core::Method::exact_enumeration);
        CHECK(r.p_floor <= r.p_value * (1 + 1e-12));
        CHECK(r.statistic == static_cast<double>(xa));
    }
}

TEST_CASE("Contingency: Fisher 2x2 counts and p-floor for 5 v 5") {
    // 5/5 vs 0/5 responders: 5 responders among 10 -> C(10,5) = 252 splits;
    // two-sided extreme: xa = 5 and xa = 0, 2 of 252.
    const auto r = fisher_exact_2x2(5, 5, 0, 5);
    CHECK(r.arrangements == 252.0);
    CHECK(r.count_extreme == doctest::Approx(2.0).epsilon(1e-12));
    CHECK(r.p_value == doctest::Approx(2.0 / 252.0).epsilon(1e-12));
    CHECK(r.p_floor == doctest::Approx(2.0 / 252.0).epsilon(1e-12));
    // 1 responder in total: the best any table can do is p = 1.
    const auto one = fisher_exact_2x2(1, 5, 0, 5);
    CHECK(one.p_value == doctest::Approx(1.0).epsilon(1e-12));
    CHECK(one.p_floor == doctest::Approx(1.0).epsilon(1e-12));
    // No responders at all.
    const auto none = fisher_exact_2x2(0, 5, 0, 5);
    CHECK(none.p_value == 1.0);
    CHECK(none.note == "only one response class: margins fix the table");
    // Doubled rule: 2 * min(one-sided).
    const auto d = fisher_exact_2x2(4, 5, 1, 5, core::Alternative::two_sided, core::TwoSidedRule::doubled);
    const auto g = fisher_exact_2x2(4, 5, 1, 5, core::Alternative::greater);
    CHECK(d.p_value == doctest::Approx(2.0 * g.p_value).epsilon(1e-12));
    CHECK_THROWS_AS(fisher_exact_2x2(6, 5, 0, 5), pilotstat::UsageError);
}

TEST_CASE("Contingency: Freeman-Halton matches fisher.test on r x c tables (fixture)") {
    const auto rows = fixture::read("reference/effects_fisher_rxc.csv");
    CHECK(rows.size() == 8);
    for (const auto& row : rows) {
        const auto nr = static_cast<std::size_t>(as_long(row.num("nrow")));
        const auto nc = static_cast<std::size_t>(as_long(row.num("ncol")));
        const auto cells = row.vec("cells");
        std::vector<std::vector<long>> table(nr, std::vector<long>(nc));
        for (std::size_t i = 0; i < nr; ++i)
            for (std::size_t j = 0; j < nc; ++j) table[i][j] = as_long(cells[i * nc + j]);
        CAPTURE(row.str("cells"));
        const auto r = freeman_halton(table);
        // Exact p-values: 1e-10 relative.
        CHECK(r.p_value == doctest::Approx(row.num("p")).epsilon(1e-10));
        CHECK(r.method == core::Method::exact_enumeration);
        CHECK(r.p_floor > 0.0);
        CHECK(r.p_floor <= r.p_value * (1 + 1e-12));
    }
}

TEST_CASE("Contingency: Freeman-Halton on a 2x2 equals Fisher, and falls back to Monte Carlo") {
    const std::vector<std::vector<long>> t{{4, 1}, {1, 4}};
    const auto fh = freeman_halton(t);
    const auto f = fisher_exact_2x2(4, 5, 1, 5);
    CHECK(fh.p_value == doctest::Approx(f.p_value).epsilon(1e-12));
    CHECK(fh.p_floor == doctest::Approx(f.p_floor).epsilon(1e-12));
    CHECK(fh.arrangements == 6.0);  // xa = 0..5 with 5 responders

    core::ExactOptions opts;
    opts.max_enumeration = 3;  // force Monte Carlo
    opts.resamples = 20000;
    const auto mc = freeman_halton(t, opts);
    CHECK(mc.method == core::Method::monte_carlo);
    CHECK(mc.seed == opts.seed);
    // Within 5 Monte Carlo standard errors of the exact p.
    CHECK(std::fabs(mc.p_value - f.p_value) < 5.0 * *mc.mc_se);
    CHECK(freeman_halton(t, opts).p_value == mc.p_value);  // reproducible

    const std::vector<std::vector<long>> empty_row{{0, 0}, {3, 2}};
    CHECK(freeman_halton(empty_row).p_value == 1.0);
    CHECK(freeman_halton(empty_row).note == "fewer than 2 non-empty rows or columns");
    CHECK_THROWS_AS(freeman_halton({{1, 2}, {3}}), pilotstat::UsageError);
}

TEST_CASE("Contingency: Boschloo matches scipy.stats.boschloo_exact (fixture)") {
    const auto rows = fixture::read("reference/effects_boschloo.csv");
    CHECK(rows.size() == 14);
    for (const auto& row : rows) {
        const long xa = as_long(row.num("xa")), na = as_long(row.num("na"));
        const long xb = as_long(row.num("xb")), nb = as_long(row.num("nb"));
        CAPTURE(xa);
        CAPTURE(na);
        CAPTURE(xb);
        CAPTURE(nb);
        // SciPy's shgo reaches the supremum to ~1e-12 relative; 1e-10 relative.
        CHECK(boschloo_exact(xa, na, xb, nb, core::Alternative::less).p_value ==
              doctest::Approx(row.num("p_less")).epsilon(1e-10));
        CHECK(boschloo_exact(xa, na, xb, nb, core::Alternative::greater).p_value ==
              doctest::Approx(row.num("p_greater")).epsilon(1e-10));
        const auto two = boschloo_exact(xa, na, xb, nb, core::Alternative::two_sided, core::TwoSidedRule::doubled);
        CHECK(two.p_value == doctest::Approx(row.num("p_two_sided")).epsilon(1e-10));
        CHECK(two.p_floor <= two.p_value * (1 + 1e-12));
        // Dense-grid supremum (same script): 1e-12 relative.
        CHECK(two.p_value == doctest::Approx(row.num("p_two_sided_dense")).epsilon(1e-12));
        const auto dev = boschloo_exact(xa, na, xb, nb);
        CHECK(dev.p_value == doctest::Approx(row.num("p_fisher2_dense")).epsilon(1e-12));
        // Never larger than Fisher's conditional test by the same ordering.
        CHECK(dev.p_value <= fisher_exact_2x2(xa, na, xb, nb).p_value * (1 + 1e-12));
    }
}

TEST_CASE("Contingency: Boschloo on 5/5 vs 0/5 and an empty arm") {
    // The most extreme table: p = 2 * (1/2)^10 (pi = 1/2), also the p-floor.
    const auto r = boschloo_exact(5, 5, 0, 5, core::Alternative::two_sided, core::TwoSidedRule::doubled);
    CHECK(r.p_value == doctest::Approx(2.0 / 1024.0).epsilon(1e-12));
    CHECK(r.p_floor == doctest::Approx(2.0 / 1024.0).epsilon(1e-12));
    CHECK(r.arrangements == 36.0);
    const auto e = boschloo_exact(0, 0, 2, 5);
    CHECK(e.p_value == 1.0);
    CHECK(e.note == "an arm is empty");
}
