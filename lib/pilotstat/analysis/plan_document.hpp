// Everything `plan` computes, and its human-readable form.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pilotstat/analysis/plan.hpp"
#include "pilotstat/analysis/plan_feasibility.hpp"

namespace pilotstat::analysis {

struct PlanDocument {
    PlanResult result;
    std::vector<CompletenessRow> completeness;
    std::optional<std::vector<ProgressionRow>> progression;  // with a progression file
};

// plan(), completeness() and, when `criteria` is given, progression().
PlanDocument plan_document(const data::Study& study, const data::NormsRegistry& norms, const PlanOptions& options,
                           const std::vector<ProgressionCriterion>* criteria);

// For people: one row per measure and arm (and "all"), one column per visit,
// each cell "scored/of (CI low-high%)"; completeness_table has the numbers.
report::ResultTable completeness_grid(const data::Study& study, const PlanDocument& doc);

// The planning paragraphs, the completeness table and the progression
// criteria; markdown uses headings and pipe tables.
std::string plan_document(const data::Study& study, const PlanDocument& doc, bool markdown, int digits);

}  // namespace pilotstat::analysis
