#include "pilotstat/null/p_floor.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace pilotstat::null {

double design_floor_paired(std::size_t n, core::Alternative alternative) {
    // 2^-n exactly (a power of two is exact down to 2^-1074; below that the
    // nearest double is 0).
    const double one_sided = std::ldexp(1.0, -static_cast<int>(std::min<std::size_t>(n, 2000)));
    return alternative == core::Alternative::two_sided ? std::min(1.0, 2.0 * one_sided) : one_sided;
}

double design_floor_two_sample(std::size_t n_a, std::size_t n_b, core::Alternative alternative) {
    // 1 / C(N, k) via lgamma: exact enough (relative 1e-13) and never overflows.
    const double n = static_cast<double>(n_a + n_b), k = static_cast<double>(std::min(n_a, n_b));
    const double log_c = std::lgamma(n + 1) - std::lgamma(k + 1) - std::lgamma(n - k + 1);
    double one_sided = std::exp(-log_c);
    if (n_a + n_b <= 60) {  // exact integer C(N, k) where it fits in a double's 53 bits
        double c = 1.0;
        for (std::size_t i = 1; i <= std::min(n_a, n_b); ++i)
            c = c * static_cast<double>(n_a + n_b - std::min(n_a, n_b) + i) / static_cast<double>(i);
        one_sided = 1.0 / std::nearbyint(c);
    }
    return alternative == core::Alternative::two_sided ? std::min(1.0, 2.0 * one_sided) : one_sided;
}

double design_floor_permutation(std::size_t n_a, std::size_t n_b, core::Alternative alternative, core::TwoSidedRule rule) {
    if (alternative == core::Alternative::two_sided && rule == core::TwoSidedRule::deviation && n_a != n_b)
        return design_floor_two_sample(n_a, n_b, core::Alternative::less);
    return design_floor_two_sample(n_a, n_b, alternative);
}

double monte_carlo_floor(std::uint64_t resamples) { return 1.0 / (static_cast<double>(resamples) + 1.0); }

}  // namespace pilotstat::null
