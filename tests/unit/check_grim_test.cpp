// GRIM, GRIMMER and percent-change granularity against worked examples from
// the published papers and brute-force enumeration in R (scripts/reference/check.R).
#include <doctest/doctest.h>

#include <string>

#include "fixture.hpp"
#include "pilotstat/check/grim.hpp"
#include "pilotstat/check/pct_change.hpp"
#include "pilotstat/data/decimal.hpp"

using namespace pilotstat::check;

TEST_CASE("Check GRIM: worked examples") {
    // Brown & Heathers (2017) as retold in The Economist (2016-06-18): 49
    // participants on an integer scale, mean 5.93: 290/49 = 5.918, 291/49 = 5.939.
    CHECK_FALSE(grim_test(5.93, 2, 49, 1).consistent);
    // a die rolled 20 times cannot average 3.48 (means are X.X0 or X.X5)
    CHECK_FALSE(grim_test(3.48, 2, 20, 1).consistent);
    CHECK(grim_test(3.45, 2, 20, 1).consistent);
    // Heathers' 12 undergraduates: ages summing to 251 average 20.92
    const auto g = grim_test(20.92, 2, 12, 1);
    CHECK(g.consistent);
    CHECK(g.total == 251);
    // the acceptance example: 5 integer scores cannot average 3.45
    CHECK_FALSE(grim_test(3.45, 2, 5, 1).consistent);
    CHECK(grim_test(3.40, 2, 5, 1).consistent);
    CHECK(grim_test(3.4, 1, 5, 1).consistent);
    // multi-item scales: the grid is step/items (Brown & Heathers 2017: N x items)
    CHECK_FALSE(grim_test(3.48, 2, 20, 1.0 / 1).consistent);
    CHECK(grim_test(3.48, 2, 20, 1.0 / 3).consistent);  // 209/60 = 3.4833
    // BPI severity quarter points: means of 5 are multiples of 0.05
    CHECK(grim_test(5.90, 2, 5, 0.25).consistent);
    CHECK_FALSE(grim_test(5.92, 2, 5, 0.25).consistent);
    // BPI interference 1/7 grid: one score written 5.8571 is 41/7
    CHECK(grim_test(5.8571, 4, 1, *parse_step("1/7")).consistent);
    CHECK_FALSE(grim_test(5.8500, 4, 1, *parse_step("1/7")).consistent);
}

TEST_CASE("Check GRIM: exact halves pass whichever way they were rounded") {
    // 1.125 = 9/8 may be published 1.12 (half-even/down) or 1.13 (half-up)
    CHECK(grim_test(1.12, 2, 8, 1).consistent);
    CHECK(grim_test(1.13, 2, 8, 1).consistent);
    CHECK_FALSE(grim_test(1.14, 2, 8, 1).consistent);
}

TEST_CASE("Check GRIM: agrees with R brute force") {
    for (const auto& r : fixture::read("reference/check_grim.csv")) {
        const auto mean = r.str("mean");
        const bool want = r.str("consistent") == "1";
        const auto got = grim_test(r.num("mean"), pilotstat::data::written_decimals(mean),
                                   static_cast<std::int64_t>(r.num("n")), r.num("step"));
        CHECK_MESSAGE(got.consistent == want, "n=" << r.str("n") << " step=" << r.str("step") << " mean=" << mean);
    }
}

TEST_CASE("Check GRIMMER: worked examples") {
    // rsprite2 / scrutiny test cases (Heathers et al.; Anaya 2016's test as in Allard 2018)
    CHECK(grimmer_test(5.21, 2, 1.6, 1, 28, 1).verdict == GrimmerVerdict::consistent);
    CHECK(grimmer_test(3.44, 2, 2.47, 2, 18, 1).verdict == GrimmerVerdict::wrong_parity);
    // 1, 2, 3, 4, 5: mean 3, sd sqrt(2.5) = 1.5811
    const auto ok = grimmer_test(3.00, 2, 1.58, 2, 5, 1);
    CHECK(ok.verdict == GrimmerVerdict::consistent);
    CHECK(*ok.nearest_sd == doctest::Approx(1.5811388300841898).epsilon(1e-12));
    CHECK(grimmer_test(3.00, 2, 1.59, 2, 5, 1).verdict == GrimmerVerdict::no_sum_of_squares);
    CHECK(grimmer_test(3.45, 2, 1.00, 2, 5, 1).verdict == GrimmerVerdict::mean_impossible);
    // the smallest spread 5 integers totalling 17 can have (3,3,3,4,4): sd 0.5477
    CHECK(grimmer_test(3.40, 2, 0.55, 2, 5, 1).verdict == GrimmerVerdict::consistent);
    CHECK(grimmer_test(3.40, 2, 0.00, 2, 5, 1).verdict != GrimmerVerdict::consistent);
    // quarter-point grid: 6.5, 7.25, 6, 6.25, 6 (psychedelic BPI severity at T0): sd 0.5755
    CHECK(grimmer_test(6.40, 2, 0.58, 2, 5, 0.25).verdict == GrimmerVerdict::consistent);
    CHECK(grimmer_test(6.40, 2, 0.57, 2, 5, 0.25).verdict != GrimmerVerdict::consistent);
}

TEST_CASE("Check GRIMMER: every (mean, SD) that real integer data have passes") {
    for (const auto& r : fixture::read("reference/check_grimmer_attainable.csv")) {
        const auto got = grimmer_test(r.num("mean"), 2, r.num("sd"), 2, static_cast<std::int64_t>(r.num("n")), 1);
        CHECK_MESSAGE(got.verdict == GrimmerVerdict::consistent,
                      "n=" << r.str("n") << " mean=" << r.str("mean") << " sd=" << r.str("sd"));
    }
}

TEST_CASE("Check percent change of means: the psycholytic sequence") {
    PctChangeQuery q;
    q.n = 5;
    q.grid = 0.25;
    q.max = 10;
    q.pct = {-3.39, 2};
    auto r = pct_change_test(q);
    CHECK(r.consistent);  // 5.9 -> 5.7 (and 2.95 -> 2.85, 8.85 -> 8.55)
    q.pct = {-32.81, 2};
    CHECK(pct_change_test(q).consistent);  // 6.4 -> 4.3 gives -32.8125
    q.pct = {24.56, 2};
    CHECK(pct_change_test(q).consistent);  // 5.7 -> 7.1 gives 24.561
    q.after = Published{-32.81, 2};        // ... but not starting where -32.81% ended
    r = pct_change_test(q);
    CHECK_FALSE(r.consistent);
    q.after.reset();
    q.from = Published{5.7, 1};
    q.to = Published{7.1, 1};
    CHECK(pct_change_test(q).consistent);
    q.pct = {-21.88, 2};
    q.from = Published{6.4, 1};
    q.to = Published{5.0, 1};
    CHECK(pct_change_test(q).consistent);
    q.to = Published{5.1, 1};
    CHECK_FALSE(pct_change_test(q).consistent);
}

TEST_CASE("Check grid steps") {
    CHECK(*parse_step("0.25") == 0.25);
    CHECK(*parse_step("1/7") == doctest::Approx(1.0 / 7).epsilon(1e-15));
    for (const char* bad : {"", "0", "-1", "1/0", "a/7", "x"}) CHECK_MESSAGE(!parse_step(bad), bad);
}
