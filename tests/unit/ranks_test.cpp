#include <doctest/doctest.h>

#include <vector>

#include "pilotstat/stats/ranks.hpp"

using pilotstat::stats::mid_ranks;
using pilotstat::stats::tie_summary;

TEST_CASE("mid-ranks match R's rank(ties.method = 'average')") {
    // R: rank(c(3, 1, 4, 1, 5, 9, 2, 6, 5, 3)) = 4.5 1.5 6 1.5 7.5 10 3 9 7.5 4.5
    const std::vector<double> x{3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
    const std::vector<double> want{4.5, 1.5, 6, 1.5, 7.5, 10, 3, 9, 7.5, 4.5};
    CHECK(mid_ranks(x) == want);
    const auto t = tie_summary(x);
    CHECK(t.groups == 3);
    CHECK(t.correction == 18.0);
}

TEST_CASE("floating-point noise ties") {
    const std::vector<double> x{0.1 + 0.2, 0.3, 0.0};
    CHECK(mid_ranks(x) == std::vector<double>{2.5, 2.5, 1});
}
