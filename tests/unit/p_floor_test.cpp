#include <doctest/doctest.h>

#include "pilotstat/null/p_floor.hpp"

using namespace pilotstat::null;
namespace core = pilotstat::core;

TEST_CASE("design p-floors") {
    CHECK(design_floor_paired(5, core::Alternative::two_sided) == 0.0625);
    CHECK(design_floor_paired(5, core::Alternative::less) == 0.03125);
    CHECK(design_floor_paired(1, core::Alternative::two_sided) == 1.0);
    CHECK(design_floor_two_sample(5, 5, core::Alternative::two_sided) == doctest::Approx(2.0 / 252).epsilon(1e-15));
    CHECK(design_floor_two_sample(4, 6, core::Alternative::greater) == doctest::Approx(1.0 / 210).epsilon(1e-15));
    CHECK(design_floor_two_sample(12, 12, core::Alternative::two_sided) == doctest::Approx(2.0 / 2704156).epsilon(1e-15));
    CHECK(design_floor_two_sample(50, 50, core::Alternative::greater) ==
          doctest::Approx(9.911653021418e-30).epsilon(1e-10));  // 1 / choose(100, 50) in R
    CHECK(design_floor_two_sample(1, 1, core::Alternative::two_sided) == 1.0);
}
