#include "pilotstat/stats/ranks.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace pilotstat::stats {

namespace {
double tie_tolerance(std::span<const double> x) {
    double scale = 0.0;
    for (double v : x) scale = std::max(scale, std::fabs(v));
    return 1e-9 * scale;
}

// Calls f(begin, end) for each run of tied values in sorted order.
template <class F>
void for_each_tie_run(std::span<const double> x, const std::vector<std::size_t>& order, F f) {
    const double tol = tie_tolerance(x);
    std::size_t i = 0;
    while (i < order.size()) {
        std::size_t j = i + 1;
        while (j < order.size() && x[order[j]] - x[order[i]] <= tol) ++j;
        f(i, j);
        i = j;
    }
}

std::vector<std::size_t> sorted_order(std::span<const double> x) {
    std::vector<std::size_t> order(x.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return x[a] < x[b]; });
    return order;
}
}  // namespace

std::vector<double> mid_ranks(std::span<const double> x) {
    const auto order = sorted_order(x);
    std::vector<double> ranks(x.size());
    for_each_tie_run(x, order, [&](std::size_t i, std::size_t j) {
        const double r = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
        for (std::size_t k = i; k < j; ++k) ranks[order[k]] = r;
    });
    return ranks;
}

TieSummary tie_summary(std::span<const double> x) {
    const auto order = sorted_order(x);
    TieSummary s;
    for_each_tie_run(x, order, [&](std::size_t i, std::size_t j) {
        const double t = static_cast<double>(j - i);
        if (t > 1) {
            ++s.groups;
            s.correction += t * t * t - t;
        }
    });
    return s;
}

}  // namespace pilotstat::stats
