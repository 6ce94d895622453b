// The feasibility part of `plan`: completeness of each measure at each visit,
// and the progression criteria (Avery et al. 2017 traffic light) judged from
// the pilot's own shares. Every share is of participants (one binary outcome
// each), so the Clopper-Pearson interval applies (docs/methods/planning.md).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "pilotstat/analysis/plan.hpp"
#include "pilotstat/error.hpp"

namespace pilotstat::analysis {

// Share of participants with a score of the measure at the visit: per arm
// (of the arm's participants in the data) and overall (group nullopt; of
// --randomized when given, else of everyone in the two arms).
struct CompletenessRow {
    std::size_t measure = 0, time = 0;
    std::optional<std::size_t> group;
    Retention share;  // retained = scored
};

// Rows by measure, then visit, then arm A, arm B, overall.
std::vector<CompletenessRow> completeness(const data::Study& study, const PlanResult& result);
report::ResultTable completeness_table(const data::Study& study, const PlanResult& result,
                                       const std::vector<CompletenessRow>& rows);

// The criteria a progression file can name:
//  recruitment   randomized / screened (needs --screened);
//  retention     of the measure at --to (the plan's retention);
//  completeness  share of randomized participants scored on the measure at
//                every visit.
enum class ProgressionKind { recruitment, retention, completeness };
std::string_view to_string(ProgressionKind c);

// One line of the progression file. Higher shares are better: the light is
// green at share >= green, amber at share >= amber, else red.
struct ProgressionCriterion {
    ProgressionKind criterion = ProgressionKind::retention;
    std::string measure;  // empty: every measure (retention, completeness)
    double green = 0.0, amber = 0.0;
    SourceLocation where, measure_where;  // the line; the measure cell
};

// Reads FILE (columns criterion, green, amber; optional measure): shares in
// [0, 1], amber <= green. Throws DataError at FILE:LINE:COLUMN for an unknown
// criterion, a threshold that is not a share, amber above green, a measure
// given for recruitment, a repeated criterion, a missing column or no rows.
std::vector<ProgressionCriterion> read_progression(const std::string& path);

enum class Light { green, amber, red };
std::string_view to_string(Light l);
Light light_of(double share, double green, double amber);

struct ProgressionRow {
    ProgressionKind criterion = ProgressionKind::retention;
    std::optional<std::size_t> measure;
    double green = 0.0, amber = 0.0;
    Retention estimate;
    Light light = Light::red, light_low = Light::red, light_high = Light::red;  // estimate, CI limits
};

// One row per criterion and measure, in file order. Throws DataError at the
// measure's cell when it is not among the study's measures, UsageError when
// recruitment is asked for without --screened.
std::vector<ProgressionRow> progression(const data::Study& study, const PlanResult& result,
                                        const std::vector<ProgressionCriterion>& criteria);
report::ResultTable progression_table(const data::Study& study, const PlanResult& result,
                                      const std::vector<ProgressionRow>& rows);
// One sentence per row, e.g. "retention of bdi at T3: 100% (95% CI 69–100%):
// green (green >= 80%, amber >= 60%); the interval spans amber to green."
std::string progression_text(const data::Study& study, const PlanResult& result,
                             const std::vector<ProgressionRow>& rows, bool markdown);

}  // namespace pilotstat::analysis
