// The shift/DP at sizes whose counts overflow a double (2^1100 sign vectors,
// C(1040, 520) ~ 1e311 splits) against a big-integer DP in Python
// (scripts/reference/large_exact_dp.py; binary case cross-checked there with
// scipy.stats.fisher_exact and scipy.stats.hypergeom).
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "fixture.hpp"
#include "pilotstat/inference/permutation_test.hpp"
#include "pilotstat/inference/signflip_test.hpp"
#include "pilotstat/inference/wmw_test.hpp"
#include "pilotstat/null/p_floor.hpp"

using namespace pilotstat;

namespace {
constexpr double kRel = 1e-9;

const fixture::Row& reference(const std::string& name) {
    static const auto rows = fixture::read("reference/large_exact_dp.csv");
    for (const auto& r : rows)
        if (r.str("case") == name) return r;
    FAIL("no reference row " << name);
    return rows.front();
}

core::ExactOptions with(core::Alternative alt) {
    core::ExactOptions o;
    o.alternative = alt;
    return o;
}

void check_p(const core::TestResult& r, const fixture::Row& row, const std::string& col) {
    CAPTURE(col);
    CHECK(r.method == core::Method::exact_dp);
    CHECK(std::isfinite(r.p_value));
    CHECK(r.p_value == doctest::Approx(row.num(col)).epsilon(kRel));
}
}  // namespace

TEST_CASE("Large exact DP: 1,100 paired integer differences match the big-integer DP") {
    const auto& row = reference("pairs");
    std::vector<double> d;
    for (const auto& r : fixture::read("reference/large_exact_dp_pairs.csv")) d.push_back(r.num("difference"));
    REQUIRE(d.size() == 1100);
    const auto two = inference::signflip_test(d, with(core::Alternative::two_sided));
    REQUIRE(two.has_value());
    check_p(*two, row, "p_two_sided");
    check_p(*inference::signflip_test(d, with(core::Alternative::less)), row, "p_less");
    check_p(*inference::signflip_test(d, with(core::Alternative::greater)), row, "p_greater");
    CHECK(two->statistic == doctest::Approx(row.num("statistic")).epsilon(1e-12));
    // 2^-1047: a subnormal double, exact because it is a power of two
    CHECK(two->p_floor > 0.0);
    CHECK(two->p_floor == doctest::Approx(row.num("p_floor_data")).epsilon(kRel));
    CHECK(std::log2(two->p_floor) == doctest::Approx(row.num("log2_p_floor_data")).epsilon(1e-12));
    // 2 / 2^1100 is below the smallest double: the nearest double is 0
    CHECK(null::design_floor_paired(d.size(), core::Alternative::two_sided) == row.num("p_floor_design"));
    CHECK(two->method_label() == "exact-dp");
}

TEST_CASE("Large exact DP: 520 v 520 binary scores are the exact test on the 2 x 2 table") {
    const auto& row = reference("binary");
    std::vector<double> a(520, 0.0), b(520, 0.0);
    for (std::size_t i = 0; i < 286; ++i) a[i] = 1.0;
    for (std::size_t i = 0; i < 234; ++i) b[i] = 1.0;
    const auto two = inference::permutation_test(a, b, with(core::Alternative::two_sided));
    REQUIRE(two.has_value());
    check_p(*two, row, "p_two_sided");
    check_p(*inference::permutation_test(a, b, with(core::Alternative::less)), row, "p_less");
    check_p(*inference::permutation_test(a, b, with(core::Alternative::greater)), row, "p_greater");
    CHECK(two->statistic == doctest::Approx(row.num("statistic")).epsilon(1e-12));
    CHECK(two->p_floor == doctest::Approx(row.num("p_floor_data")).epsilon(kRel));
    CHECK(null::design_floor_permutation(520, 520, core::Alternative::two_sided, core::TwoSidedRule::deviation) ==
          doctest::Approx(row.num("p_floor_design")).epsilon(kRel));
    CHECK(two->method_label() == "exact-dp");
    // Mid-ranks of 0/1 scores are an increasing affine map of them: the same test.
    const auto w = inference::wmw_test(a, b, with(core::Alternative::two_sided));
    REQUIRE(w.has_value());
    check_p(w->test, row, "p_two_sided");
    CHECK(w->test.p_floor == doctest::Approx(row.num("p_floor_data")).epsilon(kRel));
}

TEST_CASE("Large exact DP: an exact provider that cannot hold its counts is never labelled exact") {
    // 2,200 pairs, 314 of them zero: the floor 2^(315 - 2200) = 2^-1885 is
    // below the smallest double, so the DP's extreme counts are lost; the
    // engine must not call that result exact (it says Monte Carlo, and why).
    std::vector<double> d(2200);
    for (std::size_t i = 0; i < d.size(); ++i) d[i] = static_cast<double>(static_cast<int>(i % 7) - 2);
    auto o = with(core::Alternative::two_sided);
    o.resamples = 2000;
    const auto r = inference::signflip_test(d, o);
    REQUIRE(r.has_value());
    CHECK(std::isfinite(r->p_value));
    CHECK(r->method == core::Method::monte_carlo);
    CHECK(r->method_label() == "monte-carlo (B=2000, seed=" + std::to_string(core::kDefaultSeed) + ")");
    CHECK(r->note == "exact counts beyond the range of a double: Monte Carlo");
    // 1,100 of the same pairs still fit: exact, floor 2^(157 + 1 - 1100) > 0
    d.resize(1100);
    const auto half = inference::signflip_test(d, o);
    CHECK(half->method == core::Method::exact_dp);
    CHECK(half->p_floor == std::ldexp(1.0, 158 - 1100));
}
