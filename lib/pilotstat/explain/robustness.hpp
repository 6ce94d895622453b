// Leave-one-out robustness of a row (issue 15, item 3): the range of the
// estimate when each participant in turn is left out, and whether the
// verdict on the ADJUSTED p changes. Information, not a reason for the
// verdict: it is never counted among the reasons for non-significance, and
// it is no invitation to exclude anyone after the fact. FRAGILE is the one
// reason drawn from it: a significant (adjusted) verdict that one
// participant reverses.
#pragma once

#include <optional>

#include "pilotstat/analysis/change.hpp"
#include "pilotstat/analysis/compare.hpp"
#include "pilotstat/data/study.hpp"
#include "pilotstat/explain/adjustment.hpp"
#include "pilotstat/explain/knowledge.hpp"
#include "pilotstat/explain/reason.hpp"

namespace pilotstat::explain {

// nullopt below 3 pairs, or above 40 (the re-analyses would dominate the run time).
std::optional<Robustness> change_robustness(const data::Study& study, const analysis::ChangeRow& row,
                                            const analysis::ChangeOptions& options, double alpha,
                                            const Adjustment& adjustment, const std::optional<NamedValue>& sd);

// nullopt with fewer than 2 per arm after leaving one out, or above 40
// participants (20 for ANCOVA, whose permutation test refits every split).
std::optional<Robustness> compare_robustness(const data::Study& study, const analysis::CompareRow& row,
                                             const analysis::CompareOptions& options, double alpha,
                                             const Adjustment& adjustment, const std::optional<NamedValue>& sd);

// FRAGILE: significant on the adjusted p, and one participant's omission
// makes it not significant.
std::optional<Reason> fragile_reason(const std::optional<Robustness>& rob, bool significant, double alpha);

}  // namespace pilotstat::explain
