// DESIGN_SENSITIVITY: the smallest true effect the row's primary exact test
// detects with `Settings::power` at these arm sizes, alpha and alternative
// (by simulation, exact_sensitivity.hpp), beside the t test it is usually
// approximated by (t-based, power/sensitivity.hpp). A property of the design,
// never of the observed effect (Hoenig & Heisey 2001); no observed power, no
// "n needed to detect the observed effect" — sizing the main trial is
// `pilotstat plan`'s job, from the MCID (Kraemer et al. 2006; Leon, Davis &
// Kraemer 2011).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "pilotstat/core/test_result.hpp"
#include "pilotstat/explain/exact_sensitivity.hpp"
#include "pilotstat/explain/knowledge.hpp"
#include "pilotstat/explain/reason.hpp"
#include "pilotstat/power/sensitivity.hpp"

namespace pilotstat::explain {

struct SensitivityInput {
    std::string test;           // the primary test: "exact sign-flip test"
    std::string size;           // "5 pairs", "5 v 5"
    std::string t_name;         // the t test it is compared with: "paired t test"
    power::TDesign design;
    std::string std_unit;       // "SDs of the change", "residual SDs"
    std::optional<NamedValue> sd;  // converts SD units into points (named)
    bool primary_cannot_reach_alpha = false;  // its design floor is >= alpha: power 0 for every effect
    std::optional<ExactDesign> exact;  // the primary exact test, simulated (nullopt: t-based only)
    std::uint64_t seed = 0;            // the run's --seed
    std::string arrangement_unit = "arrangements";  // "splits", "sign patterns"
};

// Fires for rows that are not significant and have df > 0.
std::optional<Reason> design_sensitivity_reason(const SensitivityInput& in, const Settings& settings,
                                                core::Alternative alternative, bool significant);

}  // namespace pilotstat::explain
