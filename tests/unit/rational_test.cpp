// nearest_double: the IEEE-division shortcut for operands of at most 53 bits
// must round exactly as the 128-bit long division does.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>

#include "pilotstat/data/rational.hpp"
#include "pilotstat/resample/rng.hpp"

using namespace pilotstat;
using data::int128;
using data::nearest_double;

TEST_CASE("nearest_double: one rounding, ties to even") {
    CHECK(nearest_double(65, 12) == 5.416666666666667);
    CHECK(nearest_double(-41, 7) == -41.0 / 7.0);
    CHECK(nearest_double(41, -7) == -41.0 / 7.0);
    CHECK(nearest_double(0, 5) == 0.0);
    // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: even mantissa wins (2^53);
    // 2^53 + 3 rounds up to 2^53 + 4.
    const int128 p53 = int128{1} << 53;
    CHECK(nearest_double(p53 + 1, 1) == 9007199254740992.0);
    CHECK(nearest_double(p53 + 3, 1) == 9007199254740996.0);
    CHECK(nearest_double(2 * p53 + 2, 2) == 9007199254740992.0);
}

TEST_CASE("nearest_double: shortcut and long division agree on the same rational") {
    // n/d with both below 2^53 takes the division shortcut; (n k)/(d k) with
    // k = 2^54 + 7 exceeds 53 bits and takes the long division. Same value, so
    // the same double, bit for bit.
    resample::Rng rng(20261207);
    const int128 k = (int128{1} << 54) + 7;
    for (int i = 0; i < 20000; ++i) {
        const int bits_n = 1 + static_cast<int>(rng.next() % 53), bits_d = 1 + static_cast<int>(rng.next() % 53);
        const auto n = static_cast<std::int64_t>(rng.next() >> (64 - bits_n));
        const auto d = static_cast<std::int64_t>(rng.next() >> (64 - bits_d)) | 1;
        const double fast = nearest_double(n, d), slow = nearest_double(int128{n} * k, int128{d} * k);
        CAPTURE(n);
        CAPTURE(d);
        REQUIRE(std::signbit(fast) == std::signbit(slow));
        REQUIRE(fast == slow);
    }
}
