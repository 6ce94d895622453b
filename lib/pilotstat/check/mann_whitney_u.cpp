#include "pilotstat/check/mann_whitney_u.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace pilotstat::check {

double mann_whitney_u_p(std::int64_t u, std::int64_t n1, std::int64_t n2, int tails) {
    if (n1 < 1 || n2 < 1 || n1 + n2 > kMaxUGroups)
        throw std::invalid_argument("U needs group sizes n1, n2 >= 1 with n1 + n2 <= 100");
    if (u < 0 || u > n1 * n2) throw std::invalid_argument("U must lie between 0 and n1*n2");
    const auto m = static_cast<std::size_t>(std::min(n1, n2));
    const auto N = static_cast<std::size_t>(n1 + n2);
    const auto cells = static_cast<std::size_t>(n1 * n2) + 1;
    // count[k][v]: ways to put k of the first j ranks in the smaller group with U = v, where a
    // rank joining it as its k-th member adds (j - k) (the other group's members below it).
    // Additions only, so the counts stay exact to double rounding (no cancellation).
    std::vector<std::vector<double>> count(m + 1, std::vector<double>(cells, 0.0));
    count[0][0] = 1;
    for (std::size_t j = 1; j <= N; ++j)
        for (std::size_t k = std::min(j, m); k >= 1; --k) {
            const std::size_t add = j - k;
            if (add > N - m) continue;  // more of the larger group below than it has
            for (std::size_t v = cells - 1; v + 1 > add; --v) count[k][v] += count[k - 1][v - add];
        }
    const auto& dist = count[m];
    double total = 0, lower = 0;
    const auto tail = static_cast<std::size_t>(std::min(u, n1 * n2 - u));
    for (std::size_t v = 0; v < cells; ++v) {
        total += dist[v];
        if (v <= tail) lower += dist[v];
    }
    return std::min(1.0, tails * lower / total);
}

}  // namespace pilotstat::check
