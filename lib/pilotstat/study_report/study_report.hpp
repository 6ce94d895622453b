// `report`: everything for every measure — descriptives, change per arm, the
// between-arm comparison on change and baseline-adjusted (ANCOVA) — with
// multiplicity-adjusted p-values and the reasons each effect is or is not
// significant. Pure data: report/render_report_*.cpp turn it into text,
// markdown, json or html.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pilotstat/analysis/change.hpp"
#include "pilotstat/analysis/compare.hpp"
#include "pilotstat/analysis/describe.hpp"
#include "pilotstat/analysis/individual.hpp"
#include "pilotstat/analysis/plan_document.hpp"
#include "pilotstat/data/instrument_norms.hpp"
#include "pilotstat/explain/explain.hpp"
#include "pilotstat/multiplicity/p_adjust.hpp"

namespace pilotstat::study_report {

struct ReportOptions {
    explain::Settings settings;
    std::string adjust = "holm";      // holm, hochberg, BH, bonferroni, none, maxT
    std::string family = "measures";  // measures, times, all
    // The one pre-specified primary between-arm analysis (Vickers & Altman
    // 2001): "ancova" (default) or "change". Only it is in the primary
    // adjusted family; the other is reported as secondary.
    // With --on BASIS (change, raw, slope, auc) the comparison beside ANCOVA
    // is on that basis and is the primary analysis unless --primary ancova;
    // primary is then "ancova" or the basis. A study with one time point has
    // only the raw comparison, which is primary.
    std::string primary = "ancova";
    std::string primary_flag = "--primary ancova";  // how the primary was chosen, for the summary
    analysis::ChangeOptions change;             // from the baseline to --to (default: the last time)
    analysis::CompareOptions compare;           // on change (or --on), baseline to last
    bool ancova = true;
    // One time point (cross-sectional data): no within-arm change, no ANCOVA,
    // no person-by-person change; the arms are compared on raw scores.
    bool single_time = false;
    analysis::RciSd rci_sd = analysis::RciSd::instrument;  // --rci-sd, as `individual` has
    std::vector<double> time_values;   // --time-values as given (trajectory figures); empty: none given
    bool ancova_primary() const { return primary == "ancova"; }
};

// Keys: alpha, power, adjust, family, primary, on, rci_sd, to, time_values,
// plus the change/compare keys.
ReportOptions report_options(const data::Study& study, const analysis::OptionMap& options);
const std::vector<std::string>& report_option_keys();

struct ReportSection {
    std::vector<explain::Explanation> explanations;  // one per row, in row order
};

struct StudyReport {
    ReportOptions options;
    std::vector<analysis::DescribeRow> describe;
    std::vector<analysis::ChangeRow> changes;
    std::vector<analysis::CompareRow> comparisons;  // on change
    std::vector<analysis::CompareRow> ancova;       // on ancova (when the study has a baseline and a later time)
    analysis::IndividualResult individual;          // per person, --from to the between-arm --to
    ReportSection change_expl, compare_expl, ancova_expl;
    // The primary between-arm section (ancova or compare), per options.primary.
    const std::vector<analysis::CompareRow>& primary_rows() const { return options.ancova_primary() ? ancova : comparisons; }
    const ReportSection& primary_expl() const { return options.ancova_primary() ? ancova_expl : compare_expl; }
    std::string adjust_label;             // "Holm over the 5 measures"
    std::string summary;                  // the first paragraph
    std::optional<analysis::PlanDocument> plan;     // `plan` with its defaults (study_report_plan.cpp)
    std::string plan_note;                // why there is no plan, when there is none
};

// Fills report.plan, or report.plan_note with the reason it cannot be made.
void add_plan_section(const data::Study& study, const data::NormsRegistry& norms, StudyReport& report);

// One row per effect: measure, section (change/compare/ancova), group,
// group_b, from, to, p, p_adjusted, verdict, reasons (codes, space-separated).
report::ResultTable verdict_table(const data::Study& study, const StudyReport& report);

// The opening paragraph (study_report_summary.cpp): the primary analysis's
// verdicts and the reasons among the rows that are not significant.
std::string report_summary(const data::Study& study, const StudyReport& report);

// Three or more arms (study_report_omnibus.cpp): the omnibus exact test of
// one measure on the primary analysis's basis, with its verdict and how the
// pairs are adjusted; and the summary's list of the omnibus p-values. Empty
// for two arms.
std::string omnibus_sentence(const data::Study& study, const StudyReport& report, std::size_t measure);
std::string omnibus_summary(const data::Study& study, const StudyReport& report);

StudyReport build_report(const data::Study& study, const ReportOptions& options,
                         const data::NormsRegistry& norms = data::NormsRegistry::builtin());

}  // namespace pilotstat::study_report
