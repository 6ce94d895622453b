// Verdicts and reasons for within-group changes and between-group
// comparisons (docs/explain.md lists every code and its rule).
#pragma once

#include <optional>
#include <string>

#include "pilotstat/analysis/change.hpp"
#include "pilotstat/analysis/compare.hpp"
#include "pilotstat/data/study.hpp"
#include "pilotstat/explain/adjustment.hpp"
#include "pilotstat/explain/knowledge.hpp"
#include "pilotstat/explain/reason.hpp"

namespace pilotstat::explain {

// The primary within-group test is the exact sign-flip test of the mean change.
Explanation explain_change(const data::Study& study, const analysis::ChangeRow& row,
                           const analysis::ChangeOptions& options, const Settings& settings,
                           const Adjustment& adjustment = {}, const MeasureKnowledge& knowledge = {});

// The primary between-group test is the exact permutation test of the mean
// difference (for --on ancova: the exact permutation test of the adjusted difference).
Explanation explain_compare(const data::Study& study, const analysis::CompareRow& row,
                            const analysis::CompareOptions& options, const Settings& settings,
                            const Adjustment& adjustment = {}, const MeasureKnowledge& knowledge = {});

}  // namespace pilotstat::explain
