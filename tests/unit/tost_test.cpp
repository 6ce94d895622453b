// TOST (--margin) from the one-sided p-value functions: each p against the
// library's exact test run on the shifted data, the smallest margin against a
// direct search, and the sentence of the `tost` column.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "pilotstat/analysis/tost_columns.hpp"
#include "pilotstat/inference/permutation_test.hpp"
#include "pilotstat/inference/shift_inversion.hpp"
#include "pilotstat/inference/signflip_test.hpp"

namespace inf = pilotstat::inference;
using pilotstat::core::Alternative;
using pilotstat::core::ExactOptions;

namespace {

ExactOptions one_sided(Alternative alt) {
    ExactOptions o;
    o.alternative = alt;
    return o;
}

inf::TostResult two_sample_tost(const std::vector<double>& a, const std::vector<double>& b, double margin,
                                double alpha) {
    const auto g = inf::two_sample_shift_pvalues(a, b, one_sided(Alternative::greater));
    const auto l = inf::two_sample_shift_pvalues(a, b, one_sided(Alternative::less));
    REQUIRE(g);
    REQUIRE(l);
    return inf::tost(*g, *l, margin, alpha);
}

inf::TostResult paired_tost(const std::vector<double>& d, double margin, double alpha) {
    const auto g = inf::sign_flip_shift_pvalues(d, one_sided(Alternative::greater));
    const auto l = inf::sign_flip_shift_pvalues(d, one_sided(Alternative::less));
    REQUIRE(g);
    REQUIRE(l);
    return inf::tost(*g, *l, margin, alpha);
}

std::vector<double> shifted(const std::vector<double>& x, double by) {
    auto y = x;
    for (auto& v : y) v -= by;
    return y;
}

}  // namespace

TEST_CASE("TOST, two samples: p_lower and p_upper are the exact one-sided permutation tests at -M and +M") {
    const std::vector<double> a = {3, 5, 4, 6, 2}, b = {4, 5, 3, 5, 4};
    for (double m : {0.5, 1.0, 2.0, 2.6, 4.0}) {
        CAPTURE(m);
        const auto t = two_sample_tost(a, b, m, 0.05);
        const auto lower = inf::permutation_test(shifted(a, -m), b, one_sided(Alternative::greater));
        const auto upper = inf::permutation_test(shifted(a, m), b, one_sided(Alternative::less));
        CHECK(t.p_lower == doctest::Approx(lower->p_value).epsilon(1e-12));
        CHECK(t.p_upper == doctest::Approx(upper->p_value).epsilon(1e-12));
        CHECK(t.p == std::max(t.p_lower, t.p_upper));
        CHECK(t.equivalent == (t.p_lower <= 0.05 && t.p_upper <= 0.05));
        CHECK(t.possible);  // 5 v 5: smallest one-sided p 1/252
        CHECK(t.p_floor == doctest::Approx(1.0 / 252).epsilon(1e-12));
    }
}

TEST_CASE("TOST: equivalence is shown for every margin above tost_min_margin and for none below") {
    const std::vector<double> a = {3, 5, 4, 6, 2}, b = {4, 5, 3, 5, 4};
    const auto t = two_sample_tost(a, b, 1.0, 0.05);
    REQUIRE(t.min_margin.has_value());
    const double mm = *t.min_margin;
    CHECK(mm > 0.0);
    CHECK(two_sample_tost(a, b, mm * (1 + 1e-9) + 1e-9, 0.05).equivalent);
    CHECK_FALSE(two_sample_tost(a, b, mm * (1 - 1e-9) - 1e-9, 0.05).equivalent);
    // a direct search over margins finds the same boundary (steps of 1/64 point)
    double first = -1;
    for (int k = 1; k <= 64 * 10 && first < 0; ++k)
        if (two_sample_tost(a, b, k / 64.0, 0.05).equivalent) first = k / 64.0;
    CHECK(first >= mm);
    CHECK(first - 1.0 / 64 <= mm);

    const std::vector<double> d = {-1, 0.5, 2, -0.5, 1, 1.5, -2, 0.25};
    const auto p = paired_tost(d, 1.0, 0.05);
    REQUIRE(p.min_margin.has_value());
    CHECK(paired_tost(d, *p.min_margin + 1e-9, 0.05).equivalent);
    CHECK_FALSE(paired_tost(d, *p.min_margin - 1e-9, 0.05).equivalent);
}

TEST_CASE("TOST, paired: the sign-flip tests of d + M and d - M; n = 4 can never show equivalence") {
    const std::vector<double> d = {-1, 0.5, 2, -0.5, 1};
    const auto t = paired_tost(d, 3.0, 0.05);
    const auto lower = inf::signflip_test(shifted(d, -3.0), one_sided(Alternative::greater));
    const auto upper = inf::signflip_test(shifted(d, 3.0), one_sided(Alternative::less));
    CHECK(t.p_lower == doctest::Approx(lower->p_value).epsilon(1e-12));
    CHECK(t.p_upper == doctest::Approx(upper->p_value).epsilon(1e-12));
    CHECK(t.possible);  // n = 5: smallest one-sided p 1/32 <= 0.05
    CHECK(t.equivalent);  // every d within +-3: both one-sided p = 1/32
    CHECK(t.p == doctest::Approx(1.0 / 32).epsilon(1e-12));
    // with 4 pairs the smallest one-sided p is 1/16 > 0.05: no margin, however wide
    const std::vector<double> four = {0.1, -0.1, 0.2, 0.0};
    const auto none = paired_tost(four, 100.0, 0.05);
    CHECK_FALSE(none.possible);
    CHECK_FALSE(none.equivalent);
    CHECK_FALSE(none.min_margin.has_value());
    CHECK(none.p_floor == doctest::Approx(1.0 / 16).epsilon(1e-12));
}

TEST_CASE("TOST sentence: both one-sided tests named with their p; the no-margin case says why") {
    const std::vector<double> d = {-1, 0.5, 2, -0.5, 1};
    CHECK(pilotstat::analysis::tost_sentence(paired_tost(d, 3.0, 0.05), 0.05, "the mean change") ==
          "equivalence within +-3 shown at alpha = 0.05: both one-sided exact tests reject (p = 0.0312 for the mean "
          "change <= -3, p = 0.0312 for the mean change >= +3)");
    // d + 0.75 is all positive (p = 1/32); d - 0.75 has only -0.25 below 0 (p = 31/32)
    const std::vector<double> up = {0.5, 1, 1.5, 2, 2.5};
    CHECK(pilotstat::analysis::tost_sentence(paired_tost(up, 0.75, 0.05), 0.05, "the mean change") ==
          "equivalence within +-0.75 not shown at alpha = 0.05: the one-sided exact test of the mean change <= -0.75 "
          "rejects (p = 0.0312), that of the mean change >= +0.75 does not reject (p = 0.9688)");
    const std::vector<double> four = {0.1, -0.1, 0.2, 0.0};
    CHECK(pilotstat::analysis::tost_sentence(paired_tost(four, 100.0, 0.05), 0.05, "the mean change") ==
          "equivalence within +-100 not shown at alpha = 0.05: no margin can be shown with this many observations "
          "(the smallest one-sided exact p is 0.0625)");
}
