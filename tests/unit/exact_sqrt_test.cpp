// sqrt_nearest: the double nearest to sqrt(N / D). Expected values are
// Python's float(Decimal(N) / Decimal(D)).sqrt() at 80 digits (float() of a
// Decimal is correctly rounded); the first block are cases where
// sqrt(nearest_double(N / D)) is 1 ulp off, so the test fails if the exact
// correction step is skipped. Exact equality throughout (one rounding).
#include <doctest/doctest.h>

#include <cmath>

#include "pilotstat/data/exact_sqrt.hpp"

using pilotstat::data::sqrt_nearest;
using pilotstat::data::uint128;

TEST_CASE("sqrt_nearest rounds the square root of an exact rational once") {
    // double rounding is off by one ulp here
    CHECK(std::sqrt(38.0 / 18620.0) == 0.045175395145262566);
    CHECK(sqrt_nearest(38, {7, 7, 20, 19}) == 0.04517539514526256);
    CHECK(sqrt_nearest(51, {7, 7, 20, 19}) == 0.052335364076074746);
    CHECK(sqrt_nearest(2, {49, 6, 5}) == 0.03688555567816588);
    CHECK(sqrt_nearest(6, {12, 11, 144}) == 0.017766726362967535);
    CHECK(sqrt_nearest(15, {12, 11, 144}) == 0.028091660935968422);
    // ordinary and exact cases
    CHECK(sqrt_nearest(2, {1}) == 1.4142135623730951);
    CHECK(sqrt_nearest(1, {3}) == 0.5773502691896257);
    CHECK(sqrt_nearest(9, {4}) == 1.5);
    CHECK(sqrt_nearest(0, {5}) == 0.0);
    CHECK(sqrt_nearest(1234567, {20, 19, 49, 49}) == 1.1632403374183529);
    // beyond 64 bits
    const uint128 big = (static_cast<uint128>(1) << 100) + 1;
    CHECK(sqrt_nearest(big, {5}) == 503517745512157.56);
}
