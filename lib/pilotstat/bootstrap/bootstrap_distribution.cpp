#include "pilotstat/bootstrap/bootstrap_distribution.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "pilotstat/error.hpp"
#include "pilotstat/resample/multisets.hpp"
#include "pilotstat/resample/rng.hpp"

namespace pilotstat::bootstrap {

using resample::MultisetTable;

namespace {

using Entries = std::vector<std::pair<double, std::uint64_t>>;

void validate(std::span<const double> x, const char* what) {
    if (x.empty()) throw UsageError(std::string("bootstrap: ") + what + " has no observations");
    for (double v : x)
        if (!std::isfinite(v)) throw DataError(std::string("bootstrap: ") + what + " has a non-finite value");
}

void validate_resamples(std::uint64_t resamples) {
    if (resamples == 0) throw UsageError("bootstrap: the number of resamples must be >= 1");
}

// Sorts by value (ties by weight, so the order is fully determined) and
// splits into the record's parallel arrays.
BootstrapDistribution finish(Entries entries, std::uint64_t total) {
    std::sort(entries.begin(), entries.end());
    BootstrapDistribution d;
    d.values.reserve(entries.size());
    d.weights.reserve(entries.size());
    for (const auto& [v, w] : entries) {
        d.values.push_back(v);
        d.weights.push_back(w);
    }
    d.total = total;
    return d;
}

void mark_exact(BootstrapDistribution& d, std::size_t rows_a, std::size_t rows_b) {
    d.exact = true;
    if (rows_b == 0) {
        d.resamples = rows_a;
        d.label = "exact enumeration (" + std::to_string(rows_a) + " multisets)";
    } else {
        d.resamples = static_cast<std::uint64_t>(rows_a) * rows_b;
        d.label = "exact enumeration (" + std::to_string(rows_a) + " x " + std::to_string(rows_b) +
                  " = " + std::to_string(d.resamples) + " multiset pairs)";
    }
}

void mark_monte_carlo(BootstrapDistribution& d, std::uint64_t resamples, std::uint64_t seed) {
    d.exact = false;
    d.resamples = resamples;
    d.seed = seed;
    d.label = "monte-carlo (B=" + std::to_string(resamples) + ", seed=" + std::to_string(seed) + ")";
}

// x_i repeated c_i times, in the order of x, written into `out` (size n).
void materialize(std::span<const double> x, std::span<const std::uint8_t> counts, std::vector<double>& out) {
    std::size_t pos = 0;
    for (std::size_t i = 0; i < x.size(); ++i)
        for (std::uint8_t c = 0; c < counts[i]; ++c) out[pos++] = x[i];
}

std::vector<double> multiset_means(std::span<const double> x, const MultisetTable& t) {
    std::vector<double> means(t.size());
    const auto n = static_cast<double>(x.size());
    for (std::size_t k = 0; k < t.size(); ++k) {
        const auto c = t.counts(k);
        double s = 0.0;
        for (std::size_t i = 0; i < x.size(); ++i) s += c[i] * x[i];
        means[k] = s / n;
    }
    return means;
}

void draw(resample::Rng& rng, std::span<const double> x, std::vector<double>& out) {
    for (auto& v : out) v = x[rng.below(x.size())];
}

}  // namespace

bool exact_feasible(std::size_t n, double max_exact) noexcept {
    return n > 0 && resample::ordered_resample_count(n) != 0 && resample::multiset_count(n) <= max_exact;
}

bool exact_feasible(std::size_t n_a, std::size_t n_b, double max_exact) noexcept {
    const auto ta = resample::ordered_resample_count(n_a);
    const auto tb = resample::ordered_resample_count(n_b);
    if (ta == 0 || tb == 0 || ta > std::numeric_limits<std::uint64_t>::max() / tb) return false;
    return resample::multiset_count(n_a) * resample::multiset_count(n_b) <= max_exact;
}

BootstrapDistribution exact_mean(std::span<const double> x) {
    validate(x, "sample");
    const MultisetTable t(x.size());
    const auto means = multiset_means(x, t);
    Entries e(t.size());
    for (std::size_t k = 0; k < t.size(); ++k) e[k] = {means[k], t.weight(k)};
    auto d = finish(std::move(e), t.total());
    mark_exact(d, t.size(), 0);
    return d;
}

BootstrapDistribution exact_one_sample(std::span<const double> x, const OneSampleStatistic& stat) {
    validate(x, "sample");
    const MultisetTable t(x.size());
    std::vector<double> buffer(x.size());
    Entries e(t.size());
    for (std::size_t k = 0; k < t.size(); ++k) {
        materialize(x, t.counts(k), buffer);
        e[k] = {stat(buffer), t.weight(k)};
    }
    auto d = finish(std::move(e), t.total());
    mark_exact(d, t.size(), 0);
    return d;
}

BootstrapDistribution exact_mean_difference(std::span<const double> a, std::span<const double> b) {
    validate(a, "first sample");
    validate(b, "second sample");
    if (!exact_feasible(a.size(), b.size(), std::numeric_limits<double>::infinity()))
        throw UsageError("bootstrap: two-sample enumeration is too large for these sample sizes");
    const MultisetTable ta(a.size()), tb(b.size());
    const auto ma = multiset_means(a, ta), mb = multiset_means(b, tb);
    Entries e;
    e.reserve(ta.size() * tb.size());
    for (std::size_t k = 0; k < ta.size(); ++k)
        for (std::size_t l = 0; l < tb.size(); ++l) e.emplace_back(ma[k] - mb[l], ta.weight(k) * tb.weight(l));
    auto d = finish(std::move(e), ta.total() * tb.total());
    mark_exact(d, ta.size(), tb.size());
    return d;
}

BootstrapDistribution exact_two_sample(std::span<const double> a, std::span<const double> b,
                                       const TwoSampleStatistic& stat) {
    validate(a, "first sample");
    validate(b, "second sample");
    if (!exact_feasible(a.size(), b.size(), std::numeric_limits<double>::infinity()))
        throw UsageError("bootstrap: two-sample enumeration is too large for these sample sizes");
    const MultisetTable ta(a.size()), tb(b.size());
    std::vector<double> ra(a.size()), rb(b.size());
    Entries e;
    e.reserve(ta.size() * tb.size());
    for (std::size_t k = 0; k < ta.size(); ++k) {
        materialize(a, ta.counts(k), ra);
        for (std::size_t l = 0; l < tb.size(); ++l) {
            materialize(b, tb.counts(l), rb);
            e.emplace_back(stat(ra, rb), ta.weight(k) * tb.weight(l));
        }
    }
    auto d = finish(std::move(e), ta.total() * tb.total());
    mark_exact(d, ta.size(), tb.size());
    return d;
}

BootstrapDistribution monte_carlo_mean(std::span<const double> x, std::uint64_t resamples,
                                       std::uint64_t seed) {
    validate(x, "sample");
    validate_resamples(resamples);
    resample::Rng rng(seed);
    const std::uint64_t n = x.size();
    const double* data = x.data();
    Entries e(resamples);
    for (auto& entry : e) {
        double s = 0.0;
        for (std::uint64_t j = 0; j < n; ++j) s += data[rng.below(n)];
        entry = {s / static_cast<double>(n), 1};
    }
    auto d = finish(std::move(e), resamples);
    mark_monte_carlo(d, resamples, seed);
    return d;
}

BootstrapDistribution monte_carlo_one_sample(std::span<const double> x, const OneSampleStatistic& stat,
                                             std::uint64_t resamples, std::uint64_t seed) {
    validate(x, "sample");
    validate_resamples(resamples);
    resample::Rng rng(seed);
    std::vector<double> buffer(x.size());
    Entries e(resamples);
    for (auto& entry : e) {
        draw(rng, x, buffer);
        entry = {stat(buffer), 1};
    }
    auto d = finish(std::move(e), resamples);
    mark_monte_carlo(d, resamples, seed);
    return d;
}

BootstrapDistribution monte_carlo_mean_difference(std::span<const double> a, std::span<const double> b,
                                                  std::uint64_t resamples, std::uint64_t seed) {
    const auto mean = [](std::span<const double> r) {
        double s = 0.0;
        for (double v : r) s += v;
        return s / static_cast<double>(r.size());
    };
    return monte_carlo_two_sample(
        a, b, [&](std::span<const double> ra, std::span<const double> rb) { return mean(ra) - mean(rb); },
        resamples, seed);
}

BootstrapDistribution monte_carlo_two_sample(std::span<const double> a, std::span<const double> b,
                                             const TwoSampleStatistic& stat, std::uint64_t resamples,
                                             std::uint64_t seed) {
    validate(a, "first sample");
    validate(b, "second sample");
    validate_resamples(resamples);
    resample::Rng rng(seed);
    std::vector<double> ra(a.size()), rb(b.size());
    Entries e(resamples);
    for (auto& entry : e) {
        draw(rng, a, ra);
        draw(rng, b, rb);
        entry = {stat(ra, rb), 1};
    }
    auto d = finish(std::move(e), resamples);
    mark_monte_carlo(d, resamples, seed);
    return d;
}

}  // namespace pilotstat::bootstrap
