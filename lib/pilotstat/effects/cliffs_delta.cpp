#include "pilotstat/effects/cliffs_delta.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "pilotstat/bootstrap/bootstrap_distribution.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/resample/multisets.hpp"

namespace pilotstat::effects {

namespace {

constexpr double kTieTolerance = 1e-9;  // relative, as stats::mid_ranks

// The tie tolerance of the original data; resamples reuse it so that a pair
// ties in every resample exactly when it ties in the data.
double tolerance_for(std::span<const double> a, std::span<const double> b) {
    double scale = 0.0;
    for (double v : a) scale = std::max(scale, std::fabs(v));
    for (double v : b) scale = std::max(scale, std::fabs(v));
    return kTieTolerance * std::max(scale, 1e-300);
}

double delta(std::span<const double> a, std::span<const double> b, double tol) {
    long long dominance = 0;  // #(a > b) - #(a < b)
    for (double x : a)
        for (double y : b) dominance += static_cast<int>(x - y > tol) - static_cast<int>(y - x > tol);
    return static_cast<double>(dominance) / (static_cast<double>(a.size()) * static_cast<double>(b.size()));
}

void check_finite(std::span<const double> x) {
    for (double v : x)
        if (!std::isfinite(v)) throw DataError("cliff's delta: a sample has a non-finite value");
}

// Leave-one-out deltas: each observation of a left out (b intact), then of b.
bootstrap::Jackknife jackknife(std::span<const double> a, std::span<const double> b, double tol) {
    bootstrap::Jackknife jk;
    std::vector<double> rest;
    for (std::size_t i = 0; i < a.size(); ++i) {
        rest.assign(a.begin(), a.end());
        rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(i));
        jk.first.push_back(delta(rest, b, tol));
    }
    for (std::size_t j = 0; j < b.size(); ++j) {
        rest.assign(b.begin(), b.end());
        rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(j));
        jk.second.push_back(delta(a, rest, tol));
    }
    return jk;
}

// Observations whose sign patterns are identical (an a_i with the same sign
// against every b_j; a b_j with the same sign against every a_i) are
// interchangeable in the dominance count; class[i] numbers them 0, 1, ...
// in order of first appearance. Returns the number of classes.
std::size_t classes(std::size_t count, std::size_t stride, std::size_t step, const std::vector<int>& sign,
                    std::size_t length, std::vector<std::size_t>& cls) {
    cls.assign(count, 0);
    std::vector<std::size_t> first;  // a representative of each class
    for (std::size_t i = 0; i < count; ++i) {
        std::size_t c = 0;
        for (; c < first.size(); ++c) {
            bool same = true;
            for (std::size_t j = 0; same && j < length; ++j)
                same = sign[i * stride + j * step] == sign[first[c] * stride + j * step];
            if (same) break;
        }
        if (c == first.size()) first.push_back(i);
        cls[i] = c;
    }
    return first.size();
}

// The multisets of one sample reduced to their per-class counts, equal
// vectors merged with summed weights; vectors stored flat, `width` each.
struct ClassCounts {
    std::vector<long long> counts;
    std::vector<std::uint64_t> weights;
};

ClassCounts class_counts(const resample::MultisetTable& t, const std::vector<std::size_t>& cls, std::size_t width) {
    // Key: the class counts as digits base n + 1 (n <= 15, width <= n: < 2^64).
    const std::uint64_t base = t.n() + 1;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> keyed(t.size());
    std::vector<std::uint64_t> digits(width);
    for (std::size_t k = 0; k < t.size(); ++k) {
        std::fill(digits.begin(), digits.end(), 0);
        const auto c = t.counts(k);
        for (std::size_t i = 0; i < c.size(); ++i) digits[cls[i]] += c[i];
        std::uint64_t key = 0;
        for (std::size_t d = width; d-- > 0;) key = key * base + digits[d];
        keyed[k] = {key, t.weight(k)};
    }
    std::sort(keyed.begin(), keyed.end());
    ClassCounts out;
    for (std::size_t k = 0; k < keyed.size(); ++k) {
        if (k > 0 && keyed[k].first == keyed[k - 1].first) {
            out.weights.back() += keyed[k].second;
            continue;
        }
        std::uint64_t key = keyed[k].first;
        for (std::size_t d = 0; d < width; ++d, key /= base) out.counts.push_back(static_cast<long long>(key % base));
        out.weights.push_back(keyed[k].second);
    }
    return out;
}

// The exact bootstrap distribution of delta over all pairs of multisets,
// tallied by dominance count. For count vectors c (of a) and e (of b) the
// resample's dominance is sum_i sum_j c_i e_j s_ij, s_ij = sign(a_i - b_j)
// with the tie tolerance -- the integer delta() counts on the materialized
// resamples, so the value is the same double, dominance / (n_a n_b). Rows
// (columns) of s that are identical are merged into classes, so only the
// per-class counts of each multiset matter; multisets with equal class
// counts are merged first (5 v 5 with three classes a side: 21 x 21 instead
// of 126 x 126 pairs). Equal values are merged; interval results depend only
// on the mass at or below each value, so they equal those over
// bootstrap::exact_two_sample(a, b, delta).
bootstrap::BootstrapDistribution exact_delta_distribution(std::span<const double> a, std::span<const double> b,
                                                          double tol) {
    if (!bootstrap::exact_feasible(a.size(), b.size(), std::numeric_limits<double>::infinity()))
        throw UsageError("bootstrap: two-sample enumeration is too large for these sample sizes");
    const resample::MultisetTable ta(a.size()), tb(b.size());
    const std::size_t na = a.size(), nb = b.size();
    std::vector<int> sign(na * nb);
    for (std::size_t i = 0; i < na; ++i)
        for (std::size_t j = 0; j < nb; ++j)
            sign[i * nb + j] = static_cast<int>(a[i] - b[j] > tol) - static_cast<int>(b[j] - a[i] > tol);
    std::vector<std::size_t> row_class, col_class;
    const std::size_t rows = classes(na, nb, 1, sign, nb, row_class);
    const std::size_t cols = classes(nb, 1, nb, sign, na, col_class);
    std::vector<long long> merged(rows * cols, 0);  // the sign of each (row class, column class)
    for (std::size_t i = 0; i < na; ++i)
        for (std::size_t j = 0; j < nb; ++j) merged[row_class[i] * cols + col_class[j]] = sign[i * nb + j];
    const auto ca = class_counts(ta, row_class, rows), cb = class_counts(tb, col_class, cols);
    // Per distinct b vector E: t = S' E (one entry per row class).
    const std::size_t mb = cb.weights.size();
    std::vector<long long> t(mb * rows, 0);
    for (std::size_t l = 0; l < mb; ++l)
        for (std::size_t r = 0; r < rows; ++r)
            for (std::size_t c = 0; c < cols; ++c) t[l * rows + r] += merged[r * cols + c] * cb.counts[l * cols + c];
    const auto extent = static_cast<long long>(na * nb);  // |dominance| <= n_a n_b
    std::vector<std::uint64_t> tally(static_cast<std::size_t>(2 * extent + 1), 0);
    for (std::size_t k = 0; k < ca.weights.size(); ++k) {
        const long long* c = ca.counts.data() + k * rows;
        const std::uint64_t wa = ca.weights[k];
        for (std::size_t l = 0; l < mb; ++l) {
            const long long* tl = t.data() + l * rows;
            long long dominance = 0;
            for (std::size_t r = 0; r < rows; ++r) dominance += c[r] * tl[r];
            tally[static_cast<std::size_t>(dominance + extent)] += wa * cb.weights[l];
        }
    }
    std::vector<double> values;
    std::vector<std::uint64_t> weights;
    const double pairs = static_cast<double>(na) * static_cast<double>(nb);
    for (std::size_t v = 0; v < tally.size(); ++v) {
        if (tally[v] == 0) continue;
        values.push_back(static_cast<double>(static_cast<long long>(v) - extent) / pairs);
        weights.push_back(tally[v]);
    }
    return bootstrap::exact_from_tally(std::move(values), std::move(weights), ta.total() * tb.total(), ta.size(),
                                       tb.size());
}

}  // namespace

std::optional<double> cliffs_delta(std::span<const double> a, std::span<const double> b) {
    check_finite(a);
    check_finite(b);
    if (a.empty() || b.empty()) return std::nullopt;
    return delta(a, b, tolerance_for(a, b));
}

bootstrap::BootstrapInterval cliffs_delta_interval(std::span<const double> a, std::span<const double> b,
                                                   const bootstrap::BootstrapOptions& options) {
    const auto estimate = cliffs_delta(a, b);
    if (a.size() < 2 || b.size() < 2) {
        bootstrap::BootstrapInterval r;
        r.estimate = estimate;
        r.note = bootstrap::IntervalNote::too_few_observations;
        return r;
    }
    const double tol = tolerance_for(a, b);
    const auto stat = [tol](std::span<const double> ra, std::span<const double> rb) { return delta(ra, rb, tol); };
    const auto dist = bootstrap::exact_feasible(a.size(), b.size(), options.max_exact)
                          ? exact_delta_distribution(a, b, tol)
                          : bootstrap::monte_carlo_two_sample(a, b, stat, options.resamples, options.seed);
    const bootstrap::IntervalInputs inputs{*estimate, jackknife(a, b, tol), std::min(a.size(), b.size())};
    return bootstrap::interval_from(dist, inputs, options.method, options.conf);
}

}  // namespace pilotstat::effects
