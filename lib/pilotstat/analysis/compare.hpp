// `compare`: between-group comparison of one value per subject — a change
// score, a raw score, a baseline-adjusted score (ANCOVA), a per-subject
// slope or time-averaged AUC — with exact two-sample tests and effect sizes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pilotstat/analysis/option_values.hpp"
#include "pilotstat/bootstrap/intervals.hpp"
#include "pilotstat/data/study.hpp"
#include "pilotstat/effects/cliffs_delta_score.hpp"
#include "pilotstat/effects/hedges_g.hpp"
#include "pilotstat/effects/hodges_lehmann.hpp"
#include "pilotstat/core/exact_options.hpp"
#include "pilotstat/inference/k_sample_tests.hpp"
#include "pilotstat/inference/shift_inversion.hpp"
#include "pilotstat/inference/t_tests.hpp"
#include "pilotstat/inference/wmw_test.hpp"
#include "pilotstat/models/ancova.hpp"
#include "pilotstat/report/result_table.hpp"

namespace pilotstat::analysis {

enum class CompareOn { change, raw, ancova, slope, auc };
std::string_view to_string(CompareOn on);

struct CompareOptions {
    CompareOn on = CompareOn::change;
    // The study has one time point (cross-sectional data): raw scores at it
    // are compared, and every row says so in a note.
    bool single_time = false;
    std::size_t from = 0;                // change/ancova: earlier time (default baseline)
    std::size_t to = 0;                  // change/ancova: later time (default last); raw: --at
    std::vector<double> time_values;     // slope/auc: one per time (default 0, 1, 2, ...)
    core::ExactOptions exact;
    bootstrap::BootstrapOptions boot;
    double conf = 0.95;
    double alpha = 0.05;  // for the verdict column (primary exact test p <= alpha)
    // The bootstrap interval of the mean difference (the costliest part at
    // 5 v 5: 15,876 resample pairs); the report turns it off for its ANCOVA
    // rows, whose interval is the model's t interval.
    bool bootstrap_intervals = true;
    double responder_pct = 50.0;
    std::optional<double> margin;  // --margin: TOST equivalence within +-margin (permutation tests)
};

// Keys: on, from, to, at, time_values, responder, conf, alpha, and the exact/boot keys.
CompareOptions compare_options(const data::Study& study, const OptionMap& options);
const std::vector<std::string>& compare_option_keys();

// The compared value of each subject of one group, with who is missing.
struct GroupValues {
    std::vector<std::size_t> subjects;
    std::vector<double> values;
    std::vector<data::Rational> exact;   // the values exactly (grid points, decimals); empty if any is not
    std::vector<double> baseline, post;  // ancova only: the two scores behind each value
    std::size_t missing = 0;
};
GroupValues group_values(const data::Study& study, std::size_t measure, std::size_t group, const CompareOptions& o);

struct CompareRow {
    std::size_t measure = 0, group_a = 0, group_b = 0;
    GroupValues a, b;
    std::optional<double> mean_a, mean_b, mean_diff;
    std::optional<core::TestResult> perm;
    // The exact permutation test inverted over a shift of the mean difference
    // (A - delta vs B): its p-value function and the shifts it does not reject.
    std::optional<inference::PValueFunction> perm_curve;
    std::optional<inference::ShiftInterval> perm_ci;
    // ancova only: the exact permutation test of the adjusted difference
    // (p_ancova_perm) inverted over a shift of arm A's post scores.
    std::optional<inference::ShiftInterval> adj_perm_ci;
    // The headline interval of the row's difference (the one reports quote),
    // chosen by measured coverage (docs/methods/intervals.md): Welch's t
    // interval of the mean difference; the model's t interval of the adjusted
    // difference for ancova. nullopt when not estimable (a note says why).
    std::optional<core::Interval> ci;
    std::optional<inference::TostResult> tost;  // with --margin
    std::optional<inference::WmwResult> wmw;
    std::optional<inference::TTestResult> welch, student;
    effects::HedgesGResult hedges;
    std::optional<double> cliffs_delta;
    // Newcombe's score interval of Cliff's delta (valid at complete
    // separation), chosen over the bootstrap by measured coverage.
    std::optional<effects::DeltaInterval> delta_ci;
    std::optional<bootstrap::BootstrapInterval> boot;
    std::optional<effects::HodgesLehmann> hl;
    std::optional<models::AncovaResult> ancova;
    std::optional<inference::OneWayResult> k_anova;    // >= 3 groups, same on every pairwise row
    std::optional<inference::KruskalResult> k_kruskal;
    std::size_t k_groups = 2;
    std::vector<std::string> notes;
};

std::vector<CompareRow> compare(const data::Study& study, const CompareOptions& options);

// Two-sample statistics on given values (exposed for the jackknife in explain/).
void compare_values(CompareRow& row, const CompareOptions& options);

report::ResultTable compare_table(const data::Study& study, const std::vector<CompareRow>& rows,
                                  const CompareOptions& options);

// `compare --curve`: for each row, the permutation test's p-value function of
// the hypothesised difference in means (shift) at its breakpoints (columns
// as change_curve_table). For --on ancova: the adjusted difference's exact
// permutation test (p_ancova_perm) over a shift of arm A's post scores.
report::ResultTable compare_curve_table(const data::Study& study, const std::vector<CompareRow>& rows,
                                        const CompareOptions& options);

// `compare --responders`: responders (at least responder_pct % improvement
// from `from` to `to`) per group, Fisher's and Boschloo's exact tests, and
// the Newcombe interval of the difference in rates.
report::ResultTable responders_table(const data::Study& study, const CompareOptions& options);

}  // namespace pilotstat::analysis
