#include <doctest/doctest.h>

#include <vector>

#include "fixture.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/models/summary_measures.hpp"

using namespace pilotstat::models;

TEST_CASE("SummaryMeasures: slope and AUC match lm() and the trapezoid formula in R (fixture)") {
    const auto rows = fixture::read("reference/effects_summary_measures.csv");
    CHECK(rows.size() == 8);
    for (const auto& row : rows) {
        CAPTURE(row.str("scores"));
        const auto t = row.vec("times"), y = row.vec("scores");
        const auto slope = subject_slope(t, y);
        const auto auc = subject_auc(t, y);
        const auto mean = subject_time_averaged_auc(t, y);
        REQUIRE(slope.has_value());
        REQUIRE(auc.has_value());
        REQUIRE(mean.has_value());
        // 1e-12 relative, plus 1e-13 absolute for a slope of exactly 0.
        CHECK(*slope == doctest::Approx(row.num("slope")).epsilon(1e-12).scale(1e-1));
        CHECK(*auc == doctest::Approx(row.num("auc")).epsilon(1e-12));
        CHECK(*mean == doctest::Approx(row.num("auc_mean")).epsilon(1e-12));
    }
}

TEST_CASE("SummaryMeasures: fewer than 2 points, equal or unordered times give nullopt") {
    const std::vector<double> t1{0}, y1{5}, t_eq{2, 2}, y2{1, 3}, t_down{3, 1};
    CHECK_FALSE(subject_slope(t1, y1).has_value());
    CHECK_FALSE(subject_auc(t1, y1).has_value());
    CHECK_FALSE(subject_slope(t_eq, y2).has_value());
    CHECK_FALSE(subject_time_averaged_auc(t_eq, y2).has_value());
    CHECK_FALSE(subject_auc(t_down, y2).has_value());
    CHECK(subject_slope(t_down, y2).value() == doctest::Approx(-1.0).epsilon(1e-15));
    CHECK_THROWS_AS(subject_slope(t1, y2), pilotstat::UsageError);
}
