// The between-arm comparison told person by person: how many in each arm
// changed reliably (Jacobson & Truax RCI), with the exact test on the counts.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pilotstat/analysis/individual.hpp"
#include "pilotstat/explain/reason.hpp"

namespace pilotstat::explain {

// From the "reliable_change" summary of one measure; `label` names the
// instrument, `rci_z` the threshold. When nobody could be classified, the
// reason says which knowledge is missing instead (never an invented value).
std::optional<Reason> individual_change_reason(const analysis::IndividualSummary& reliable, const std::string& label,
                                               double rci_z, const std::string& missing_note);

// A within-arm change told with the reliable-change threshold: how many of
// the arm's participants improved / worsened by more than |RCI| > rci_z
// (Jacobson & Truax 1991), with the reliability and SD used. A note, not a
// reason; nullopt when nobody of the arm (measure, from, to) could be
// classified (unknown reliability or SD), so "improved" stays "any change".
std::optional<Reason> reliable_change_note(const std::vector<analysis::IndividualRow>& rows, const std::string& measure,
                                           const std::string& group, const std::string& from, const std::string& to,
                                           double rci_z);

}  // namespace pilotstat::explain
