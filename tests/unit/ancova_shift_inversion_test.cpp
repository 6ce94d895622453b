// The ANCOVA adjusted difference's permutation test inverted over a shift of
// arm A's post scores: interval ends, achieved level, p(0) and the number of
// steps against the brute-force rational reference; p(delta) at every
// breakpoint and between them against the library's own permutation test
// rerun on the shifted data; Monte Carlo p(0) equal to the test's p.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "fixture.hpp"
#include "pilotstat/models/ancova.hpp"

using pilotstat::models::ancova;
namespace core = pilotstat::core;
namespace inference = pilotstat::inference;

namespace {

core::ExactOptions options_for(const std::string& alternative, const std::string& rule) {
    core::ExactOptions o;
    o.alternative = alternative == "greater" ? core::Alternative::greater
                    : alternative == "less"  ? core::Alternative::less
                                             : core::Alternative::two_sided;
    o.two_sided_rule = rule == "doubled" ? core::TwoSidedRule::doubled : core::TwoSidedRule::deviation;
    return o;
}

void check_end(const std::optional<double>& got, const std::string& want) {
    if (want.empty()) {
        CHECK_FALSE(got.has_value());
    } else {
        REQUIRE(got.has_value());
        CHECK(*got == doctest::Approx(std::strtod(want.c_str(), nullptr)).epsilon(1e-9).scale(1.0));
    }
}

std::vector<double> shifted(std::vector<double> v, double delta) {
    for (auto& x : v) x -= delta;
    return v;
}

}  // namespace

TEST_CASE("AncovaShiftInversion: matches the brute-force rational inversion (fixture)") {
    // scripts/reference/ancova_shift_inversion.py (Fractions, refits every split on the shifted data)
    const auto rows = fixture::read("reference/ancova_shift_inversion.csv");
    CHECK(rows.size() == 60);
    for (const auto& row : rows) {
        CAPTURE(row.str("id"));
        CAPTURE(row.str("alternative"));
        CAPTURE(row.str("rule"));
        const auto o = options_for(row.str("alternative"), row.str("rule"));
        const auto r = ancova(row.vec("post_a"), row.vec("base_a"), row.vec("post_b"), row.vec("base_b"), 0.95, o);
        REQUIRE(r.fit.has_value());
        REQUIRE(r.fit->shift_pvalues.has_value());
        const auto& f = *r.fit->shift_pvalues;
        // p(0) is the test's own p-value, exactly, and the reference's.
        CHECK(f.p(0.0) == r.fit->permutation.p_value);
        CHECK(f.p(0.0) == doctest::Approx(row.num("p0")).epsilon(1e-12));
        CHECK(static_cast<double>(f.steps.size()) == row.num("steps"));
        const auto ci = inference::invert(f, row.num("conf"), "ancova permutation");
        CHECK(ci.level == doctest::Approx(row.num("level")).epsilon(1e-12));
        check_end(ci.low, row.str("low"));
        check_end(ci.high, row.str("high"));
    }
}

TEST_CASE("AncovaShiftInversion: p(delta) equals the permutation test rerun on post_A - delta") {
    const std::vector<double> pa{14, 27, 10, 22, 15}, ba{29, 33, 24, 27, 31};
    const std::vector<double> pb{20, 31, 21, 22, 25, 18}, bb{27, 30, 23, 26, 29, 24};
    for (const char* alt : {"two-sided", "greater", "less"}) {
        CAPTURE(alt);
        const auto o = options_for(alt, "deviation");
        const auto r = ancova(pa, ba, pb, bb, 0.95, o);
        REQUIRE(r.fit.has_value());
        const auto& f = *r.fit->shift_pvalues;
        REQUIRE(f.steps.size() > 10);
        for (std::size_t i = 0; i + 1 < f.steps.size(); i += 7) {
            // between breakpoints (at a breakpoint the rerun sees rounding-level ties)
            const double mid = (f.steps[i].shift + f.steps[i + 1].shift) / 2;
            const auto rerun = ancova(shifted(pa, mid), ba, pb, bb, 0.95, o);
            CHECK(f.p(mid) == doctest::Approx(rerun.fit->permutation.p_value).epsilon(1e-12));
        }
    }
}

TEST_CASE("AncovaShiftInversion: Monte Carlo uses the test's own draws (p(0) = its p) and says so") {
    const std::vector<double> pa{14, 20, 11, 18, 9, 16}, ba{28, 31, 25, 30, 22, 27};
    const std::vector<double> pb{24, 22, 27, 19, 25, 21, 17}, bb{29, 26, 33, 24, 30, 25, 28};
    core::ExactOptions o;
    o.max_enumeration = 10;
    o.resamples = 2000;
    const auto r = ancova(pa, ba, pb, bb, 0.95, o);
    REQUIRE(r.fit.has_value());
    REQUIRE(r.fit->shift_pvalues.has_value());
    const auto& f = *r.fit->shift_pvalues;
    CHECK(r.fit->permutation.method == core::Method::monte_carlo);
    CHECK(f.method == core::Method::monte_carlo);
    CHECK(f.p(0.0) == r.fit->permutation.p_value);
    CHECK(f.method_label().find("monte-carlo") != std::string::npos);
    const auto ci = inference::invert(f, 0.95, "ancova permutation");
    REQUIRE(ci.estimable);
    CHECK(*ci.low < r.fit->difference);
    CHECK(*ci.high > r.fit->difference);
    o.resamples = 0;
    CHECK_THROWS(ancova(pa, ba, pb, bb, 0.95, o));  // the test itself refuses; no silent interval
}
