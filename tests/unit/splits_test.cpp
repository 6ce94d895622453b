#include <doctest/doctest.h>

#include <cstdint>
#include <set>
#include <span>
#include <vector>

#include "pilotstat/error.hpp"
#include "pilotstat/resample/splits.hpp"

using pilotstat::resample::binomial_coefficient;
using pilotstat::resample::for_each_split;
using pilotstat::resample::for_each_subset_sum;
using pilotstat::resample::for_each_swap;
using pilotstat::resample::RevolvingDoor;

namespace {
std::uint64_t mask_of(const std::vector<int>& in_a) {
    std::uint64_t m = 0;
    for (std::size_t i = 0; i < in_a.size(); ++i)
        if (in_a[i]) m |= std::uint64_t{1} << i;
    return m;
}
}  // namespace

TEST_CASE("Splits: binomial coefficients") {
    CHECK(binomial_coefficient(10, 5) == 252.0);
    CHECK(binomial_coefficient(24, 12) == 2704156.0);
    CHECK(binomial_coefficient(50, 25) == 126410606437752.0);
    CHECK(binomial_coefficient(5, 0) == 1.0);
    CHECK(binomial_coefficient(5, 6) == 0.0);
    CHECK(binomial_coefficient(0, 0) == 1.0);
    // C(100, 50) = 1.0089134454556419e29, to double rounding
    CHECK(binomial_coefficient(100, 50) == doctest::Approx(1.0089134454556419e29).epsilon(1e-14));
}

TEST_CASE("Splits: revolving door visits every subset once, one swap apart") {
    for (int n = 0; n <= 12; ++n) {
        for (int k = 0; k <= n; ++k) {
            std::set<std::uint64_t> seen;
            std::uint64_t previous = 0;
            bool first = true, swaps_ok = true, sizes_ok = true;
            for_each_swap(n, k, [&](const std::vector<int>& in_a, int out, int in) {
                const std::uint64_t m = mask_of(in_a);
                int size = 0;
                for (int v : in_a) size += v;
                sizes_ok = sizes_ok && size == k;
                if (!first) {
                    // exactly `out` left and `in` joined
                    const std::uint64_t expect =
                        (previous & ~(std::uint64_t{1} << out)) | (std::uint64_t{1} << in);
                    swaps_ok = swaps_ok && out != in && ((previous >> out) & 1U) == 1U &&
                               ((previous >> in) & 1U) == 0U && m == expect;
                }
                first = false;
                previous = m;
                seen.insert(m);
            });
            CAPTURE(n);
            CAPTURE(k);
            CHECK(static_cast<double>(seen.size()) == binomial_coefficient(n, k));
            CHECK(swaps_ok);
            CHECK(sizes_ok);
        }
    }
}

TEST_CASE("Splits: generic callback and subset sums agree") {
    const std::vector<std::int64_t> v{3, -1, 4, 1, 5, 9, 2, 6, 5};
    std::vector<std::int64_t> direct, fast;
    for_each_split(9, 4, [&](const std::vector<int>& in_a) {
        std::int64_t s = 0;
        for (std::size_t i = 0; i < v.size(); ++i)
            if (in_a[i]) s += v[i];
        direct.push_back(s);
    });
    for_each_subset_sum(std::span<const std::int64_t>(v), 4, [&](std::int64_t s) { fast.push_back(s); });
    CHECK(direct == fast);
    CHECK(direct.size() == 126);
}

TEST_CASE("Splits: floating subset sums stay accurate over 2.7 million splits") {
    std::vector<double> v;
    for (int i = 0; i < 24; ++i) v.push_back(0.1 * i + 1e-3 * (i % 7));
    double max_err = 0.0, count = 0.0;
    for_each_split(24, 12, [&](const std::vector<int>&) { count += 1; });
    CHECK(count == 2704156.0);
    // compare the running sum with a fresh sum at a sample of splits
    std::vector<long double> fast;
    fast.reserve(2704156);
    for_each_subset_sum(std::span<const double>(v), 12, [&](double s) { fast.push_back(s); });
    std::size_t i = 0;
    for_each_split(24, 12, [&](const std::vector<int>& in_a) {
        if (i % 9973 == 0) {
            double s = 0;
            for (std::size_t j = 0; j < v.size(); ++j)
                if (in_a[j]) s += v[j];
            max_err = std::max(max_err, static_cast<double>(std::abs(fast[i] - s)));
        }
        ++i;
    });
    // absolute, sums are O(10): 1e-11 relative, far inside the 1e-9 tie tolerance
    CHECK(max_err < 1e-10);
}

TEST_CASE("Splits: bad arguments are a ComputeError") {
    CHECK_THROWS_AS(RevolvingDoor(3, 4), pilotstat::ComputeError);
    CHECK_THROWS_AS(RevolvingDoor(3, -1), pilotstat::ComputeError);
}
