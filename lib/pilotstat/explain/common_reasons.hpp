// Reasons shared by within-group and between-group results. Each returns
// nullopt when its rule does not fire (docs/explain.md gives every rule).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pilotstat/data/study.hpp"
#include "pilotstat/effects/interval.hpp"
#include "pilotstat/explain/reason.hpp"
#include "pilotstat/inference/test_result.hpp"
#include "pilotstat/power/t_power.hpp"

namespace pilotstat::explain {

// The exact test's discreteness at this size.
struct FloorInfo {
    std::string test;          // "exact sign-flip test"
    std::string size;          // "5 pairs", "5 v 5"
    std::string unit;          // "sign patterns", "splits"
    double design_floor = 0;   // smallest p any data of this size could give
    double data_floor = 0;     // smallest p attainable with these data's ties and zeros
    double arrangements = 0;   // 2^n or C(N, n_a)
    double p = 1;              // observed p
};
// Fires when the floor is >= alpha (no data of this size could be
// significant), or when at most 10 attainable p-values lie below alpha, or
// when ties/zeros raise the attainable floor to >= alpha.
std::optional<Reason> p_floor_reason(const FloorInfo& f, double alpha);

// Fires when the interval contains 0. `what`: "mean change", "difference in
// mean change"; `sd` converts points to standardized units (0 = unknown).
std::optional<Reason> ci_spans_reason(const effects::Interval& ci, const std::string& what,
                                      const std::string& method, double sd, const std::string& std_name);

// Fires when not significant and the observed standardized effect is below
// the t test's minimal detectable effect at `settings.power` for this n.
// `n`: pairs (paired) or per arm (two-sample; the harmonic mean for unequal arms).
std::optional<Reason> underpowered_reason(power::Design design, double n, double observed, double sd_points,
                                          inference::Alternative alternative, const Settings& settings,
                                          const std::string& std_name, bool exact_test_powerless);

// Fires when significant unadjusted but not after adjustment.
std::optional<Reason> multiplicity_reason(double p_raw, double p_adjusted, double alpha, const std::string& method,
                                          std::size_t family_size, const std::string& family);

// Fires when subjects were left out for missing scores.
std::optional<Reason> missing_reason(std::size_t missing, std::size_t used, const std::string& what);

// Fires when scores sit at the instrument's minimum or maximum.
std::optional<Reason> floor_ceiling_reason(const data::Study& study, std::size_t measure,
                                           const std::vector<double>& scores);

// Always for a within-group change.
Reason no_control_reason(const std::string& group);

// Fires for significant results whose standardized interval is wider than 1 SD.
std::optional<Reason> wide_interval_reason(const effects::Interval& std_ci, const std::string& std_name);

}  // namespace pilotstat::explain
