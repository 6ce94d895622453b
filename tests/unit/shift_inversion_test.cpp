// Test-inverted shift intervals: p(delta) from the exact breakpoints must equal
// the library's own permutation / sign-flip test run on the shifted data, at
// every breakpoint and between them; the intervals' ends, levels and
// not-estimable cases are checked against hand-derived values.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "pilotstat/inference/permutation_test.hpp"
#include "pilotstat/inference/shift_inversion.hpp"
#include "pilotstat/inference/signflip_test.hpp"
#include "pilotstat/resample/rng.hpp"

using namespace pilotstat::inference;
namespace core = pilotstat::core;

namespace {

core::ExactOptions with(core::Alternative alt, core::TwoSidedRule rule = core::TwoSidedRule::deviation) {
    core::ExactOptions o;
    o.alternative = alt;
    o.two_sided_rule = rule;
    return o;
}

// The shifts to probe: every breakpoint, the midpoints between them, and
// points beyond both ends.
std::vector<double> probes(const PValueFunction& f) {
    std::vector<double> x;
    for (std::size_t i = 0; i < f.steps.size(); ++i) {
        x.push_back(f.steps[i].shift);
        if (i + 1 < f.steps.size()) x.push_back((f.steps[i].shift + f.steps[i + 1].shift) / 2);
    }
    if (!f.steps.empty()) {
        x.push_back(f.steps.front().shift - 1.0);
        x.push_back(f.steps.back().shift + 1.0);
    }
    return x;
}

std::vector<double> draw(pilotstat::resample::Rng& rng, std::size_t n, bool integer) {
    std::vector<double> v(n);
    for (auto& x : v) x = integer ? static_cast<double>(rng.below(7)) : std::round(rng.normal() * 1000) / 100;
    return v;
}

}  // namespace

TEST_CASE("ShiftInversion/two-sample p(delta) equals the permutation test of the shifted data") {
    pilotstat::resample::Rng rng(11);
    const std::pair<std::size_t, std::size_t> sizes[] = {{5, 5}, {4, 6}, {6, 3}};
    for (const auto& [na, nb] : sizes)
        for (bool integer : {false, true})
            for (auto [alt, rule] : {std::pair{core::Alternative::two_sided, core::TwoSidedRule::deviation},
                                     std::pair{core::Alternative::two_sided, core::TwoSidedRule::doubled},
                                     std::pair{core::Alternative::greater, core::TwoSidedRule::deviation},
                                     std::pair{core::Alternative::less, core::TwoSidedRule::deviation}}) {
                const auto a = draw(rng, na, integer), b = draw(rng, nb, integer);
                const auto o = with(alt, rule);
                const auto f = two_sample_shift_pvalues(a, b, o);
                REQUIRE(f);
                CHECK(f->steps.size() > 2);
                for (double delta : probes(*f)) {
                    std::vector<double> shifted(a);
                    for (auto& x : shifted) x -= delta;
                    const auto t = permutation_test(shifted, b, o);
                    REQUIRE(t);
                    INFO("na=" << na << " nb=" << nb << " integer=" << integer << " delta=" << delta);
                    CHECK(f->p(delta) == doctest::Approx(t->p_value).epsilon(1e-12));
                }
            }
}

TEST_CASE("ShiftInversion/sign-flip p(delta) equals the sign-flip test of the shifted differences") {
    pilotstat::resample::Rng rng(12);
    for (std::size_t n : {3u, 5u, 8u})
        for (bool integer : {false, true})
            for (auto alt : {core::Alternative::two_sided, core::Alternative::greater, core::Alternative::less}) {
                const auto d = draw(rng, n, integer);
                const auto o = with(alt);
                const auto f = sign_flip_shift_pvalues(d, o);
                REQUIRE(f);
                for (double delta : probes(*f)) {
                    std::vector<double> shifted(d);
                    for (auto& x : shifted) x -= delta;
                    const auto t = signflip_test(shifted, o);
                    REQUIRE(t);
                    INFO("n=" << n << " integer=" << integer << " delta=" << delta);
                    CHECK(f->p(delta) == doctest::Approx(t->p_value).epsilon(1e-12));
                }
            }
}

TEST_CASE("ShiftInversion/n = 5 pairs: 95% is unattainable, the 93.75% interval is the range") {
    const std::vector<double> d{-17, -9, -12, -15, -13};
    const auto f = sign_flip_shift_pvalues(d);
    REQUIRE(f);
    CHECK(f->resolution == doctest::Approx(2.0 / 32));
    const auto ci = invert(*f, 0.95, "sign-flip");
    CHECK(ci.estimable);
    CHECK(ci.level_below_requested);
    CHECK(ci.level == doctest::Approx(0.9375));
    REQUIRE(ci.low);
    REQUIRE(ci.high);
    CHECK(*ci.low == doctest::Approx(-17));
    CHECK(*ci.high == doctest::Approx(-9));
    // at 0.90 the test of size 0.0625 is still the largest <= 0.10: same interval
    const auto ci90 = invert(*f, 0.90, "sign-flip");
    CHECK_FALSE(ci90.level_below_requested);
    CHECK(ci90.level == doctest::Approx(0.9375));
    CHECK(*ci90.low == doctest::Approx(-17));
}

TEST_CASE("ShiftInversion/equal changes and constant groups give no interval (zero width)") {
    const std::vector<double> d(5, -2.0);
    const auto ci = invert(*sign_flip_shift_pvalues(d), 0.95, "sign-flip");
    CHECK_FALSE(ci.estimable);
    CHECK_FALSE(ci.low);
    CHECK(ci.reason.find("zero width") != std::string::npos);
    CHECK(sign_flip_shift_pvalues(d)->p(-2.0) == doctest::Approx(1.0));
    const std::vector<double> a(5, 3.0), b(5, 1.0);
    const auto c2 = invert(*two_sample_shift_pvalues(a, b), 0.95, "permutation");
    CHECK_FALSE(c2.estimable);
    // one pair: every attainable two-sided p is 1
    const std::vector<double> one{4.0};
    const auto c1 = invert(*sign_flip_shift_pvalues(one), 0.95, "sign-flip");
    CHECK_FALSE(c1.estimable);
    CHECK(c1.reason.find("too few") != std::string::npos);
}

TEST_CASE("ShiftInversion/5 v 5: achieved level 1 - 12/252 and the interval excludes the shifts the test rejects") {
    const std::vector<double> a{-20, -14, -9, -12, -16}, b{-6, -2, -8, 1, -5};
    const auto f = two_sample_shift_pvalues(a, b);
    REQUIRE(f);
    const auto ci = invert(*f, 0.95, "permutation");
    REQUIRE(ci.estimable);
    CHECK(ci.level == doctest::Approx(1.0 - 12.0 / 252));
    CHECK_FALSE(ci.level_below_requested);
    REQUIRE(ci.low);
    REQUIRE(ci.high);
    CHECK(*ci.low < -10.2);
    CHECK(*ci.high > -10.2);
    const double size = 12.0 / 252;
    // just outside each end the test rejects; at the ends it does not
    CHECK(f->p(*ci.low - 1e-6) <= size + 1e-12);
    CHECK(f->p(*ci.high + 1e-6) <= size + 1e-12);
    CHECK(f->p(*ci.low) > size);
    CHECK(f->p(*ci.high) > size);
    // the mean difference itself has p = 1
    CHECK(f->p(-10.2 + 1e-12) == doctest::Approx(1.0));
}

TEST_CASE("ShiftInversion/one-sided intervals are half-lines") {
    const std::vector<double> a{3, 5, 8, 9, 12}, b{1, 2, 4, 4, 6};
    const auto ci = invert(*two_sample_shift_pvalues(a, b, with(core::Alternative::greater)), 0.95, "permutation");
    CHECK(ci.estimable);
    CHECK(ci.low);
    CHECK_FALSE(ci.high);
    const auto lo = invert(*two_sample_shift_pvalues(a, b, with(core::Alternative::less)), 0.95, "permutation");
    CHECK_FALSE(lo.low);
    CHECK(lo.high);
}

TEST_CASE("ShiftInversion/Monte Carlo inversion is used beyond the limit, deterministic, and close to exact") {
    pilotstat::resample::Rng rng(13);
    const auto a = draw(rng, 12, false), b = draw(rng, 12, false);  // C(24, 12) = 2.7e6 > limit
    core::ExactOptions o;
    o.resamples = 20000;
    const auto f = two_sample_shift_pvalues(a, b, o);
    REQUIRE(f);
    CHECK(f->method == core::Method::monte_carlo);
    CHECK(f->method_label().find("seed=") != std::string::npos);
    const auto g = two_sample_shift_pvalues(a, b, o);
    REQUIRE(g->steps.size() == f->steps.size());
    CHECK(g->steps.front().shift == f->steps.front().shift);
    // at the observed difference shifted by 0, p(0) near the exact test's p
    core::ExactOptions exact;
    const auto t = permutation_test(a, b, exact);
    CHECK(std::fabs(f->p(0.0) - t->p_value) < 0.02);
}

// Reference: scripts/reference/shift_inversion.py (brute force in exact
// rational arithmetic) on the example study's change scores and on random
// studies; intervals, levels and every breakpoint of p(delta) to 1e-9.
#include <map>

#include "fixture.hpp"

namespace {

core::ExactOptions fixture_options(const fixture::Row& r) {
    core::ExactOptions o;
    o.alternative = core::parse_alternative(r.str("alternative"));
    o.two_sided_rule = r.str("rule") == "doubled" ? core::TwoSidedRule::doubled : core::TwoSidedRule::deviation;
    return o;
}

std::optional<PValueFunction> fixture_function(const fixture::Row& r) {
    const auto o = fixture_options(r);
    return r.str("kind") == "paired" ? sign_flip_shift_pvalues(r.vec("a"), o)
                                     : two_sample_shift_pvalues(r.vec("a"), r.vec("b"), o);
}

void check_end(const std::optional<double>& got, const fixture::Row& r, const std::string& col) {
    if (r.is_na(col)) {
        CHECK_FALSE(got);
    } else {
        REQUIRE(got);
        CHECK(*got == doctest::Approx(r.num(col)).epsilon(1e-9).scale(1.0));
    }
}

}  // namespace

TEST_CASE("ShiftInversion/intervals match the brute-force rational reference") {
    const auto rows = fixture::read("reference/intervals_inversion.csv");
    CHECK(rows.size() > 200);
    for (const auto& r : rows) {
        INFO(r.str("id") << " " << r.str("alternative") << " " << r.str("rule") << " conf " << r.str("conf"));
        const auto f = fixture_function(r);
        REQUIRE(f);
        CHECK(f->method == core::Method::exact_enumeration);
        CHECK(f->steps.size() == static_cast<std::size_t>(r.num("steps")));
        const auto ci = invert(*f, r.num("conf"), "test");
        CHECK(ci.level == doctest::Approx(r.num("level")).epsilon(1e-12));
        CHECK(ci.estimable == (r.str("estimable") == "1"));
        check_end(ci.low, r, "low");
        check_end(ci.high, r, "high");
    }
}

TEST_CASE("ShiftInversion/every breakpoint of p(delta) matches the brute-force rational reference") {
    const auto rows = fixture::read("reference/intervals_curve.csv");
    std::map<std::string, std::vector<const fixture::Row*>> cases;
    std::vector<std::string> order;
    for (const auto& r : rows) {
        const auto key = r.str("id") + "|" + r.str("alternative") + "|" + r.str("rule");
        if (!cases.count(key)) order.push_back(key);
        cases[key].push_back(&r);
    }
    CHECK(order.size() > 50);
    for (const auto& key : order) {
        INFO(key);
        const auto& steps = cases[key];
        const auto f = fixture_function(*steps.front());
        REQUIRE(f);
        REQUIRE(f->steps.size() == steps.size());
        CHECK(f->p_below == doctest::Approx(steps.front()->num("p_below")).epsilon(1e-12));
        for (std::size_t i = 0; i < steps.size(); ++i) {
            CHECK(f->steps[i].shift == doctest::Approx(steps[i]->num("shift")).epsilon(1e-9).scale(1.0));
            CHECK(f->steps[i].p_at == doctest::Approx(steps[i]->num("p_at")).epsilon(1e-12));
            CHECK(f->steps[i].p_above == doctest::Approx(steps[i]->num("p_above")).epsilon(1e-12));
        }
    }
}
