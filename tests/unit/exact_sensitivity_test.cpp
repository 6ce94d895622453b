// The simulated design sensitivity of the primary exact tests
// (explain/exact_sensitivity) checked against the tests themselves: at the
// effect it returns, the real test (inference::permutation_test,
// signflip_test, models::ancova's permutation test, or the power module's
// independent simulation) rejects in about `power` of fresh normal samples.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "pilotstat/error.hpp"
#include "pilotstat/explain/exact_sensitivity.hpp"
#include "pilotstat/inference/permutation_test.hpp"
#include "pilotstat/inference/signflip_test.hpp"
#include "pilotstat/models/ancova.hpp"
#include "pilotstat/power/permutation_power.hpp"
#include "pilotstat/power/sensitivity.hpp"
#include "pilotstat/resample/rng.hpp"

using namespace pilotstat;
using explain::ExactDesign;
using explain::ExactTest;

namespace {
constexpr std::uint64_t kSeed = 20230401;

// |estimate - expected| within k Monte Carlo SEs of a proportion over R replicates.
bool near_power(double estimate, double expected, double R, double k = 4.0) {
    return std::fabs(estimate - expected) <= k * std::sqrt(expected * (1 - expected) / R);
}

// Rejection rate of the real two-sample permutation test (or ANCOVA's, given
// baselines) at `effect`, from a stream independent of the simulation's.
double real_rejection_rate(const ExactDesign& d, double effect, int R) {
    resample::Rng rng(99);
    int rejected = 0;
    const double sign = d.alternative == core::Alternative::less ? -1.0 : 1.0;
    for (int r = 0; r < R; ++r) {
        std::vector<double> a(d.n_a), b(d.n_b);
        for (auto& x : a) x = sign * effect + rng.normal();
        for (auto& x : b) x = rng.normal();
        core::ExactOptions o;
        o.alternative = d.alternative;
        o.max_dp_cells = 0;
        double p = 1;
        if (d.test == ExactTest::ancova_permutation) {
            std::vector<double> ba(d.baseline.begin(), d.baseline.begin() + static_cast<long>(d.n_a));
            std::vector<double> bb(d.baseline.begin() + static_cast<long>(d.n_a), d.baseline.end());
            for (std::size_t i = 0; i < a.size(); ++i) a[i] += 0.7 * ba[i];  // beta drops out of the test
            for (std::size_t i = 0; i < b.size(); ++i) b[i] += 0.7 * bb[i];
            const auto fit = models::ancova(a, ba, b, bb, 0.95, o);
            REQUIRE(fit.fit);
            p = fit.fit->permutation.p_value;
        } else if (d.test == ExactTest::permutation) {
            p = inference::permutation_test(a, b, o)->p_value;
        } else {
            p = inference::signflip_test(a, o)->p_value;
        }
        rejected += p <= 0.05 * (1 + 1e-10);
    }
    return static_cast<double>(rejected) / R;
}
}  // namespace

TEST_CASE("exact sensitivity: 5 v 5 permutation test, the real test has 80% power at the returned effect") {
    const ExactDesign d{ExactTest::permutation, 5, 5, {}, core::Alternative::two_sided, core::TwoSidedRule::deviation};
    const auto x = explain::simulate_exact_sensitivity(d, 0.05, 0.8, kSeed);
    REQUIRE(x.effect);
    CHECK(x.enumerated);
    CHECK(x.arrangements == 252);
    CHECK(x.replicates == explain::kSensitivityReplicates);
    CHECK(x.power_at >= 0.8);
    CHECK(near_power(real_rejection_rate(d, *x.effect, 1500), 0.8, 1500));
    // the power module's own simulation (a separate implementation) agrees
    power::SimulationOptions sim;
    sim.replicates = 3000;
    const auto p = power::permutation_power(power::PowerSettings{}, 5, *x.effect, sim);
    CHECK(near_power(p.power, 0.8, 3000));
    // a permutation test is a little weaker than the t test at 5 v 5, never much stronger
    const double t = *power::design_min_effect(power::two_sample_design(5, 5), 0.05, core::Alternative::two_sided);
    CHECK(*x.effect > t - 0.1);
    CHECK(*x.effect < t + 0.5);
}

TEST_CASE("exact sensitivity: sign-flip test with 6 pairs, one-sided and unequal arms") {
    const ExactDesign paired{ExactTest::signflip, 6, 0, {}, core::Alternative::two_sided, core::TwoSidedRule::deviation};
    const auto s = explain::simulate_exact_sensitivity(paired, 0.05, 0.8, kSeed);
    REQUIRE(s.effect);
    CHECK(s.arrangements == 64);
    CHECK(near_power(real_rejection_rate(paired, *s.effect, 1500), 0.8, 1500));
    // one-sided, in the direction of the alternative: a smaller effect suffices
    const ExactDesign less{ExactTest::permutation, 5, 5, {}, core::Alternative::less, core::TwoSidedRule::deviation};
    const auto l = explain::simulate_exact_sensitivity(less, 0.05, 0.8, kSeed);
    const ExactDesign two{ExactTest::permutation, 5, 5, {}, core::Alternative::two_sided, core::TwoSidedRule::deviation};
    REQUIRE(l.effect);
    CHECK(*l.effect < *explain::simulate_exact_sensitivity(two, 0.05, 0.8, kSeed).effect);
    CHECK(near_power(real_rejection_rate(less, *l.effect, 1500), 0.8, 1500));
    // 6 v 4: unequal arms (the power module covers equal arms only)
    const ExactDesign u{ExactTest::permutation, 6, 4, {}, core::Alternative::two_sided, core::TwoSidedRule::deviation};
    const auto x = explain::simulate_exact_sensitivity(u, 0.05, 0.8, kSeed);
    REQUIRE(x.effect);
    CHECK(x.arrangements == 210);
    CHECK(near_power(real_rejection_rate(u, *x.effect, 1500), 0.8, 1500));
}

TEST_CASE("exact sensitivity: ANCOVA's permutation test given the baselines, in residual SDs") {
    const ExactDesign d{ExactTest::ancova_permutation, 5, 5, {25, 26, 27, 28, 29, 26, 28, 30, 27, 29},
                        core::Alternative::two_sided, core::TwoSidedRule::deviation};
    const auto x = explain::simulate_exact_sensitivity(d, 0.05, 0.8, kSeed);
    REQUIRE(x.effect);
    CHECK(near_power(real_rejection_rate(d, *x.effect, 800), 0.8, 800));
}

TEST_CASE("exact sensitivity: inner Monte Carlo beyond 2048 arrangements; the floor; determinism; the cache") {
    const ExactDesign big{ExactTest::permutation, 8, 8, {}, core::Alternative::two_sided, core::TwoSidedRule::deviation};
    const auto x = explain::simulate_exact_sensitivity(big, 0.05, 0.8, kSeed, 1000);
    CHECK_FALSE(x.enumerated);
    CHECK(x.inner_resamples == explain::kInnerResamples);
    REQUIRE(x.effect);
    const double t = *power::design_min_effect(power::two_sample_design(8, 8), 0.05, core::Alternative::two_sided);
    CHECK(std::fabs(*x.effect - t) < 0.2);  // at 8 v 8 the permutation test is close to the t test
    // 5 pairs, two-sided: the sign-flip test never reaches 0.05
    const ExactDesign five{ExactTest::signflip, 5, 0, {}, core::Alternative::two_sided, core::TwoSidedRule::deviation};
    const auto f = explain::simulate_exact_sensitivity(five, 0.05, 0.8, kSeed, 200);
    CHECK_FALSE(f.effect);
    CHECK(f.power_at == 0.0);
    // same seed, same result; another seed, another Monte Carlo draw
    const ExactDesign d{ExactTest::permutation, 5, 4, {}, core::Alternative::two_sided, core::TwoSidedRule::deviation};
    CHECK(*explain::simulate_exact_sensitivity(d, 0.05, 0.8, kSeed, 500).effect ==
          *explain::simulate_exact_sensitivity(d, 0.05, 0.8, kSeed, 500).effect);
    CHECK(*explain::simulate_exact_sensitivity(d, 0.05, 0.8, kSeed, 500).effect !=
          *explain::simulate_exact_sensitivity(d, 0.05, 0.8, 7, 500).effect);
    explain::SensitivityCache cache;
    const auto a = cache.get(d, 0.05, 0.8, kSeed);
    const auto b = cache.get(d, 0.05, 0.8, kSeed);
    CHECK(cache.size() == 1);
    CHECK(*a.effect == *b.effect);
    cache.get(d, 0.1, 0.8, kSeed);
    CHECK(cache.size() == 2);
    CHECK_THROWS_AS(explain::simulate_exact_sensitivity({ExactTest::signflip, 1, 0, {}, {}, {}}, 0.05, 0.8, kSeed),
                    UsageError);
    CHECK_THROWS_AS(explain::simulate_exact_sensitivity({ExactTest::ancova_permutation, 3, 3, {1, 2}, {}, {}}, 0.05,
                                                        0.8, kSeed),
                    UsageError);
    CHECK_THROWS_AS(explain::simulate_exact_sensitivity(d, 0.05, 1.0, kSeed), UsageError);
}
