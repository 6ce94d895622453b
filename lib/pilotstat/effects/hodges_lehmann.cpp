#include "pilotstat/effects/hodges_lehmann.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "pilotstat/stats/descriptive.hpp"
#include "pilotstat/stats/ranks.hpp"

namespace pilotstat::effects {

std::vector<double> mann_whitney_counts(int na, int nb) {
    // Walk the pooled sample in increasing order; placing an A-member after
    // i - j B-members adds i - j pairs to U. dp[j][u]: j A-members placed so far.
    const auto width = static_cast<std::size_t>(na) * static_cast<std::size_t>(nb) + 1;
    std::vector<std::vector<double>> dp(static_cast<std::size_t>(na) + 1, std::vector<double>(width, 0.0));
    dp[0][0] = 1.0;
    for (int i = 0; i < na + nb; ++i) {
        // Descending j so that dp[j - 1] is still the state before position i.
        for (int j = std::min(i + 1, na); j >= 1; --j) {
            const int bs_before = i - (j - 1);
            if (bs_before > nb) continue;
            auto& to = dp[static_cast<std::size_t>(j)];
            const auto& from = dp[static_cast<std::size_t>(j - 1)];
            for (std::size_t u = width; u-- > static_cast<std::size_t>(bs_before);)
                to[u] += from[u - static_cast<std::size_t>(bs_before)];
        }
    }
    return dp[static_cast<std::size_t>(na)];
}

namespace {

// R's qwilcox(p, na, nb) for p <= 0.5: smallest q with P(U <= q) >= p, with
// R's fuzz of 10 DBL_EPSILON.
int wilcox_quantile(const std::vector<double>& counts, double total, double p) {
    const double target = p - 10 * DBL_EPSILON;
    double cum = 0.0;
    for (std::size_t q = 0; q < counts.size(); ++q) {
        cum += counts[q] / total;
        if (cum >= target) return static_cast<int>(q);
    }
    return static_cast<int>(counts.size()) - 1;
}

double median_sorted(const std::vector<double>& d) {
    const std::size_t n = d.size();
    return n % 2 == 1 ? d[n / 2] : (d[n / 2 - 1] + d[n / 2]) / 2.0;
}

}  // namespace

std::optional<HodgesLehmann> hodges_lehmann(std::span<const double> a, std::span<const double> b,
                                            double conf) {
    if (a.empty() || b.empty() || !stats::all_finite(a) || !stats::all_finite(b) || !(conf > 0.0 && conf < 1.0))
        return std::nullopt;
    std::vector<double> diffs;
    diffs.reserve(a.size() * b.size());
    for (double x : a)
        for (double y : b) diffs.push_back(x - y);
    std::sort(diffs.begin(), diffs.end());

    const int na = static_cast<int>(a.size()), nb = static_cast<int>(b.size());
    const auto counts = mann_whitney_counts(na, nb);
    double total = 0.0;
    for (double c : counts) total += c;
    int k = wilcox_quantile(counts, total, (1.0 - conf) / 2.0);
    if (k == 0) k = 1;
    const int upper = na * nb - k;  // 0-based index of D(na nb - k + 1)
    double below = 0.0;             // P(U <= k - 1)
    for (int u = 0; u < k; ++u) below += counts[static_cast<std::size_t>(u)] / total;

    HodgesLehmann r;
    r.estimate = median_sorted(diffs);
    r.ci.low = diffs[static_cast<std::size_t>(k - 1)];
    r.ci.high = diffs[static_cast<std::size_t>(upper)];
    r.ci.conf = conf;
    r.ci.method = "exact wilcoxon inversion";
    r.achieved_conf = 1.0 - 2.0 * below;
    std::vector<double> pooled(a.begin(), a.end());
    pooled.insert(pooled.end(), b.begin(), b.end());
    r.ties = stats::tie_summary(pooled).groups > 0;
    return r;
}

}  // namespace pilotstat::effects
