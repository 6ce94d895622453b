#include <doctest/doctest.h>

#include "bootstrap_checks.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "fixture.hpp"
#include "pilotstat/bootstrap/bootstrap_distribution.hpp"
#include "pilotstat/bootstrap/intervals.hpp"
#include "pilotstat/bootstrap/mean_difference_distribution.hpp"
#include "pilotstat/resample/rng.hpp"
#include "pilotstat/error.hpp"

namespace bs = pilotstat::bootstrap;
using bs::IntervalMethod;
using bs::IntervalNote;

namespace {

bs::BootstrapOptions options_for(const std::string& method, double conf) {
    bs::BootstrapOptions o;
    o.method = *bs::parse_method(method);
    o.conf = conf;
    return o;
}

bs::BootstrapInterval interval_for(const fixture::Row& row) {
    const auto x = row.vec("x");
    const auto o = options_for(row.str("method"), row.num("conf"));
    if (row.str("stat") == "mean") return bs::mean_interval(x, o);
    const auto y = row.vec("y");
    return bs::mean_difference_interval(x, y, o);
}

// A hand-made distribution: values ascending, integer weights.
bs::BootstrapDistribution make(std::vector<double> values, std::vector<std::uint64_t> weights) {
    bs::BootstrapDistribution d;
    d.values = std::move(values);
    d.weights = std::move(weights);
    for (auto w : d.weights) d.total += w;
    d.label = "hand-made";
    return d;
}

}  // namespace

TEST_CASE("Bootstrap: exact distribution of the mean equals R's brute force over all 5^5 resamples") {
    // Fixture: every ordered resample enumerated in R, aggregated by value.
    const auto rows = fixture::read("reference/bootstrap_distribution.csv");
    const std::vector<double> x = {-12, -15, -9, -20, -10};
    const auto d = bs::exact_mean(x);
    CHECK(d.exact);
    CHECK(d.size() == 126);
    CHECK(d.total == 3125);
    CHECK(d.label == "exact enumeration (126 multisets)");
    // Merge equal values (within 1e-9) and compare support and weights.
    std::vector<double> support;
    std::vector<std::uint64_t> counts;
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (!support.empty() && d.values[i] - support.back() <= 1e-9) {
            counts.back() += d.weights[i];
        } else {
            support.push_back(d.values[i]);
            counts.push_back(d.weights[i]);
        }
    }
    REQUIRE(support.size() == rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        CHECK(support[i] == doctest::Approx(rows[i].num("value")).epsilon(1e-12));
        CHECK(counts[i] == static_cast<std::uint64_t>(rows[i].num("count")));
        CHECK(d.total == static_cast<std::uint64_t>(rows[i].num("total")));
    }
}

TEST_CASE("Bootstrap: percentile, BCa and expanded intervals match the R brute force to 1e-10") {
    for (const auto& row : fixture::read("reference/bootstrap_intervals.csv")) {
        if (row.str("stat") == "cliffs_delta") continue;  // cliffs_delta_test.cpp
        CAPTURE(row.str("case"));
        CAPTURE(row.str("method"));
        const auto r = interval_for(row);
        REQUIRE(r.interval.has_value());
        CHECK(r.exact);
        CHECK(*r.estimate == doctest::Approx(row.num("estimate")).epsilon(1e-12));
        CHECK(r.interval->low == doctest::Approx(row.num("low")).epsilon(1e-10));
        CHECK(r.interval->high == doctest::Approx(row.num("high")).epsilon(1e-10));
        CHECK(r.interval->conf == row.num("conf"));
        CHECK(r.note == IntervalNote::none);
    }
}

TEST_CASE("Bootstrap: BCa z0 counts ties with the estimate as half; acceleration from the jackknife") {
    for (const auto& row : fixture::read("reference/bootstrap_intervals.csv")) {
        if (row.str("stat") == "cliffs_delta" || row.str("method") != "bca") continue;
        CAPTURE(row.str("case"));
        const auto x = row.vec("x");
        const bool one = row.str("stat") == "mean";
        const auto d = one ? bs::exact_mean(x) : bs::exact_mean_difference(x, row.vec("y"));
        const auto z0 = bs::bca_bias_correction(d, row.num("estimate"));
        REQUIRE(z0.has_value());
        CHECK(*z0 == doctest::Approx(row.num("z0")).epsilon(1e-10));
        // The identity resample always ties with the estimate, so the
        // half-ties z0 differs from boot's strictly-below z0.
        CHECK(std::fabs(*z0 - row.num("z0_strict")) > 0.01);
    }
    // 1..5: symmetric, P(< 3) = P(> 3), so half-ties gives z0 = 0 exactly,
    // while counting only values strictly below gives z0 < 0 (R's boot).
    const std::vector<double> ties = {1, 2, 3, 4, 5};
    const auto z0 = bs::bca_bias_correction(bs::exact_mean(ties), 3.0);
    REQUIRE(z0.has_value());
    CHECK(*z0 == doctest::Approx(0.0).epsilon(1e-15));
    // Tolerance: an estimate off by rounding noise still ties.
    const auto noisy = bs::bca_bias_correction(bs::exact_mean(ties), 3.0 + 4e-16);
    CHECK(*noisy == doctest::Approx(0.0).epsilon(1e-15));
    // Jackknife of the mean of 1..5: d_i = (x_i - 3)/4, symmetric -> a = 0.
    bs::Jackknife jk;
    for (double v : ties) jk.first.push_back((15.0 - v) / 4.0);
    CHECK(*bs::bca_acceleration(jk) == doctest::Approx(0.0).epsilon(1e-15));
}

TEST_CASE("Bootstrap: weighted quantile is the inverted CDF, R's quantile(type = 1) for equal weights") {
    // quantile(1:10, c(0.25, 0.3, 0.31, 0, 1), type = 1) = 3 3 4 1 10
    const auto d = make({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, std::vector<std::uint64_t>(10, 1));
    CHECK(bs::weighted_quantile(d, 0.25) == 3);
    CHECK(bs::weighted_quantile(d, 0.3) == 3);  // F(3) = 0.3 exactly: reached
    CHECK(bs::weighted_quantile(d, 0.31) == 4);
    CHECK(bs::weighted_quantile(d, 0.0) == 1);
    CHECK(bs::weighted_quantile(d, 1.0) == 10);
    // Weights: F = 1/8, 4/8, 1.
    const auto w = make({0, 1, 2}, {1, 3, 4});
    CHECK(bs::weighted_quantile(w, 0.125) == 0);
    CHECK(bs::weighted_quantile(w, 0.126) == 1);
    CHECK(bs::weighted_quantile(w, 0.5) == 1);
    CHECK(bs::weighted_quantile(w, 0.51) == 2);
}

TEST_CASE("Bootstrap: Monte Carlo intervals agree with the exact ones within Monte Carlo error") {
    const std::vector<double> x = {0.3, 1.1, 0.2, 4.5, 0.9};
    const auto exact = bs::exact_mean(x);
    const auto mc = bs::monte_carlo_mean(x, 200000, 7);
    CHECK_FALSE(mc.exact);
    CHECK(mc.label == "monte-carlo (B=200000, seed=7)");
    // A Monte Carlo quantile at level p lies between the exact quantiles at
    // p -+ 0.005 (binomial SE of the level at B = 2e5 is <= 3.5e-4 at p = 0.025).
    for (double p : {0.001, 0.025, 0.1, 0.5, 0.9, 0.975, 0.999}) {
        CAPTURE(p);
        const double q = bs::weighted_quantile(mc, p);
        CHECK(q >= bs::weighted_quantile(exact, std::max(p - 0.005, 0.0)));
        CHECK(q <= bs::weighted_quantile(exact, p + 0.005));
    }
    // Through the public entry point: max_exact = 0 forces Monte Carlo.
    bs::BootstrapOptions o;
    o.method = IntervalMethod::bca;
    o.resamples = 200000;
    o.max_exact = 0;
    const auto r = bs::mean_interval(x, o);
    o.max_exact = 1e6;
    const auto e = bs::mean_interval(x, o);
    CHECK_FALSE(r.exact);
    CHECK(e.exact);
    CHECK(r.method_label == "bca, monte-carlo (B=200000, seed=20230401)");
    CHECK(e.method_label == "bca, exact enumeration (126 multisets)");
    // BCa levels move with z0's Monte Carlo error (SE ~ 0.003): compare loosely,
    // 5% of the bootstrap range 0.2..4.5.
    CHECK(std::fabs(r.interval->low - e.interval->low) < 0.2);
    CHECK(std::fabs(r.interval->high - e.interval->high) < 0.2);
}

TEST_CASE("Bootstrap: same seed gives the same resamples; another seed does not") {
    const std::vector<double> x = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8};
    const auto a = bs::monte_carlo_mean(x, 1000, 42);
    const auto b = bs::monte_carlo_mean(x, 1000, 42);
    const auto c = bs::monte_carlo_mean(x, 1000, 43);
    CHECK(a.values == b.values);
    CHECK(a.values != c.values);
    const std::vector<double> y = {2, 7, 1, 8};
    const auto stat = [](std::span<const double> r) { return r[0] - r[1]; };
    CHECK(bs::monte_carlo_one_sample(y, stat, 500, 9).values == bs::monte_carlo_one_sample(y, stat, 500, 9).values);
    CHECK(bs::monte_carlo_mean_difference(x, y, 500, 9).values ==
          bs::monte_carlo_mean_difference(x, y, 500, 9).values);
    // n = 12 exceeds the default 1e6 multisets (C(23, 12) = 1,352,078): Monte Carlo.
    bs::BootstrapOptions o;
    const auto r = bs::mean_interval(x, o);
    CHECK_FALSE(r.exact);
    CHECK(r.resamples == 10000);
    CHECK(r.interval.has_value());
}

TEST_CASE("Bootstrap: exact feasibility limits and the generic statistic path") {
    CHECK(bs::exact_feasible(11, 1e6));
    CHECK_FALSE(bs::exact_feasible(12, 1e6));
    CHECK(bs::exact_feasible(5, 5, 1e6));
    CHECK(bs::exact_feasible(6, 6, 1e6));
    CHECK_FALSE(bs::exact_feasible(7, 7, 1e6));
    CHECK_FALSE(bs::exact_feasible(16, 1e300));
    const std::vector<double> a = {-12, -15, -9, -20, -10}, b = {-3, -5, 0, -8, -4};
    const auto fast = bs::exact_mean_difference(a, b);
    const auto mean = [](std::span<const double> r) {
        double s = 0;
        for (double v : r) s += v;
        return s / static_cast<double>(r.size());
    };
    const auto generic =
        bs::exact_two_sample(a, b, [&](std::span<const double> ra, std::span<const double> rb) { return mean(ra) - mean(rb); });
    CHECK(fast.size() == 15876);
    CHECK(fast.total == 3125ULL * 3125ULL);
    CHECK(fast.label == "exact enumeration (126 x 126 = 15876 multiset pairs)");
    REQUIRE(generic.size() == fast.size());
    for (double p : {0.01, 0.025, 0.5, 0.975})
        CHECK(bs::weighted_quantile(generic, p) == doctest::Approx(bs::weighted_quantile(fast, p)).epsilon(1e-12));
    const auto one = bs::exact_one_sample(a, mean);
    for (double p : {0.025, 0.5, 0.975})
        CHECK(bs::weighted_quantile(one, p) == doctest::Approx(bs::weighted_quantile(bs::exact_mean(a), p)).epsilon(1e-12));
}

TEST_CASE("Bootstrap: degenerate data give notes, never NaN") {
    const std::vector<double> same = {4, 4, 4, 4, 4};
    for (auto m : {IntervalMethod::percentile, IntervalMethod::bca, IntervalMethod::expanded_percentile}) {
        bs::BootstrapOptions o;
        o.method = m;
        const auto r = bs::mean_interval(same, o);
        REQUIRE(r.interval.has_value());
        CHECK(r.interval->low == 4);
        CHECK(r.interval->high == 4);
        CHECK(r.note == IntervalNote::all_values_equal);
        CHECK(bs::note_code(r.note) == "BOOT_DEGENERATE");
    }
    const std::vector<double> one = {4};
    const auto r1 = bs::mean_interval(one, {});
    CHECK_FALSE(r1.interval.has_value());
    CHECK(*r1.estimate == 4);
    CHECK(r1.note == IntervalNote::too_few_observations);
    const auto r0 = bs::mean_difference_interval({}, one, {});
    CHECK_FALSE(r0.estimate.has_value());
    CHECK(r0.note == IntervalNote::too_few_observations);
    // BCa undefined: every bootstrap value above the estimate (z0 = -inf).
    const auto above = make({2, 3}, {1, 1});
    bs::IntervalInputs in{1.0, bs::Jackknife{{1.0, 2.0, 3.0}, {}}, 3};
    const auto b = bs::interval_from(above, in, IntervalMethod::bca, 0.95);
    CHECK_FALSE(b.interval.has_value());
    CHECK(b.note == IntervalNote::bca_bias_undefined);
    // BCa undefined: all jackknife values equal (a = 0/0).
    const auto spread = make({0, 1, 2}, {1, 2, 1});
    bs::IntervalInputs flat{1.0, bs::Jackknife{{5.0, 5.0, 5.0}, {}}, 3};
    const auto f = bs::interval_from(spread, flat, IntervalMethod::bca, 0.95);
    CHECK_FALSE(f.interval.has_value());
    CHECK(f.note == IntervalNote::bca_acceleration_undefined);
    CHECK(bs::interval_from(spread, flat, IntervalMethod::percentile, 0.95).interval.has_value());
}

TEST_CASE("Bootstrap: invalid input is refused") {
    const std::vector<double> x = {1, 2, 3};
    bs::BootstrapOptions o;
    o.conf = 1.0;
    CHECK_THROWS_AS(bs::mean_interval(x, o), pilotstat::UsageError);
    const std::vector<double> bad = {1, NAN, 3};
    CHECK_THROWS_AS(bs::mean_interval(bad, {}), pilotstat::DataError);
    CHECK_THROWS_AS(bs::monte_carlo_mean(x, 0, 1), pilotstat::UsageError);
    CHECK(bs::parse_method("bca") == IntervalMethod::bca);
    CHECK(bs::parse_method("expanded-percentile") == IntervalMethod::expanded_percentile);
    CHECK_FALSE(bs::parse_method("bootstrap-t").has_value());
}

TEST_CASE("Bootstrap: Monte Carlo agrees in spirit with R's boot.ci (loose sanity check)") {
    // boot.ci differs by design: R's RNG, norm.inter interpolation, z0 from
    // values strictly below, regression influence values. Agreement within
    // 0.15 (3.5% of the data range 0.2..4.5) is all that is asked.
    for (const auto& row : fixture::read("reference/bootstrap_boot_sanity.csv")) {
        CAPTURE(row.str("method"));
        bs::BootstrapOptions o = options_for(row.str("method"), 0.95);
        o.max_exact = 0;
        o.resamples = 100000;
        const auto r = bs::mean_interval(row.vec("x"), o);
        REQUIRE(r.interval.has_value());
        CHECK(std::fabs(r.interval->low - row.num("low")) < 0.15);
        CHECK(std::fabs(r.interval->high - row.num("high")) < 0.15);
    }
}

// ---- Monte Carlo draw scheme (resample::DigitDraw) and the exact mean
// difference over its margins (bs::ExactMeanDifference).

namespace {

// Random test data of several kinds: integers with many ties, 1- and
// 4-decimal scores, mixed signs.
std::vector<double> random_sample(pilotstat::resample::Rng& rng, std::size_t n, int kind) {
    std::vector<double> x(n);
    for (auto& v : x) {
        switch (kind) {
            case 0: v = static_cast<double>(rng.below(6)); break;                                 // 0..5, ties
            case 1: v = static_cast<double>(rng.below(64)); break;                                // BDI-like
            case 2: v = static_cast<double>(rng.below(100)) / 10.0 - 3.0; break;                  // 1 decimal
            default: v = static_cast<double>(rng.below(70001)) / 10000.0; break;                  // 4 decimals
        }
    }
    return x;
}

}  // namespace

TEST_CASE("DigitDraw: the digits of one below(n^k) draw, division-free, deterministic") {
    using pilotstat::resample::DigitDraw;
    using pilotstat::resample::Rng;
    CHECK(DigitDraw::block_size(5, 5) == 5);
    CHECK(DigitDraw::block_size(50, 50) == 8);  // 50^8 = 3.9e13 <= 2^48 < 50^9
    CHECK(DigitDraw::block_size(12, 12) == 12);
    CHECK(DigitDraw::block_size(13, 13) == 12);  // 13^13 > 2^48
    CHECK(DigitDraw::block_size(1, 7) == 1);
    // Same accepted draws and the same r as Rng::below(n^k), decoded by division.
    for (std::uint64_t n : {2ULL, 3ULL, 5ULL, 7ULL, 10ULL, 50ULL, 1000ULL}) {
        const unsigned k = DigitDraw::block_size(n, 64);
        const DigitDraw draw(n, k);
        Rng fast(n), reference(n);
        std::vector<std::uint64_t> digits(k);
        for (int trial = 0; trial < 2000; ++trial) {
            draw.draw(fast, digits.data());
            std::uint64_t r = reference.below(draw.range());
            for (unsigned j = k; j-- > 0; r /= n) REQUIRE(digits[j] == r % n);
        }
        CHECK(fast.next() == reference.next());  // consumed the same words
    }
    // A range close to 2^64 rejects often (threshold large): still the same stream.
    const DigitDraw wide(3, 40);  // 3^40 = 1.2e19
    Rng f(99), g(99);
    std::vector<std::uint64_t> d(40);
    for (int trial = 0; trial < 500; ++trial) {
        wide.draw(f, d.data());
        std::uint64_t r = g.below(wide.range());
        for (unsigned j = 40; j-- > 0; r /= 3) REQUIRE(d[j] == r % 3);
    }
    // accumulate() sums the same digits in order.
    const DigitDraw five(5, 5);
    Rng p(3), q(3);
    std::uint64_t buf[5];
    for (int trial = 0; trial < 1000; ++trial) {
        five.draw(p, buf);
        const auto sum = five.accumulate(q, std::uint64_t{0}, [](std::uint64_t i) { return i * i; });
        CHECK(sum == buf[0] * buf[0] + buf[1] * buf[1] + buf[2] * buf[2] + buf[3] * buf[3] + buf[4] * buf[4]);
    }
}

TEST_CASE("Bootstrap Monte Carlo: uniform over all n^n ordered resamples (n = 3: 27 cells, chi-square)") {
    // The statistic encodes the ordered resample as a base-3 number, so the
    // Monte Carlo values are the cells. B = 270,000: 10,000 expected per cell.
    // Chi-square with 26 df: mean 26, P(X > 54.05) = 0.001; tolerance 54.05.
    const std::vector<double> x = {0, 1, 2};
    const auto code = [](std::span<const double> r) { return r[0] * 9 + r[1] * 3 + r[2]; };
    const std::uint64_t B = 270000;
    for (std::uint64_t seed : {1ULL, 20230401ULL}) {
        const auto d = bs::monte_carlo_one_sample(x, code, B, seed);
        std::vector<double> cells(27, 0.0);
        for (double v : d.values) cells[static_cast<std::size_t>(v)] += 1.0;
        double chi2 = 0.0;
        for (double c : cells) chi2 += (c - 10000.0) * (c - 10000.0) / 10000.0;
        CAPTURE(seed);
        CHECK(chi2 < 54.05);
        // Deterministic: the values are the digits of Rng(seed).below(27), in order.
        pilotstat::resample::Rng rng(seed);
        std::vector<double> expected(B);
        for (auto& v : expected) v = static_cast<double>(rng.below(27));
        std::sort(expected.begin(), expected.end());
        CHECK(d.values == expected);
    }
    // Two samples: a's indices, then b's, each resample one draw per sample.
    const std::vector<double> y = {0, 1};
    const auto d2 = bs::monte_carlo_two_sample(
        x, y, [](std::span<const double> ra, std::span<const double> rb) { return (ra[0] * 9 + ra[1] * 3 + ra[2]) * 4 + rb[0] * 2 + rb[1]; },
        1000, 5);
    pilotstat::resample::Rng rng(5);
    std::vector<double> expected(1000);
    for (auto& v : expected) {
        const double ra = static_cast<double>(rng.below(27));
        v = ra * 4 + static_cast<double>(rng.below(4));
    }
    std::sort(expected.begin(), expected.end());
    CHECK(d2.values == expected);
    // The mean's fast paths (binary units: histogram; otherwise sorted sums)
    // use the same draws as the generic statistic.
    const auto mean = [](std::span<const double> r) {
        double s = 0;
        for (double v : r) s += v;
        return s / static_cast<double>(r.size());
    };
    for (const std::vector<double>& z : {std::vector<double>{3, 1, 4, 1, 5}, std::vector<double>{0.3, 1.1, 0.2, 4.5, 0.9},
                                         std::vector<double>{2.25, -1.5, 0.75, 8, 6, 1.25, 3, 0.5, 7, 2, 9, 4, 5.5, 6.25}}) {
        CHECK(bs::monte_carlo_mean(z, 5000, 17).values == bs::monte_carlo_one_sample(z, mean, 5000, 17).values);
    }
}

TEST_CASE("Bootstrap: the mean difference over its margins equals the materialized enumeration bit for bit") {
    pilotstat::resample::Rng rng(2024);
    int cases = 0;
    for (int kind = 0; kind < 4; ++kind) {
        for (std::size_t na = 2; na <= 6; ++na) {
            for (std::size_t nb : {std::size_t{2}, std::size_t{4}, std::size_t{5}}) {
                const auto a = random_sample(rng, na, kind), b = random_sample(rng, nb, kind);
                const auto m = bs::ExactMeanDifference::make(a, b);
                REQUIRE(m.has_value());
                const auto full = bs::exact_mean_difference(a, b);
                CHECK(m->front() == full.values.front());
                CHECK(m->back() == full.values.back());
                CHECK(m->total() == full.total);
                CHECK(m->label() == full.label);
                for (double p : {0.0, 1e-4, 0.000954, 0.025, 0.05, 0.1, 0.3, 0.5, 0.7, 0.95, 0.975, 0.999046, 1.0}) {
                    CAPTURE(p);
                    CHECK(m->quantile_at(p * static_cast<double>(full.total) * (1.0 - 1e-14)) ==
                          bs::weighted_quantile(full, p));
                }
                // Mass at or below / below a probe value, against a scan.
                for (std::size_t i = 0; i < full.size(); i += 1 + full.size() / 17) {
                    std::uint64_t at_most = 0, below = 0;
                    for (std::size_t j = 0; j < full.size(); ++j) {
                        if (full.values[j] <= full.values[i]) at_most += full.weights[j];
                        if (full.values[j] < full.values[i]) below += full.weights[j];
                    }
                    CHECK(m->weight_at_most(full.values[i]) == at_most);
                    CHECK(m->weight_below(full.values[i]) == below);
                }
                // The public interval: every method and two levels, against the
                // interval over the materialized distribution.
                const double ma = std::accumulate(a.begin(), a.end(), 0.0) / static_cast<double>(na);
                const double mb = std::accumulate(b.begin(), b.end(), 0.0) / static_cast<double>(nb);
                bs::Jackknife jk;
                double sa = std::accumulate(a.begin(), a.end(), 0.0), sb = std::accumulate(b.begin(), b.end(), 0.0);
                for (double v : a) jk.first.push_back((sa - v) / static_cast<double>(na - 1) - mb);
                for (double v : b) jk.second.push_back(ma - (sb - v) / static_cast<double>(nb - 1));
                const bs::IntervalInputs in{ma - mb, jk, std::min(na, nb)};
                for (auto method : {IntervalMethod::percentile, IntervalMethod::bca, IntervalMethod::expanded_percentile}) {
                    for (double conf : {0.8, 0.95}) {
                        bs::BootstrapOptions o;
                        o.method = method;
                        o.conf = conf;
                        const auto fast = bs::mean_difference_interval(a, b, o);
                        const auto slow = bs::interval_from(full, in, method, conf);
                        check_same_interval(fast, slow);
                        CHECK(fast.exact);
                    }
                }
                ++cases;
            }
        }
    }
    CHECK(cases == 60);
    // A mean of -0.0 would be merged with +0.0: the shortcut declines.
    // (-denorm_min + 0 + 0) / 3 rounds to -0.0.
    const std::vector<double> tiny = {-4.9406564584124654e-324, 0, 0}, other = {1, 2};
    CHECK_FALSE(bs::ExactMeanDifference::make(tiny, other).has_value());
    CHECK(bs::mean_difference_interval(tiny, other, {}).interval.has_value());
}
