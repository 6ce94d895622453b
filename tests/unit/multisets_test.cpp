#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <vector>

#include "pilotstat/error.hpp"
#include "pilotstat/resample/multisets.hpp"

using pilotstat::resample::MultisetTable;
using pilotstat::resample::multiset_count;
using pilotstat::resample::ordered_resample_count;

TEST_CASE("Multisets: C(2n-1, n) count vectors, each summing to n, all distinct") {
    // C(2n-1, n) for n = 1..10 (OEIS A001700).
    const std::vector<double> expected = {1, 3, 10, 35, 126, 462, 1716, 6435, 24310, 92378};
    for (std::size_t n = 1; n <= 10; ++n) {
        CAPTURE(n);
        CHECK(multiset_count(n) == expected[n - 1]);
        const MultisetTable t(n);
        REQUIRE(t.size() == static_cast<std::size_t>(expected[n - 1]));
        std::set<std::vector<std::uint8_t>> seen;
        for (std::size_t k = 0; k < t.size(); ++k) {
            const auto c = t.counts(k);
            unsigned sum = 0;
            for (auto v : c) sum += v;
            CHECK(sum == n);
            seen.emplace(c.begin(), c.end());
        }
        CHECK(seen.size() == t.size());
    }
    CHECK(multiset_count(0) == 0);
}

TEST_CASE("Multisets: multinomial weights sum to n^n exactly and probabilities to 1") {
    for (std::size_t n = 1; n <= 10; ++n) {
        CAPTURE(n);
        const MultisetTable t(n);
        std::uint64_t total = 0;
        double probability = 0.0;
        for (std::size_t k = 0; k < t.size(); ++k) {
            total += t.weight(k);
            probability += t.probability(k);
        }
        CHECK(total == t.total());
        CHECK(t.total() == ordered_resample_count(n));
        CHECK(probability == doctest::Approx(1.0).epsilon(1e-13));  // n = 10: 92,378 terms
    }
    CHECK(ordered_resample_count(5) == 3125);
    CHECK(ordered_resample_count(15) == 437893890380859375ULL);
    CHECK(ordered_resample_count(16) == 0);
}

TEST_CASE("Multisets: n = 5 weights are 5!/prod c_i! (identity 120, a single repeated value 1)") {
    const MultisetTable t(5);
    std::size_t identity = 0, constant = 0;
    for (std::size_t k = 0; k < t.size(); ++k) {
        const auto c = t.counts(k);
        if (std::all_of(c.begin(), c.end(), [](auto v) { return v == 1; })) {
            ++identity;
            CHECK(t.weight(k) == 120);
        }
        if (std::count(c.begin(), c.end(), 5) == 1) {
            ++constant;
            CHECK(t.weight(k) == 1);
        }
    }
    CHECK(identity == 1);
    CHECK(constant == 5);
    // First row in lexicographically descending order is (5,0,0,0,0).
    CHECK(t.counts(0)[0] == 5);
}

TEST_CASE("Multisets: refuses n = 0 and n > 15") {
    CHECK_THROWS_AS(MultisetTable(0), pilotstat::UsageError);
    CHECK_THROWS_AS(MultisetTable(16), pilotstat::UsageError);
}
