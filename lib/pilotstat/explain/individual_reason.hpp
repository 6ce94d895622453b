// The between-arm comparison told person by person: how many in each arm
// changed reliably (Jacobson & Truax RCI), with the exact test on the counts.
#pragma once

#include <optional>
#include <string>

#include "pilotstat/analysis/individual.hpp"
#include "pilotstat/explain/reason.hpp"

namespace pilotstat::explain {

// From the "reliable_change" summary of one measure; `label` names the
// instrument, `rci_z` the threshold. When nobody could be classified, the
// reason says which knowledge is missing instead (never an invented value).
std::optional<Reason> individual_change_reason(const analysis::IndividualSummary& reliable, const std::string& label,
                                               double rci_z, const std::string& missing_note);

}  // namespace pilotstat::explain
