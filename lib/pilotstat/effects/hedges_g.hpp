// Standardized mean difference between two independent groups: Cohen's d
// with the pooled SD, Hedges' g with the exact small-sample correction, and
// the noncentral-t confidence interval for g.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "pilotstat/core/interval.hpp"

namespace pilotstat::effects {

struct StandardizedDifference {
    double mean_difference = 0.0;  // mean(A) - mean(B)
    double pooled_sd = 0.0;        // sqrt(((na-1) sa^2 + (nb-1) sb^2) / (na + nb - 2))
    double df = 0.0;               // na + nb - 2
    double cohens_d = 0.0;         // mean_difference / pooled_sd
    double j = 0.0;                // Hedges' exact J(df)
    double hedges_g = 0.0;         // J * d
    std::optional<core::Interval> d_ci;  // noncentral-t interval for d (no J)
    std::optional<core::Interval> g_ci;  // the same limits times J (effectsize's g interval)
};

struct HedgesGResult {
    std::optional<StandardizedDifference> value;  // nullopt when degenerate
    // Machine-readable reason when value or an interval is missing:
    // "group with fewer than 2 values", "pooled sd is zero", "non-finite value",
    // "noncentral-t interval not found".
    std::string note;
};

// Cohen's d = (mean(A) - mean(B)) / s_pooled (sign: A - B) and Hedges'
// g = J(df) d with the exact J(df) = Γ(df/2) / (sqrt(df/2) Γ((df-1)/2)),
// df = na + nb - 2 [1, 2]. Interval: t = d / sqrt(1/na + 1/nb) is noncentral t
// with df degrees of freedom; the ncp interval [3] is scaled back by
// sqrt(1/na + 1/nb) and, for g, multiplied by J — as R's effectsize::hedges_g
// (0.8.3), which finds the same ncp limits by optim (to ~1e-6).
// Two-sided interval of level `conf` in (0, 1).
// Degenerate input (a group with n < 2, pooled SD 0, non-finite values) gives
// no value and a note; the library never returns NaN.
// [1] Hedges L.V. (1981). J. Educ. Stat. 6(2), 107-128.
// [2] Hedges L.V., Olkin I. (1985). Statistical Methods for Meta-Analysis, ch. 5.
// [3] Steiger J.H., Fouladi R.T. (1997). Noncentrality interval estimation ...
HedgesGResult hedges_g(std::span<const double> a, std::span<const double> b, double conf = 0.95);

}  // namespace pilotstat::effects
