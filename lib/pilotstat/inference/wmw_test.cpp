#include "pilotstat/inference/wmw_test.hpp"

#include <vector>

#include "pilotstat/inference/permutation_test.hpp"

namespace pilotstat::inference {

std::optional<WmwResult> wmw_test(std::span<const double> a, std::span<const double> b,
                                  const core::ExactOptions& options) {
    if (a.empty() || b.empty()) return std::nullopt;
    std::vector<double> pooled(a.begin(), a.end());
    pooled.insert(pooled.end(), b.begin(), b.end());
    const std::vector<double> ranks = stats::mid_ranks(pooled);
    const double na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());

    WmwResult r;
    for (std::size_t i = 0; i < a.size(); ++i) r.rank_sum_a += ranks[i];
    r.w = r.rank_sum_a - na * (na + 1.0) / 2.0;
    r.prob_superiority = r.w / (na * nb);
    r.ties = stats::tie_summary(pooled);
    // W = E W + (R_A - E R_A) with E W = n_a n_b / 2: slope 1 in the rank sum.
    r.test = sum_statistic_test(ranks, a.size(), {na * nb / 2.0, 1.0}, options);
    r.test.statistic = r.w;  // same value; taken from the direct sum
    if (r.ties.groups == 1 && r.ties.correction == (na + nb) * (na + nb) * (na + nb) - (na + nb))
        r.test.note = "all values equal";
    return r;
}

}  // namespace pilotstat::inference
