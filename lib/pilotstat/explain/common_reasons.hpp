// Reasons shared by within-group and between-group results. Each returns
// nullopt when its rule does not fire (docs/explain.md gives every rule).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pilotstat/data/study.hpp"
#include "pilotstat/core/interval.hpp"
#include "pilotstat/explain/reason.hpp"

namespace pilotstat::explain {

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
std::optional<Reason> wide_interval_reason(const core::Interval& std_ci, const std::string& std_name);

}  // namespace pilotstat::explain
