// `compare --on mmrm`: the arms compared by a mixed model for repeated
// measures over every post-baseline visit (models/mmrm.hpp), with its exact
// randomization p-value (models/mmrm_randomization.hpp). One row per measure
// and pair of arms at --to (default the last visit), or one per visit with
// --all-visits.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pilotstat/analysis/option_values.hpp"
#include "pilotstat/core/exact_options.hpp"
#include "pilotstat/data/study.hpp"
#include "pilotstat/models/mmrm.hpp"
#include "pilotstat/models/mmrm_randomization.hpp"
#include "pilotstat/report/result_table.hpp"

namespace pilotstat::analysis {

// A refit costs about a millisecond, so the randomization enumerates at most
// kMmrmExactLimit relabelings and otherwise draws kMmrmResamples, unless
// --exact-limit / --resamples say otherwise.
inline constexpr double kMmrmExactLimit = 20000;  // 8 v 8 (12,870) enumerates; 9 v 9 (48,620) does not
inline constexpr std::uint64_t kMmrmResamples = 2000;

struct MmrmCompareOptions {
    std::size_t from = 0;                  // the baseline time (--from, default the study's baseline)
    std::size_t to = 0;                    // the visit of the headline row (--to, default the last)
    bool all_visits = false;               // --all-visits: one row per post-baseline visit
    models::MmrmOptions model;             // --covariance, --df, --conf, --alternative
    core::ExactOptions exact;              // the randomization's limits, seed and two-sided rule
    double alpha = 0.05;
};

// Keys: on, from, to, all_visits, covariance, df, conf, alpha and the exact keys.
MmrmCompareOptions mmrm_compare_options(const data::Study& study, const OptionMap& options);
bool is_mmrm(const OptionMap& options);  // on=mmrm

struct MmrmRow {
    std::size_t measure = 0, group_a = 0, group_b = 0;
    std::vector<std::size_t> visit_times;  // the study time of each model visit
    models::MmrmFit fit;
    std::optional<models::MmrmRandomization> randomization;
    std::size_t no_baseline_a = 0, no_baseline_b = 0;  // left out: no baseline score
    std::size_t no_post_a = 0, no_post_b = 0;          // left out: no post-baseline score
    std::vector<std::string> notes;
};

std::vector<MmrmRow> compare_mmrm(const data::Study& study, const MmrmCompareOptions& options);

report::ResultTable mmrm_table(const data::Study& study, const std::vector<MmrmRow>& rows,
                               const MmrmCompareOptions& options);

}  // namespace pilotstat::analysis
