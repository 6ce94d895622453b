#include "pilotstat/power/sensitivity.hpp"

#include <cmath>

#include "pilotstat/error.hpp"

namespace pilotstat::power {

Sensitivity t_sensitivity(const PowerSettings& s, int n, double observed, double target_power) {
    if (!std::isfinite(observed)) throw UsageError("observed effect must be a finite number");
    Sensitivity out;
    out.target_power = target_power;
    out.min_effect = t_min_effect(s, n, target_power).value_or(0.0);  // always found for alpha < power < 1
    out.power_at_observed = t_power(s, n, observed);
    out.n_needed = t_sample_size(s, observed, target_power);
    return out;
}

}  // namespace pilotstat::power
