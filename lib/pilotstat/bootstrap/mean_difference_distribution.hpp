// The exact bootstrap distribution of mean(a*) - mean(b*) over all pairs of
// multisets, kept as its two one-sample margins instead of the 15,876 (5 v 5)
// materialized pairs. It answers exactly the queries the interval methods ask
// -- range, mass at most / below a value, weighted quantile -- with the same
// results, bit for bit, as exact_mean_difference() followed by the functions
// in intervals.hpp, in O(m_a + m_b) per count (m = distinct one-sample means).
//
// Why it is the same: every pair's value is the double a_k - b_l of two
// one-sample means, and rounded subtraction is monotone (non-decreasing in
// a_k, non-increasing in b_l). With both margins sorted, the pairs whose value
// is <= x form a staircase, counted with two pointers; the weighted quantile
// (the smallest value whose cumulative weight reaches p * total) depends only
// on these counts. It is found by bisection on the value until few pairs
// remain in the bracket, which are then listed and ordered.
//
// Header-only so that every program built from bootstrap_distribution.cpp and
// intervals.cpp alone (scripts/coverage/run) still links.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "pilotstat/bootstrap/bootstrap_distribution.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/resample/multisets.hpp"

namespace pilotstat::bootstrap {

class ExactMeanDifference {
public:
    // nullopt when the shortcut cannot promise the materialized result bit
    // for bit: a one-sample mean that is -0.0 or not finite (overflow). Throws
    // as exact_mean_difference() does (empty or non-finite sample; sizes too
    // large to enumerate).
    static std::optional<ExactMeanDifference> make(std::span<const double> a, std::span<const double> b);

    double front() const noexcept;  // smallest value
    double back() const noexcept;   // largest value
    std::uint64_t total() const noexcept { return total_; }  // n_a^n_a n_b^n_b
    std::uint64_t resamples() const noexcept { return resamples_; }  // multiset pairs
    const std::string& label() const noexcept { return label_; }

    // Total weight of the pairs whose value is <= x (at_most) or < x (below).
    std::uint64_t weight_at_most(double x) const;
    std::uint64_t weight_below(double x) const;

    // The smallest value v with double(weight_at_most(v)) >= threshold; the
    // largest value if there is none. With threshold = p * total * (1 - 1e-14)
    // this is weighted_quantile(exact_mean_difference(a, b), p).
    double quantile_at(double threshold) const;

private:
    struct Margin {
        std::vector<double> value;          // distinct one-sample means, ascending
        std::vector<std::uint64_t> weight;  // summed multinomial weights
    };
    ExactMeanDifference() = default;

    // first[k] = the first l with a_k - b_l <= x (strict: < x); the pairs of
    // row k counted are l >= first[k]. Returns their total weight.
    std::uint64_t staircase(double x, bool strict, std::vector<std::uint32_t>& first) const;
    std::size_t pairs_between(const std::vector<std::uint32_t>& low, const std::vector<std::uint32_t>& high) const;

    Margin a_, b_;
    std::vector<std::uint64_t> b_suffix_;  // b_suffix_[l] = sum of b weights at l and beyond
    std::uint64_t total_ = 0;
    std::uint64_t resamples_ = 0;
    std::string label_;
};



namespace detail {

// Bisection stops when the bracket holds at most this many (merged) pairs;
// they are then listed and ordered.
inline constexpr std::size_t kListPairs = 64;
// ... or when the bracket is this narrow relative to the largest |value|: the
// pairs left are values equal up to rounding (integer data give many), listed
// likewise. Bounds the bisection at about 40 halvings.
inline constexpr double kNarrow = 1e-12;

inline void validate_sample(std::span<const double> x, const char* what) {
    if (x.empty()) throw UsageError(std::string("bootstrap: ") + what + " has no observations");
    for (double v : x)
        if (!std::isfinite(v)) throw DataError(std::string("bootstrap: ") + what + " has a non-finite value");
}

// One sample's multiset means, merged by value (ascending) with summed
// weights; false when a mean is -0.0 or not finite.
template <class Margin>
bool make_margin(std::span<const double> x, const resample::MultisetTable& t, Margin& m) {
    const auto means = multiset_means(x, t);
    std::vector<std::uint32_t> order(means.size());
    std::iota(order.begin(), order.end(), 0u);
    for (double v : means)
        if (!std::isfinite(v) || (v == 0.0 && std::signbit(v))) return false;
    std::sort(order.begin(), order.end(), [&](std::uint32_t i, std::uint32_t j) { return means[i] < means[j]; });
    for (std::uint32_t i : order) {
        if (!m.value.empty() && m.value.back() == means[i]) {
            m.weight.back() += t.weight(i);
        } else {
            m.value.push_back(means[i]);
            m.weight.push_back(t.weight(i));
        }
    }
    return true;
}

}  // namespace detail

inline std::optional<ExactMeanDifference> ExactMeanDifference::make(std::span<const double> a, std::span<const double> b) {
    detail::validate_sample(a, "first sample");
    detail::validate_sample(b, "second sample");
    if (!exact_feasible(a.size(), b.size(), std::numeric_limits<double>::infinity()))
        throw UsageError("bootstrap: two-sample enumeration is too large for these sample sizes");
    const resample::MultisetTable ta(a.size()), tb(b.size());
    ExactMeanDifference d;
    if (!detail::make_margin(a, ta, d.a_) || !detail::make_margin(b, tb, d.b_)) return std::nullopt;
    // The difference of two finite means can still overflow: refuse then.
    if (!std::isfinite(d.back()) || !std::isfinite(d.front())) return std::nullopt;
    d.b_suffix_.assign(d.b_.value.size() + 1, 0);
    for (std::size_t l = d.b_.value.size(); l-- > 0;) d.b_suffix_[l] = d.b_suffix_[l + 1] + d.b_.weight[l];
    d.total_ = ta.total() * tb.total();
    d.resamples_ = static_cast<std::uint64_t>(ta.size()) * tb.size();
    d.label_ = exact_label(ta.size(), tb.size());
    return d;
}

inline double ExactMeanDifference::front() const noexcept { return a_.value.front() - b_.value.back(); }
inline double ExactMeanDifference::back() const noexcept { return a_.value.back() - b_.value.front(); }

inline std::uint64_t ExactMeanDifference::staircase(double x, bool strict, std::vector<std::uint32_t>& first) const {
    const std::size_t ma = a_.value.size(), mb = b_.value.size();
    first.resize(ma);
    const double* bv = b_.value.data();
    std::uint64_t w = 0;
    std::size_t l = 0;
    for (std::size_t k = 0; k < ma; ++k) {
        const double ak = a_.value[k];
        // Row k's values fall as l rises; the counted pairs are a suffix, and
        // it only shrinks as a_k rises, so l never moves back.
        if (strict) {
            while (l < mb && !(ak - bv[l] < x)) ++l;
        } else {
            while (l < mb && !(ak - bv[l] <= x)) ++l;
        }
        first[k] = static_cast<std::uint32_t>(l);
        w += a_.weight[k] * b_suffix_[l];
    }
    return w;
}

inline std::size_t ExactMeanDifference::pairs_between(const std::vector<std::uint32_t>& low,
                                               const std::vector<std::uint32_t>& high) const {
    std::size_t count = 0;
    for (std::size_t k = 0; k < low.size(); ++k) count += low[k] - high[k];
    return count;
}

inline std::uint64_t ExactMeanDifference::weight_at_most(double x) const {
    std::vector<std::uint32_t> first;
    return staircase(x, false, first);
}

inline std::uint64_t ExactMeanDifference::weight_below(double x) const {
    std::vector<std::uint32_t> first;
    return staircase(x, true, first);
}

inline double ExactMeanDifference::quantile_at(double threshold) const {
    double lo = front(), hi = back();
    const double narrow = detail::kNarrow * std::max(std::fabs(lo), std::fabs(hi));
    std::vector<std::uint32_t> first_lo, first_hi, first_mid;
    const std::uint64_t w_min = staircase(lo, false, first_lo);
    if (static_cast<double>(w_min) >= threshold) return lo;
    if (!(static_cast<double>(total_) >= threshold)) return hi;  // also a NaN threshold
    // Invariant: weight(<= lo) < threshold <= weight(<= hi); the answer is a
    // value in (lo, hi]. first_hi for hi = the largest value: every pair.
    std::uint64_t w_lo = w_min;
    first_hi.assign(a_.value.size(), 0);
    while (pairs_between(first_lo, first_hi) > detail::kListPairs) {
        const double mid = lo / 2 + hi / 2;
        if (!(mid > lo && mid < hi)) break;
        if (hi - lo <= narrow) break;
        const std::uint64_t w_mid = staircase(mid, false, first_mid);
        if (static_cast<double>(w_mid) >= threshold) {
            hi = mid;
            first_hi.swap(first_mid);
        } else {
            lo = mid;
            w_lo = w_mid;
            first_lo.swap(first_mid);
        }
    }
    // The pairs with value in (lo, hi], ascending; the first at which the
    // cumulative weight reaches the threshold is the answer (within a run of
    // equal values, which pair crosses does not matter: the value is the same).
    std::vector<std::pair<double, std::uint64_t>> pairs;
    pairs.reserve(pairs_between(first_lo, first_hi));
    for (std::size_t k = 0; k < a_.value.size(); ++k)
        for (std::uint32_t l = first_hi[k]; l < first_lo[k]; ++l)
            pairs.emplace_back(a_.value[k] - b_.value[l], a_.weight[k] * b_.weight[l]);
    std::sort(pairs.begin(), pairs.end());
    std::uint64_t cumulative = w_lo;
    for (const auto& [v, w] : pairs) {
        cumulative += w;
        if (static_cast<double>(cumulative) >= threshold) return v;
    }
    return hi;  // not reached: weight(<= hi) >= threshold
}

}  // namespace pilotstat::bootstrap
