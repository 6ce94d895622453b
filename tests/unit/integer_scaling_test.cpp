#include <doctest/doctest.h>

#include <vector>

#include "pilotstat/resample/integer_scaling.hpp"

using pilotstat::resample::integer_scaling;

TEST_CASE("integer scaling of instrument-step data") {
    SUBCASE("quarter steps") {
        const std::vector<double> x{1.25, -0.5, 2.0, 0.0};
        const auto s = integer_scaling(x);
        REQUIRE(s);
        CHECK(s->step == doctest::Approx(0.25).epsilon(1e-15));
        CHECK(s->units == std::vector<std::int64_t>{5, -2, 8, 0});
    }
    SUBCASE("four-decimal values and their differences") {
        const std::vector<double> x{5.8571 - 4.2857, 0.1 + 0.2, 3.0};
        const auto s = integer_scaling(x);
        REQUIRE(s);
        CHECK(s->step == doctest::Approx(6e-4).epsilon(1e-12));  // gcd(15714, 3000, 30000) = 6
        CHECK(s->units == std::vector<std::int64_t>{2619, 500, 5000});
    }
    SUBCASE("common factor removed") {
        const std::vector<double> x{4, 8, -12};
        const auto s = integer_scaling(x);
        REQUIRE(s);
        CHECK(s->step == 4.0);
        CHECK(s->units == std::vector<std::int64_t>{1, 2, -3});
    }
    SUBCASE("uniformly tiny values are not mistaken for zeros") {
        const std::vector<double> x{1e-10, 3e-10, 2.5e-10};
        CHECK_FALSE(integer_scaling(x));
    }
    SUBCASE("cancellation noise from large values is absorbed") {
        const std::vector<double> x{1000000.3 - 1000000.2, 1000000.2 - 1000000.1};
        const auto s = integer_scaling(x);
        REQUIRE(s);
        CHECK(s->units == std::vector<std::int64_t>{1, 1});
    }
    SUBCASE("thirds and sevenths (grid of a mean of 3 or 7 items) scale exactly") {
        const std::vector<double> x{1.0 / 3.0, 2.0, 41.0 / 7.0 - 45.0 / 7.0};
        const auto s = integer_scaling(x);
        REQUIRE(s);
        CHECK(s->step_num == 1);
        CHECK(s->step_den == 21);  // lcm(3, 7)
        CHECK(s->units == std::vector<std::int64_t>{7, 42, -12});
    }
    SUBCASE("genuinely continuous values are refused") {
        const std::vector<double> x{1.4142135623730951, 2.0};  // sqrt(2)
        CHECK_FALSE(integer_scaling(x));
        const std::vector<double> y{1.0 / 11.0, 1.0};  // 11 does not divide 2520 * 10^k
        CHECK_FALSE(integer_scaling(y));
    }
}
