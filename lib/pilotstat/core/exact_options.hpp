// Options shared by every permutation-type test: which alternative, which
// two-sided rule, and the cost limits that choose the null distribution's
// provider: enumeration when the arrangements are few enough,
// else shift/DP when the scores are integers after scaling and the table is
// small enough, else Monte Carlo with B resamples from the project's RNG.
#pragma once

#include <cmath>
#include <cstdint>

#include "pilotstat/core/test_result.hpp"
#include "pilotstat/core/seed.hpp"

namespace pilotstat::core {

struct ExactOptions {
    Alternative alternative = Alternative::two_sided;
    TwoSidedRule two_sided_rule = TwoSidedRule::deviation;
    // Enumerate when arrangements <= this: 12 v 12 (2.7e6 splits) and paired
    // n <= 22 enumerate; beyond, integer-scaled data go to DP (also exact) and
    // only continuous data to Monte Carlo.
    double max_enumeration = 5.0e6;
    double max_dp_cells = 2.0e8;         // DP when (states x steps) <= this
    std::uint64_t resamples = 100000;    // Monte Carlo B (--resamples)
    std::uint64_t seed = kDefaultSeed;  // --seed
};

// Monte Carlo p-value with the +1 correction that keeps it a valid p-value:
// p = (k + 1) / (B + 1) (Davison & Hinkley 1997, eq. 4.11; Phipson & Smyth
// 2010), standard error sqrt(p (1 - p) / B). p_floor = 1 / (B + 1).
inline void finish_monte_carlo(TestResult& r, double k, std::uint64_t B, std::uint64_t seed) {
    const double b = static_cast<double>(B);
    r.method = Method::monte_carlo;
    r.arrangements = b;
    r.count_extreme = k;
    r.p_value = (k + 1.0) / (b + 1.0);
    r.p_floor = 1.0 / (b + 1.0);
    r.mc_se = r.p_value * (1.0 - r.p_value) / b;
    *r.mc_se = std::sqrt(*r.mc_se);
    r.seed = seed;
}

}  // namespace pilotstat::core
