// The plan section of the report (analysis/study_report_plan.cpp) in each
// report format; kept apart from the other report renderers.
#pragma once

#include <ostream>

#include "pilotstat/study_report/study_report_view.hpp"

namespace pilotstat::study_report {

// Text (wrapped to 100 columns) or markdown: the planning paragraphs and
// the completeness grid, or the reason there is no plan.
void render_plan_section_text(const ReportView& view, const report::RenderOptions& options, bool markdown, std::ostream& out);
// `,\n  "plan": {...}` for the report's json object: the plan, completeness
// tables with every column (docs/formats.md), and the note.
void render_plan_section_json(const ReportView& view, std::ostream& out);
void render_plan_section_html(const ReportView& view, const report::RenderOptions& options, std::ostream& out);

}  // namespace pilotstat::study_report
