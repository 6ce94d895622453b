// Power, minimal detectable effect and n needed: the t-based functions against
// R (tests/reference/power_*.csv, written by scripts/reference/power_multiplicity.R;
// the R calls are in each fixture's comments), and the simulated power of the
// exact permutation tests against the t power, known exact zeros and known
// exact test sizes.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "fixture.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/power/permutation_power.hpp"
#include "pilotstat/power/sensitivity.hpp"
#include "pilotstat/power/t_power.hpp"

using namespace pilotstat::power;
namespace core = pilotstat::core;
using pilotstat::core::Alternative;

namespace {
constexpr double kPowerAbs = 1e-10;   // t power vs R: absolute
constexpr double kSolveRel = 1e-9;    // solved effect / n vs R (tol 1e-13): relative

PowerSettings settings(const fixture::Row& r) {
    PowerSettings s;
    s.design = parse_design(r.str("design"));
    s.alternative = pilotstat::core::parse_alternative(r.str("alternative"));
    s.alpha = r.num("alpha");
    return s;
}

SimulationOptions sim(std::uint64_t R, unsigned threads = 2) {
    SimulationOptions o;
    o.replicates = R;
    o.threads = threads;
    return o;
}

bool within_se(double estimate, double expected, double R, double k = 4.0) {
    const double se = std::sqrt(std::max(expected * (1 - expected), 1e-4) / R);
    return std::fabs(estimate - expected) <= k * se;
}
}  // namespace

TEST_CASE("Power/t_power matches power.t.test(strict = TRUE) and pwr.t.test") {
    for (const auto& row : fixture::read("reference/power_t_power.csv")) {
        const auto s = settings(row);
        const double p = t_power(s, row.num("n"), row.num("effect"));
        INFO(row.str("design"), " ", row.str("alternative"), " ", row.num("n"), " ", row.num("effect"), " ", row.num("alpha"));
        CHECK(std::fabs(p - row.num("power_ptt")) <= kPowerAbs);
        CHECK(std::fabs(p - row.num("power_pwr")) <= kPowerAbs);
    }
}

TEST_CASE("Power/t_min_effect matches power.t.test and pwr solved tightly") {
    for (const auto& row : fixture::read("reference/power_t_effect.csv")) {
        const auto s = settings(row);
        const auto e = t_min_effect(s, row.num("n"), row.num("power"));
        INFO(row.str("design"), " ", row.str("alternative"), " ", row.num("n"), " ", row.num("power"), " ", row.num("alpha"));
        REQUIRE(e.has_value());
        CHECK(std::fabs(t_power(s, row.num("n"), *e) - row.num("power")) <= 1e-12);
        // R's pnt switches to a normal approximation (A&S 26.7.10) for ncp > 37.62,
        // which is off at df = 1 (see the quadrature check below): compare below that.
        if (std::fabs(t_ncp(s.design, row.num("n"), row.num("effect_ptt"))) > 37.62) continue;
        CHECK(*e == doctest::Approx(row.num("effect_ptt")).epsilon(kSolveRel));
        CHECK(*e == doctest::Approx(row.num("effect_pwr")).epsilon(kSolveRel));
    }
}

TEST_CASE("Power/t_min_effect beyond R's pnt range agrees with quadrature") {
    // paired, 2 pairs (df = 1), greater, alpha 0.01, power 0.8: ncp = 40.8.
    // mpmath: P(T > q) = E_V Phi(ncp - q sqrt(V)), V ~ chi2(1), quad at 30 digits,
    // findroot -> 28.849789977467199579 (R's power.t.test gives 30.279).
    const auto e = t_min_effect({Design::paired, 0.01, core::Alternative::greater}, 2, 0.8);
    REQUIRE(e.has_value());
    CHECK(*e == doctest::Approx(28.849789977467199579).epsilon(1e-9));
}

TEST_CASE("Power/t_sample_size matches power.t.test's real n and the smallest integer n") {
    for (const auto& row : fixture::read("reference/power_t_n.csv")) {
        const auto s = settings(row);
        const auto n = t_sample_size(s, row.num("effect"), row.num("power"));
        INFO(row.str("design"), " ", row.str("alternative"), " ", row.num("effect"), " ", row.num("power"));
        REQUIRE(n.has_value());
        CHECK(n->n == static_cast<int>(row.num("n")));
        CHECK(std::fabs(n->achieved - row.num("achieved")) <= kPowerAbs);
        if (row.num("n_real") >= 2.0) CHECK(n->n_real == doctest::Approx(row.num("n_real")).epsilon(kSolveRel));
    }
}

TEST_CASE("Power/acceptance: minimal detectable d at n = 5 per arm, power 0.8") {
    const auto rows = fixture::read("reference/power_acceptance.csv");
    const auto d = t_min_effect(PowerSettings{}, 5, 0.8);
    REQUIRE(d.has_value());
    for (const auto& row : rows) {
        CAPTURE(row.str("call"));
        // the tight root to 1e-9 relative; R's default-tolerance solvers (uniroot
        // tol eps^0.25, and strict = FALSE for power.t.test) only to 1e-6 relative
        const double tol = row.str("call") == "ptt_strict_tight" ? 1e-9 : 1e-6;
        CHECK(*d == doctest::Approx(row.num("value")).epsilon(tol));
    }
}

TEST_CASE("Power/t solvers: degenerate questions and bad arguments") {
    PowerSettings s;
    CHECK_FALSE(t_sample_size(s, 0.0, 0.8).has_value());
    s.alternative = core::Alternative::greater;
    CHECK_FALSE(t_sample_size(s, -0.5, 0.8).has_value());
    CHECK(t_min_effect(s, 5, 0.8).value() > 0);
    s.alternative = core::Alternative::less;
    CHECK(t_min_effect(s, 5, 0.8).value() < 0);
    CHECK_FALSE(t_sample_size(PowerSettings{}, 0.01, 0.8, 1000).has_value());  // needs ~157,000
    const auto two = t_sample_size(PowerSettings{}, 50.0, 0.8);
    REQUIRE(two.has_value());
    CHECK(two->n == 2);
    CHECK_THROWS_AS(t_power(s, 1.0, 1.0), pilotstat::UsageError);
    CHECK_THROWS_AS(t_min_effect(PowerSettings{}, 5, 0.04), pilotstat::UsageError);  // power <= alpha
    CHECK_THROWS_AS(t_min_effect(PowerSettings{Design::paired, 1.5}, 5, 0.8), pilotstat::UsageError);
    CHECK(parse_design("paired") == Design::paired);
    CHECK_THROWS_AS(parse_design("crossover"), pilotstat::UsageError);
}

TEST_CASE("Power/permutation: sign-flip test at n = 5 paired has power exactly 0") {
    const PowerSettings s{Design::paired, 0.05, core::Alternative::two_sided};
    for (double e : {0.0, 1.0, 5.0, 100.0}) {
        const auto p = permutation_power(s, 5, e, sim(1000));
        CHECK(p.power == 0.0);
        CHECK(p.replicates == 0);  // not simulated
        CHECK(p.p_floor == doctest::Approx(0.0625).epsilon(1e-15));
        CHECK(p.note == kNotePFloor);
    }
    const auto mde = permutation_min_effect(s, 5, 0.8, sim(100));
    CHECK_FALSE(mde.effect.has_value());
    CHECK(mde.note == kNotePFloor);
    // one-sided the floor is 1/32 <= 0.05: power is positive
    const auto one = permutation_power({Design::paired, 0.05, core::Alternative::greater}, 5, 2.0, sim(400));
    CHECK(one.power > 0.5);
}

TEST_CASE("Power/permutation: at effect 0 the power is the exact size of the test") {
    // 5 v 5, two-sided: attainable p are multiples of 2/252, so the size is 12/252.
    const auto two = permutation_power(PowerSettings{}, 5, 0.0, sim(4000));
    CHECK(within_se(two.power, 12.0 / 252.0, 4000));
    // 6 pairs, two-sided: p in multiples of 2/64, size 2/64.
    const auto paired = permutation_power({Design::paired, 0.05, core::Alternative::two_sided}, 6, 0.0, sim(4000));
    CHECK(within_se(paired.power, 2.0 / 64.0, 4000));
    CHECK(paired.mc_se == doctest::Approx(std::sqrt(paired.power * (1 - paired.power) / 4000)).epsilon(1e-12));
}

TEST_CASE("Power/permutation: close to the t power at moderate n (within 4 SE)") {
    struct Case { Design design; int n; double effect; };
    for (const auto& c : {Case{Design::paired, 12, 0.8}, Case{Design::two_sample, 7, 1.5},
                          Case{Design::paired, 20, 0.6}}) {
        const PowerSettings s{c.design, 0.05, core::Alternative::two_sided};
        const auto p = permutation_power(s, c.n, c.effect, sim(600));
        INFO(c.n, " ", c.effect, " ", p.power);
        CHECK(within_se(p.power, t_power(s, c.n, c.effect), 600));
    }
}

TEST_CASE("Power/permutation: deterministic, independent of the thread count") {
    const PowerSettings s;
    const auto one = permutation_power(s, 5, 1.2, sim(1100, 1));
    const auto two = permutation_power(s, 5, 1.2, sim(1100, 2));
    const auto three = permutation_power(s, 5, 1.2, sim(1100, 3));
    CHECK(one.rejections == two.rejections);
    CHECK(one.rejections == three.rejections);
    auto other = sim(1100);
    other.seed = 7;
    CHECK(permutation_power(s, 5, 1.2, other).rejections != one.rejections);
    CHECK(one.method_label() == "simulation (R=1100, seed=20230401; inner exact-enumeration)");
}

TEST_CASE("Power/permutation: minimal detectable effect and n needed at 5 v 5") {
    const PowerSettings s;
    const auto opts = sim(1000);
    const auto mde = permutation_min_effect(s, 5, 0.8, opts);
    REQUIRE(mde.effect.has_value());
    CHECK(mde.at.power >= 0.8);
    CHECK(permutation_power(s, 5, *mde.effect - 2e-3, opts).power < 0.8);
    // discreteness costs power: the exact test needs a larger effect than the t test
    CHECK(*mde.effect > *t_min_effect(s, 5, 0.8));
    CHECK(*mde.effect < 3.0);
    const auto nn = permutation_sample_size(s, *mde.effect, 0.8, opts);
    REQUIRE(nn.n.has_value());
    CHECK(*nn.n == 5);
    const auto paired = permutation_sample_size({Design::paired, 0.05, core::Alternative::two_sided}, 3.0, 0.8, opts);
    REQUIRE(paired.n.has_value());
    CHECK(*paired.n == 6);  // n = 5 cannot reject; 6 pairs at dz = 3 almost always do
    const auto unreachable = permutation_sample_size(s, 0.05, 0.8, opts, 50);
    CHECK_FALSE(unreachable.n.has_value());
    CHECK(unreachable.note == kNoteNotReached);
}

TEST_CASE("Power/design sensitivity depends on the design only, and matches power.t.test for equal arms") {
    // power.t.test(n = 5, power = 0.8, strict = TRUE)$delta = 2.0244393393841871 (two-sample),
    // power.t.test(n = 5, power = 0.8, type = "paired", strict = TRUE)$delta = 1.6819969659535825
    const auto two = design_min_effect(two_sample_design(5, 5), 0.05, core::Alternative::two_sided);
    REQUIRE(two.has_value());
    CHECK(*two == doctest::Approx(2.0244393393841871).epsilon(1e-9));
    const auto paired = design_min_effect(paired_design(5), 0.05, core::Alternative::two_sided);
    REQUIRE(paired.has_value());
    CHECK(*paired == doctest::Approx(1.6819969659535825).epsilon(1e-9));
    // one-sided "less": a negative effect of smaller size (one tail only)
    const auto less = design_min_effect(two_sample_design(5, 5), 0.05, core::Alternative::less);
    REQUIRE(less.has_value());
    CHECK(*less < 0.0);
    CHECK(-*less < *two);
    // ANCOVA loses one df to the slope: needs a larger effect than the two-sample t at the same sizes,
    // and its power at the returned effect is the target (tolerance 1e-9)
    const auto anc = design_min_effect(ancova_design(5, 5), 0.05, core::Alternative::two_sided);
    REQUIRE(anc.has_value());
    CHECK(*anc > *two);
    CHECK(design_power(ancova_design(5, 5), 0.05, core::Alternative::two_sided, *anc) == doctest::Approx(0.8).epsilon(1e-9));
    // unequal arms: between the two balanced designs around them
    const auto uneq = design_min_effect(two_sample_design(4, 6), 0.05, core::Alternative::two_sided);
    REQUIRE(uneq.has_value());
    CHECK(*uneq > *two);
    CHECK_FALSE(design_min_effect(two_sample_design(1, 1), 0.05, core::Alternative::two_sided).has_value());  // df = 0
    CHECK_THROWS_AS(design_min_effect(paired_design(5), 0.05, core::Alternative::two_sided, 0.01), pilotstat::UsageError);
}
