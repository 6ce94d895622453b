#include <doctest/doctest.h>

#include <vector>

#include "pilotstat/null/exact_distribution.hpp"

using pilotstat::core::Alternative;
using pilotstat::core::TwoSidedRule;
using pilotstat::null::ExactDistribution;
namespace core = pilotstat::core;

TEST_CASE("symmetric distribution: p-values and floors by hand") {
    // Sign flips of {1, 2}: sums -3, -1, 1, 3, each once.
    const auto d = ExactDistribution::from_values({-3, -1, 1, 3});
    CHECK(d.mean() == doctest::Approx(0.0));
    auto r = d.test(3.0, core::Alternative::two_sided);
    CHECK(r.count_extreme == 2.0);
    CHECK(r.p_value == doctest::Approx(0.5).epsilon(1e-15));
    CHECK(r.p_floor == doctest::Approx(0.5).epsilon(1e-15));
    CHECK(d.test(1.0, core::Alternative::greater).p_value == doctest::Approx(0.5).epsilon(1e-15));
    CHECK(d.test(1.0, core::Alternative::less).p_value == doctest::Approx(0.75).epsilon(1e-15));
    CHECK(d.p_floor(core::Alternative::greater) == doctest::Approx(0.25).epsilon(1e-15));
}

TEST_CASE("rounding noise does not move a p-value") {
    const auto d = ExactDistribution::from_values({0.1 + 0.2, 0.3, 0.0, -0.3});
    CHECK(d.support().size() == 3);
    CHECK(d.test(0.3, core::Alternative::greater).count_extreme == 2.0);
}

TEST_CASE("asymmetric distribution: deviation vs doubled two-sided rule") {
    // Support 0,1,2,3 with weights 1,3,3,1 shifted to be asymmetric: 0,1,5 w 1,2,1.
    const auto d = ExactDistribution::from_weights({5, 0, 1}, {1, 1, 2});
    CHECK(d.mean() == doctest::Approx(1.75).epsilon(1e-15));
    // deviation: |T-1.75| >= |0-1.75| = 1.75 -> T=0 (1.75) and T=5 (3.25): weight 2
    CHECK(d.test(0.0, core::Alternative::two_sided).p_value == doctest::Approx(0.5).epsilon(1e-15));
    // doubled: 2 * min(P(T<=0)=0.25, P(T>=0)=1) = 0.5
    CHECK(d.test(0.0, core::Alternative::two_sided, core::TwoSidedRule::doubled).p_value ==
          doctest::Approx(0.5).epsilon(1e-15));
    // at T=5: deviation counts only T=5 (weight 1) -> 0.25; doubled 2*0.25 = 0.5
    CHECK(d.test(5.0, core::Alternative::two_sided).p_value == doctest::Approx(0.25).epsilon(1e-15));
    CHECK(d.test(5.0, core::Alternative::two_sided, core::TwoSidedRule::doubled).p_value ==
          doctest::Approx(0.5).epsilon(1e-15));
    CHECK(d.p_floor(core::Alternative::two_sided) == doctest::Approx(0.25).epsilon(1e-15));
}
