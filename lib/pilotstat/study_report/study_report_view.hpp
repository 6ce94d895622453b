// What every report format shows, in one place: per measure, the section
// tables (descriptives, within-arm change, between-arm comparisons) with the
// verdict and adjusted p beside each effect, and the explanations in row
// order. The text, markdown, json and html renderers only lay these out.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "pilotstat/study_report/study_report.hpp"
#include "pilotstat/report/provenance.hpp"
#include "pilotstat/report/renderer.hpp"
#include "pilotstat/study_report/report_figures.hpp"

namespace pilotstat::study_report {

struct ExplainedTable {
    report::ResultTable table;                                  // one row per effect
    std::vector<const explain::Explanation*> explanations;  // same order
};

struct MeasureView {
    std::string measure, label;
    report::ResultTable describe;            // compact descriptives
    ExplainedTable change, compare;  // compare holds the change and ancova comparisons
    std::string omnibus;  // three or more arms: the omnibus test, shown before the pairs (else empty)
    report::ResultTable individual_counts;   // per arm: reliable and clinical categories, exact test
    report::ResultTable individual_people;   // one row per person (html)
    // Full rows (all columns) for json: indices into the analysis tables.
    std::vector<std::size_t> describe_rows, change_rows, compare_rows, ancova_rows;
};

struct ReportView {
    std::string source, summary, settings_line;
    std::string between_methods;  // "change CI: bootstrap, ancova CI: t": the intervals of the between-arm rows
    std::vector<MeasureView> measures;
    report::ResultTable describe_full, change_full, compare_full, ancova_full;  // all columns, all rows
    report::ResultTable individual_full, individual_summary_full;
    std::vector<std::vector<std::size_t>> individual_rows, individual_summary_rows;  // per measure
    const data::Study* study = nullptr;             // for the plan section's names
    const analysis::PlanDocument* plan = nullptr;   // nullptr: plan_note says why
    std::string plan_note;
};

// "[primary] " or "[secondary] " before the row's headline.
inline std::string labelled_headline(const explain::Explanation& e) { return "[" + e.role + "] " + e.headline; }

ReportView make_view(const study_report::StudyReport& report, const data::Study& study);

// What the html and markdown reports show beyond the analysis itself.
struct ReportContext {
    // Norms for the pictures (severity bands, MCID); the built-in ones when null.
    const data::NormsRegistry* norms = nullptr;
    // html: shown as the provenance block when version is set.
    std::optional<report::Provenance> provenance;
    // markdown: the figures written beside the report, referenced by file name
    // (null: a markdown report without pictures, as on standard output).
    const std::vector<Figure>* figures = nullptr;
};

// "text", "markdown", "json", "html"; throws UsageError for anything else.
void render_report(const study_report::StudyReport& report, const data::Study& study, std::string_view format,
                   const report::RenderOptions& options, std::ostream& out, const ReportContext& context = {});

void render_report_text(const ReportView& view, const report::RenderOptions& options, std::ostream& out);
void render_report_markdown(const ReportView& view, const report::RenderOptions& options, std::ostream& out,
                            const std::vector<Figure>* figures = nullptr);
void render_report_json(const study_report::StudyReport& report, const ReportView& view, std::ostream& out);
void render_report_html(const study_report::StudyReport& report, const data::Study& study, const ReportView& view,
                        const report::RenderOptions& options, std::ostream& out, const ReportContext& context = {});

}  // namespace pilotstat::study_report
