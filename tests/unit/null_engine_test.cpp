// The null-distribution engine's own rules: provider choice by cost, tail
// counts for both two-sided rules, mid-p, size, and run()'s labels.
#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <limits>
#include <vector>

#include "pilotstat/error.hpp"
#include "pilotstat/null/exact_distribution.hpp"
#include "pilotstat/null/provider.hpp"
#include "pilotstat/null/run.hpp"
#include "pilotstat/null/tails.hpp"

using namespace pilotstat;
using null::Provider;

TEST_CASE("Null engine: the provider is chosen by counting the cost") {
    core::ExactOptions o;  // enumerate <= 5e6, DP table <= 2e8 (capped at 2.5e7)
    const double inf = std::numeric_limits<double>::infinity();
    CHECK(null::choose_provider({252, std::nullopt}, o) == Provider::enumeration);
    CHECK(null::choose_provider({252, null::DpCost{126, 1260}}, o) == Provider::enumeration);  // DP work above 252
    CHECK(null::choose_provider({2704156, null::DpCost{13 * 300, 24 * 13 * 300}}, o) == Provider::dp);
    CHECK(null::choose_provider({inf, null::DpCost{271441, 2.8e8}}, o) == Provider::dp);  // 520 v 520 binary
    CHECK(null::choose_provider({inf, null::DpCost{3e7, 1e9}}, o) == Provider::monte_carlo);  // table too big
    CHECK(null::choose_provider({1e7, std::nullopt}, o) == Provider::monte_carlo);
    o.max_dp_cells = 0;
    CHECK(null::choose_provider({2704156, null::DpCost{3900, 93600}}, o) == Provider::enumeration);
    CHECK(null::method_of(Provider::dp) == core::Method::exact_dp);
}

TEST_CASE("Null engine: extreme counts for both two-sided rules") {
    null::TailCounts c;
    c.le = 3, c.ge = 8, c.dev = 5;
    using core::Alternative;
    using core::TwoSidedRule;
    CHECK(null::extreme_count(c, Alternative::less, TwoSidedRule::deviation, 10) == 3);
    CHECK(null::extreme_count(c, Alternative::greater, TwoSidedRule::deviation, 10) == 8);
    CHECK(null::extreme_count(c, Alternative::two_sided, TwoSidedRule::deviation, 10) == 5);
    CHECK(null::extreme_count(c, Alternative::two_sided, TwoSidedRule::doubled, 10) == 6);
    CHECK(null::extreme_count(c, Alternative::two_sided, TwoSidedRule::doubled, 10, true) == 7);  // 2 (3 + 1) - 1
    c.le = 6;
    CHECK(null::extreme_count(c, Alternative::two_sided, TwoSidedRule::doubled, 10) == 10);  // capped
    CHECK(null::tie_tolerance(5.0) == 5e-9);
}

TEST_CASE("Null engine: mid-p and size of a discrete distribution") {
    // Binomial(3, 1/2) as weights 1, 3, 3, 1 on 0..3.
    const auto d = null::ExactDistribution::from_weights({0, 1, 2, 3}, {1, 3, 3, 1});
    // P(T >= 2) = 4/8; mid-p = P(T > 2) + P(T = 2)/2 = 1/8 + 3/16
    CHECK(d.mid_p(2.0, core::Alternative::greater) == doctest::Approx(5.0 / 16).epsilon(1e-15));
    // two-sided deviation at 3: |T - 1.5| >= 1.5 -> {0, 3}, none more extreme: mid-p = 1/8
    CHECK(d.mid_p(3.0, core::Alternative::two_sided) == doctest::Approx(1.0 / 8).epsilon(1e-15));
    CHECK(d.size_at(0.3, core::Alternative::greater) == doctest::Approx(1.0 / 8).epsilon(1e-15));
    CHECK(d.size_at(0.5, core::Alternative::greater) == doctest::Approx(0.5).epsilon(1e-15));
    CHECK(d.size_at(0.1, core::Alternative::greater) == 0.0);
}

TEST_CASE("Null engine: run() labels the provider and refuses Monte Carlo with B = 0") {
    null::NullProblem p;
    p.observed = 3.0;
    p.cost.arrangements = 8;
    p.enumerate = [] { return null::ExactDistribution::from_weights({0, 1, 2, 3}, {1, 3, 3, 1}); };
    p.draw = [](resample::Rng& rng) { return static_cast<double>(std::popcount(rng.next() & 7u)); };
    p.centre = 1.5;
    core::ExactOptions o;
    o.alternative = core::Alternative::greater;
    const auto exact = null::run(p, o);
    CHECK(exact.method == core::Method::exact_enumeration);
    CHECK(exact.p_value == 0.125);
    CHECK(exact.p_floor == 0.125);
    CHECK_FALSE(exact.mc_se.has_value());
    o.max_enumeration = 0;
    o.resamples = 4000;
    o.seed = 11;
    const auto mc = null::run(p, o);
    CHECK(mc.method_label() == "monte-carlo (B=4000, seed=11)");
    CHECK(std::fabs(mc.p_value - 0.125) <= 4 * *mc.mc_se);
    CHECK(mc.p_floor == 1.0 / 4001.0);
    CHECK(null::run(p, o).p_value == mc.p_value);  // same seed, same p
    o.resamples = 0;
    CHECK_THROWS_AS(null::run(p, o), ComputeError);
}
