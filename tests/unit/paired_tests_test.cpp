// Paired tests against R references (tests/reference/paired_*.csv, written by
// scripts/reference/paired.R; the R calls are in each fixture's comments).
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "fixture.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/inference/paired_t_test.hpp"
#include "pilotstat/inference/sign_test.hpp"
#include "pilotstat/inference/signflip_test.hpp"
#include "pilotstat/inference/signrank_test.hpp"

using namespace pilotstat::inference;
namespace core = pilotstat::core;

namespace {
constexpr double kExact = 1e-10;  // exact p-values: relative
constexpr double kT = 1e-12;      // t-based: relative

std::vector<double> diffs(const fixture::Row& r) {
    const auto from = r.vec("from"), to = r.vec("to");
    std::vector<double> d(from.size());
    for (std::size_t i = 0; i < d.size(); ++i) d[i] = to[i] - from[i];
    return d;
}

// Forces one provider: enumeration (the default here: no DP), DP, or Monte Carlo.
core::ExactOptions with(core::Alternative alt, bool force_dp = false, bool force_mc = false) {
    core::ExactOptions o;
    o.alternative = alt;
    if (force_dp || force_mc) o.max_enumeration = 0;
    if (!force_dp) o.max_dp_cells = 0;
    o.resamples = 20000;
    return o;
}

const std::pair<core::Alternative, std::string> kAlts[] = {
    {core::Alternative::two_sided, "two"}, {core::Alternative::less, "less"}, {core::Alternative::greater, "greater"}};
}  // namespace

TEST_CASE("Paired/signflip_test matches brute force in R (enumeration and DP)") {
    for (const auto& row : fixture::read("reference/paired_signflip.csv")) {
        CAPTURE(row.str("id"));
        const auto d = diffs(row);
        for (const auto& [alt, name] : kAlts) {
            const auto e = signflip_test(d, with(alt));
            const auto dp = signflip_test(d, with(alt, true));
            REQUIRE(e.has_value());
            REQUIRE(dp.has_value());
            CHECK(e->method == core::Method::exact_enumeration);
            CHECK(e->statistic == doctest::Approx(row.num("mean")).epsilon(kT));
            CHECK(e->p_value == doctest::Approx(row.num("p_" + name)).epsilon(kExact));
            CHECK(dp->p_value == doctest::Approx(row.num("p_" + name)).epsilon(kExact));
            if (dp->method != core::Method::exact_dp) CHECK(row.str("id") == "meq_1dec");  // 1 decimal scales too
        }
        const auto two = signflip_test(d, with(core::Alternative::two_sided));
        CHECK(two->p_floor == doctest::Approx(row.num("floor_two")).epsilon(kExact));
        CHECK(two->arrangements == std::ldexp(1.0, static_cast<int>(d.size())));
        CHECK((two->note == "all differences zero") == (row.str("id") == "all_zero"));
    }
}

TEST_CASE("Paired/signflip_test Monte Carlo is within 4 SE of the exact p") {
    for (const auto& row : fixture::read("reference/paired_signflip.csv")) {
        CAPTURE(row.str("id"));
        const auto mc = signflip_test(diffs(row), with(core::Alternative::two_sided, false, true));
        REQUIRE(mc.has_value());
        CHECK(mc->method == core::Method::monte_carlo);
        CHECK(std::fabs(mc->p_value - row.num("p_two")) <= 4.0 * *mc->mc_se + 1.0 / 20001.0);
    }
}

TEST_CASE("Paired/signrank_test matches coin, wilcox.exact and brute force (Pratt and Wilcoxon zeros)") {
    int coin_checked = 0, wex_checked = 0;
    for (const auto& row : fixture::read("reference/paired_signrank.csv")) {
        CAPTURE(row.str("id"));
        const auto d = diffs(row);
        for (const auto& [alt, name] : kAlts) {
            for (bool force_dp : {false, true}) {
                const auto p = signrank_test(d, with(alt, force_dp), ZeroMethod::pratt);
                const auto w = signrank_test(d, with(alt, force_dp), ZeroMethod::wilcoxon);
                REQUIRE(p.has_value());
                REQUIRE(w.has_value());
                CHECK(p->method == (force_dp ? core::Method::exact_dp : core::Method::exact_enumeration));
                CHECK(p->statistic == doctest::Approx(row.num("v_pratt")).epsilon(kExact));
                CHECK(w->statistic == doctest::Approx(row.num("v_wilcoxon")).epsilon(kExact));
                CHECK(p->p_value == doctest::Approx(row.num("pratt_" + name)).epsilon(kExact));
                CHECK(w->p_value == doctest::Approx(row.num("wilcoxon_" + name)).epsilon(kExact));
                if (!row.is_na("coin_pratt_" + name)) {
                    CHECK(p->p_value == doctest::Approx(row.num("coin_pratt_" + name)).epsilon(kExact));
                    ++coin_checked;
                }
            }
        }
        const auto p = signrank_test(d, with(core::Alternative::two_sided));
        const auto w = signrank_test(d, with(core::Alternative::two_sided), ZeroMethod::wilcoxon);
        CHECK(p->p_floor == doctest::Approx(row.num("pratt_floor_two")).epsilon(kExact));
        if (!row.is_na("coin_wilcoxon_two"))
            CHECK(w->p_value == doctest::Approx(row.num("coin_wilcoxon_two")).epsilon(kExact));
        if (!row.is_na("wilcox_exact_two")) {
            CHECK(w->p_value == doctest::Approx(row.num("wilcox_exact_two")).epsilon(kExact));
            ++wex_checked;
        }
    }
    CHECK(coin_checked >= 150);
    CHECK(wex_checked >= 8);
}

TEST_CASE("Paired/sign_test matches binom.test") {
    for (const auto& row : fixture::read("reference/paired_sign.csv")) {
        CAPTURE(row.str("id"));
        const auto d = diffs(row);
        for (const auto& [alt, name] : kAlts) {
            const auto r = sign_test(d, with(alt));
            REQUIRE(r.has_value());
            CHECK(r->statistic == row.num("k"));
            CHECK(r->arrangements == std::ldexp(1.0, static_cast<int>(row.num("m"))));
            if (row.is_na("p_" + name)) {
                CHECK(r->p_value == 1.0);
                CHECK(r->note == "all differences zero");
            } else {
                CHECK(r->p_value == doctest::Approx(row.num("p_" + name)).epsilon(kExact));
            }
        }
    }
}

TEST_CASE("Paired/paired_t_test matches t.test(paired = TRUE)") {
    for (const auto& row : fixture::read("reference/paired_t.csv")) {
        CAPTURE(row.str("id"));
        const auto d = diffs(row);
        const auto two = paired_t_test(d, core::Alternative::two_sided, 0.95);
        if (row.is_na("t")) {  // constant differences: R refuses, we return nullopt or p = 1
            if (row.str("id") == "all_zero") {
                REQUIRE(two.has_value());
                CHECK(two->test.p_value == 1.0);
                CHECK(two->test.note == "all differences zero");
            } else {
                CHECK_FALSE(two.has_value());
            }
            continue;
        }
        REQUIRE(two.has_value());
        CHECK(two->test.statistic == doctest::Approx(row.num("t")).epsilon(kT));
        CHECK(*two->test.df == row.num("df"));
        CHECK(two->test.p_value == doctest::Approx(row.num("p_two")).epsilon(kT));
        CHECK(two->ci.low == doctest::Approx(row.num("ci_low")).epsilon(kT));
        CHECK(two->ci.high == doctest::Approx(row.num("ci_high")).epsilon(kT));
        const auto less = paired_t_test(d, core::Alternative::less, 0.95);
        const auto greater = paired_t_test(d, core::Alternative::greater, 0.95);
        CHECK(less->test.p_value == doctest::Approx(row.num("p_less")).epsilon(kT));
        CHECK(greater->test.p_value == doctest::Approx(row.num("p_greater")).epsilon(kT));
        CHECK(less->ci.high == doctest::Approx(row.num("less_high")).epsilon(kT));
        CHECK(greater->ci.low == doctest::Approx(row.num("greater_low")).epsilon(kT));
        CHECK(std::isinf(less->ci.low));
        CHECK(std::isinf(greater->ci.high));
    }
}

TEST_CASE("Paired/degenerate inputs: no pairs, one pair, non-finite") {
    const std::vector<double> none;
    CHECK_FALSE(signflip_test(none).has_value());
    CHECK_FALSE(signrank_test(none).has_value());
    CHECK_FALSE(sign_test(none).has_value());
    CHECK_FALSE(paired_t_test(none).has_value());
    const std::vector<double> one{-4.0};
    CHECK(signflip_test(one)->p_value == 1.0);  // 2 arrangements, both as extreme
    CHECK(signflip_test(one)->p_floor == 1.0);
    CHECK_FALSE(paired_t_test(one).has_value());
    const std::vector<double> bad{1.0, NAN, 2.0};
    CHECK_THROWS_AS(signflip_test(bad), pilotstat::DataError);
    CHECK_THROWS_AS(paired_t_test(bad), pilotstat::DataError);
}

TEST_CASE("Paired/n = 5 reference case: p-floor 0.0625 and the worked example") {
    const std::vector<double> d{-13, -15, -10, -13, -15};
    const auto r = signflip_test(d);
    CHECK(r->p_value == doctest::Approx(0.0625).epsilon(kExact));
    CHECK(r->p_floor == doctest::Approx(0.0625).epsilon(kExact));
    CHECK(r->count_extreme == 2.0);
    CHECK(r->method_label() == "exact-enumeration");
}

TEST_CASE("Paired/large n switches provider: DP at n = 40 integer, Monte Carlo for non-decimal") {
    std::vector<double> d;
    for (int i = 0; i < 40; ++i) d.push_back(static_cast<double>((i * 37) % 23) - 9.0);
    const auto dp = signflip_test(d);
    CHECK(dp->method == core::Method::exact_dp);
    const auto rank = signrank_test(d);
    CHECK(rank->method == core::Method::exact_dp);
    for (auto& v : d) v = v / 7.0 + 1e-3 * std::sqrt(2.0);  // not decimals: no DP
    core::ExactOptions o;
    o.resamples = 2000;
    const auto mc = signflip_test(d, o);
    CHECK(mc->method == core::Method::monte_carlo);
    CHECK(mc->seed.has_value());
}

TEST_CASE("Paired/sign-flip nulls are symmetric: doubled rule equals deviation rule") {
    for (const auto& row : fixture::read("reference/paired_signrank.csv")) {
        CAPTURE(row.str("id"));
        const auto d = diffs(row);
        core::ExactOptions dev, dbl;
        dbl.two_sided_rule = core::TwoSidedRule::doubled;
        CHECK(signflip_test(d, dbl)->p_value == doctest::Approx(signflip_test(d, dev)->p_value).epsilon(kExact));
        CHECK(signrank_test(d, dbl)->p_value == doctest::Approx(signrank_test(d, dev)->p_value).epsilon(kExact));
        CHECK(sign_test(d, dbl)->p_value == doctest::Approx(sign_test(d, dev)->p_value).epsilon(kExact));
    }
}

TEST_CASE("Paired/signrank_test is exact given ties where SciPy 1.10's 'exact' is not") {
    // coin::wilcoxsign_test(y ~ x, data = data.frame(y = c(1,1,1,1,-1,3), x = 0),
    //   distribution = "exact", alternative = "greater") -> 0.09375 (6/64);
    // scipy.stats.wilcoxon(..., method = 'exact', alternative = 'greater') -> 0.078125 (untied null).
    const std::vector<double> d{1, 1, 1, 1, -1, 3};
    core::ExactOptions o;
    o.alternative = core::Alternative::greater;
    const auto r = signrank_test(d, o);
    CHECK(r->statistic == 18.0);
    CHECK(r->p_value == doctest::Approx(0.09375).epsilon(kExact));
}

TEST_CASE("Paired/summary: constant non-decimal differences have exactly zero sd") {
    const std::vector<double> d(7, 1.0 / 3.0);
    const auto s = summarize_differences(d);
    CHECK(s.sd == 0.0);
    CHECK(s.mean == 1.0 / 3.0);
    CHECK_FALSE(paired_t_test(d).has_value());
    const std::vector<double> dec{0.1, 0.2, 0.30000000000000004};  // exact decimal path
    CHECK(summarize_differences(dec).mean == doctest::Approx(0.2).epsilon(1e-15));
    CHECK(summarize_differences(dec).sd == doctest::Approx(0.1).epsilon(1e-15));
}
