#include "pilotstat/null/sign_flip_dp.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "pilotstat/error.hpp"
#include "pilotstat/resample/count_rescale.hpp"

namespace pilotstat::null {

namespace {
std::int64_t total_units(const IntegerScaling& sc) {
    std::int64_t total = 0;
    for (auto u : sc.units) total += (u < 0 ? -u : u);
    return total;
}

}  // namespace

std::optional<IntegerScaling> sign_flip_scaling(std::span<const double> scores) {
    auto sc = resample::integer_scaling(scores);
    if (!sc) return std::nullopt;
    double scale = 0.0;
    for (double a : scores) scale = std::max(scale, std::fabs(a));
    for (std::size_t i = 0; i < scores.size(); ++i)
        if (std::fabs(static_cast<double>(sc->units[i]) * sc->step - scores[i]) > 1e-9 * scale)
            return std::nullopt;
    return sc;
}

double sign_flip_dp_cells(const IntegerScaling& scaling) {
    return static_cast<double>(scaling.units.size()) * sign_flip_dp_table(scaling);
}

double sign_flip_dp_table(const IntegerScaling& scaling) { return static_cast<double>(total_units(scaling)) + 1.0; }

ExactDistribution sign_flip_dp(const IntegerScaling& scaling, AffineMap map) {
    const std::int64_t U = total_units(scaling);
    if (U > (std::int64_t{1} << 34)) throw ComputeError("sign-flip DP: table too large");
    // count[k] = number of sign vectors whose positive units sum to k;
    // then S = k - (U - k) = 2k - U. In-place 0/1 knapsack, k descending so
    // each observation is used once; u = 0 doubles every count.
    std::vector<double> count(static_cast<std::size_t>(U) + 1, 0.0);
    count[0] = 1.0;
    std::int64_t reach = 0;  // largest k with a nonzero count so far
    int log2_scale = 0;
    std::size_t seen = 0;
    for (auto raw : scaling.units) {
        const std::int64_t u = raw < 0 ? -raw : raw;
        reach += u;
        for (std::int64_t k = reach; k >= u; --k)
            count[static_cast<std::size_t>(k)] += count[static_cast<std::size_t>(k - u)];
        if (++seen % resample::kRescaleEvery == 0) log2_scale += resample::rescale_counts(count);
    }
    std::vector<double> support, weights;
    for (std::int64_t k = 0; k <= U; ++k) {
        const double w = count[static_cast<std::size_t>(k)];
        if (w == 0.0) continue;
        support.push_back(sign_flip_value(2 * k - U, scaling.step, map));
        weights.push_back(w);
    }
    auto dist = ExactDistribution::from_weights(std::move(support), std::move(weights), log2_scale);
    // The total is 2^n exactly; beyond 2^53 the summed weights are not.
    const int n = static_cast<int>(scaling.units.size());
    if (n > 53) dist.set_total_weight(std::ldexp(1.0, n - log2_scale));
    return dist;
}

std::optional<ExactDistribution> sign_flip_dp(std::span<const double> scores, AffineMap map,
                                              double max_cells) {
    auto sc = sign_flip_scaling(scores);
    if (!sc || sign_flip_dp_cells(*sc) > max_cells) return std::nullopt;
    return sign_flip_dp(*sc, map);
}

}  // namespace pilotstat::null
