// Sensitivity of a study as run, for the UNDERPOWERED reason: at
// the design's n, the minimal detectable standardized effect at the target
// power, the power against the observed effect, and the n that would detect
// the observed effect with the target power. t-based (t_power.hpp) and cheap;
// use permutation_power.hpp for the exact tests' (simulated) figures.
#pragma once

#include <optional>

#include "pilotstat/power/t_power.hpp"

namespace pilotstat::power {

struct Sensitivity {
    double target_power = 0.8;
    double min_effect = 0.0;            // |effect| detectable with target power at n (sign of the alternative)
    double power_at_observed = 0.0;     // power of the t test if the true effect were the observed one
    std::optional<SampleSize> n_needed;  // n (pairs / per arm) to detect the observed effect; nullopt when
                                         // it is 0, against the alternative, or needs more than 10^7
};

// `observed` is the standardized effect seen (dz or d, signed). Throws
// UsageError for n < 2, invalid alpha, or target_power not in (alpha, 1).
Sensitivity t_sensitivity(const PowerSettings& s, int n, double observed, double target_power = 0.8);

}  // namespace pilotstat::power
