#include "pilotstat/resample/two_sample_dp.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

#include "pilotstat/core/exact_options.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/resample/splits.hpp"
#include "pilotstat/resample/count_rescale.hpp"

namespace pilotstat::resample {

namespace {


struct DpShape {
    int m = 0;                 // subset size actually counted: min(m, N - m)
    bool complement = false;   // counted group B instead of group A
    std::int64_t low = 0;      // smallest score (scores are shifted by it)
    std::int64_t step = 1;     // gcd of the shifted scores (they are divided by it)
    std::int64_t range = 0;    // largest shifted, divided sum of m scores
};

DpShape shape_of(std::span<const std::int64_t> units, int m) {
    const int n = static_cast<int>(units.size());
    DpShape s;
    s.complement = m > n - m;
    s.m = s.complement ? n - m : m;
    if (units.empty()) return s;
    std::vector<std::int64_t> sorted(units.begin(), units.end());
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    s.low = sorted.back();
    // Mid-ranks of two tie groups (0/1 scores: 2 x mid-rank = 521, 1561 at
    // 520 v 520) differ by a large common step: the table shrinks by it.
    std::int64_t g = 0;
    for (auto u : sorted) g = std::gcd(g, u - s.low);
    s.step = g > 0 ? g : 1;
    for (int i = 0; i < s.m; ++i) s.range += (sorted[static_cast<std::size_t>(i)] - s.low) / s.step;
    return s;
}

void check_args(std::span<const std::int64_t> units, int m) {
    if (m < 0 || m > static_cast<int>(units.size()))
        throw ComputeError("subset sums: subset size out of range");
}

}  // namespace

double subset_sum_dp_table(std::span<const std::int64_t> units, int m) {
    check_args(units, m);
    const DpShape s = shape_of(units, m);
    return (s.m + 1.0) * (static_cast<double>(s.range) + 1.0);
}

double subset_sum_dp_cost(std::span<const std::int64_t> units, int m) {
    return static_cast<double>(units.size()) * subset_sum_dp_table(units, m);
}

// counts[j][t]: number of j-subsets of the scores seen so far whose shifted
// sum is t. Adding score u: counts[j][t + u] += counts[j-1][t], j descending
// so that each score is used at most once (the shift algorithm [1]).
std::optional<SubsetSumCounts> subset_sums_by_dp(std::span<const std::int64_t> units, int m,
                                                 double max_cost) {
    check_args(units, m);
    const DpShape s = shape_of(units, m);
    const double cells = (s.m + 1.0) * (static_cast<double>(s.range) + 1.0);
    if (subset_sum_dp_cost(units, m) > max_cost || cells > core::kMaxDpTableCells) return std::nullopt;
    const auto width = static_cast<std::size_t>(s.range) + 1;
    std::vector<double> table(static_cast<std::size_t>(s.m + 1) * width, 0.0);
    auto row = [&](int j) { return table.data() + static_cast<std::size_t>(j) * width; };
    row(0)[0] = 1.0;
    std::int64_t reach = 0;  // largest shifted sum of all scores seen so far
    int seen = 0, log2_scale = 0;
    for (const std::int64_t raw : units) {
        const std::int64_t u = (raw - s.low) / s.step;
        ++seen;
        for (int j = std::min(seen, s.m); j >= 1; --j) {
            const double* from = row(j - 1);
            double* to = row(j);
            const std::int64_t top = std::min(reach, s.range - u);
            for (std::int64_t t = 0; t <= top; ++t) to[t + u] += from[t];
        }
        reach += u;
        if (seen % static_cast<int>(kRescaleEvery) == 0) log2_scale += rescale_counts(table);
    }
    std::int64_t total = 0;
    for (auto u : units) total += u;
    SubsetSumCounts out;
    out.log2_scale = log2_scale;
    const double* last = row(s.m);
    for (std::size_t t = 0; t < width; ++t) {
        if (last[t] == 0.0) continue;
        const std::int64_t sum = static_cast<std::int64_t>(t) * s.step + s.m * s.low;
        out.sums.push_back(s.complement ? total - sum : sum);
        out.counts.push_back(last[t]);
    }
    if (s.complement) {
        std::reverse(out.sums.begin(), out.sums.end());
        std::reverse(out.counts.begin(), out.counts.end());
    }
    return out;
}

SubsetSumCounts subset_sums_by_enumeration(std::span<const std::int64_t> units, int m) {
    check_args(units, m);
    std::vector<std::int64_t> sorted(units.begin(), units.end());
    std::sort(sorted.begin(), sorted.end());
    const auto mm = static_cast<std::size_t>(m);
    const std::int64_t lo = std::accumulate(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(mm), std::int64_t{0});
    const std::int64_t hi = std::accumulate(sorted.end() - static_cast<std::ptrdiff_t>(mm), sorted.end(), std::int64_t{0});
    const double splits = binomial_coefficient(static_cast<int>(units.size()), m);
    const double range = static_cast<double>(hi - lo) + 1.0;
    SubsetSumCounts out;
    if (range <= std::max(std::min(8.0 * splits, 4194304.0), 65536.0)) {
        // Dense tally (at most 32 MB): no allocation inside the loop.
        std::vector<double> tally(static_cast<std::size_t>(hi - lo) + 1, 0.0);
        for_each_subset_sum(units, m, [&](std::int64_t sum) { tally[static_cast<std::size_t>(sum - lo)] += 1.0; });
        for (std::size_t i = 0; i < tally.size(); ++i) {
            if (tally[i] == 0.0) continue;
            out.sums.push_back(lo + static_cast<std::int64_t>(i));
            out.counts.push_back(tally[i]);
        }
        return out;
    }
    // Sparse sums (wide range): collect, sort, count runs.
    std::vector<std::int64_t> all;
    all.reserve(static_cast<std::size_t>(splits));
    for_each_subset_sum(units, m, [&](std::int64_t sum) { all.push_back(sum); });
    std::sort(all.begin(), all.end());
    for (std::size_t i = 0; i < all.size();) {
        std::size_t j = i;
        while (j < all.size() && all[j] == all[i]) ++j;
        out.sums.push_back(all[i]);
        out.counts.push_back(static_cast<double>(j - i));
        i = j;
    }
    return out;
}

}  // namespace pilotstat::resample
