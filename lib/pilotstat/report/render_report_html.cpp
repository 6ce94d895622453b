// The report as one self-contained html file: inline CSS and SVG, no scripts,
// no external assets, so it opens in a browser with no network.
#include "pilotstat/report/html_escape.hpp"
#include "pilotstat/report/render_formats.hpp"
#include "pilotstat/report/render_report_plan.hpp"
#include "pilotstat/report/study_report_view.hpp"
#include "pilotstat/report/svg_trajectories.hpp"

namespace pilotstat::report {

namespace {

std::string esc(const std::string& s) { return html_escape(s); }

void table_html(const ResultTable& t, const RenderOptions& o, std::ostream& out) {
    out << "<table><thead><tr>";
    for (const auto& c : t.columns()) out << "<th>" << esc(c.name) << "</th>";
    out << "</tr></thead><tbody>";
    for (const auto& row : t.rows()) {
        out << "<tr>";
        for (std::size_t c = 0; c < t.columns().size(); ++c) {
            const auto text = human_cell(row[c], t.columns()[c].kind, o);
            const bool num = t.columns()[c].kind != ColumnKind::text;
            const bool sig = t.columns()[c].name == "verdict" && text == "significant";
            out << "<td" << (num ? " class=\"n\"" : "") << (sig ? " class=\"sig\"" : "") << ">" << esc(text) << "</td>";
        }
        out << "</tr>";
    }
    out << "</tbody></table>\n";
}

void reasons_html(const ExplainedTable& t, std::ostream& out) {
    out << "<ul class=\"effects\">";
    for (const auto* e : t.explanations) {
        out << "<li><p>" << esc(e->headline) << "</p><ul>";
        for (const auto& r : e->reasons)
            out << "<li><code>" << esc(r.code) << "</code> " << esc(r.sentence) << "</li>";
        out << "</ul></li>";
    }
    out << "</ul>\n";
}

constexpr const char* kStyle =
    "body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}"
    "table{border-collapse:collapse;margin:.5em 0 1em;font-size:.9em}"
    "th,td{border-bottom:1px solid #ddd;padding:.25em .6em;text-align:left}td.n{text-align:right;"
    "font-variant-numeric:tabular-nums}td.sig{font-weight:bold}"
    "code{background:#f3f3f3;padding:0 .3em;border-radius:3px}.summary{background:#f7f9fc;padding:.8em 1em;"
    "border-left:4px solid #1b6ca8}ul.effects>li{margin-bottom:.8em}h2{border-bottom:2px solid #eee;padding-top:1em}";

}  // namespace

void render_report_html(const analysis::StudyReport&, const data::Study& st, const ReportView& v,
                        const RenderOptions& o, std::ostream& out) {
    out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>pilotstat report: " << esc(v.source)
        << "</title><style>" << kStyle << "</style></head><body>\n";
    out << "<h1>pilotstat report</h1><p>" << esc(v.source) << ": " << esc(v.settings_line) << "</p>\n";
    out << "<p class=\"summary\">" << esc(v.summary) << "</p>\n";
    for (std::size_t m = 0; m < v.measures.size(); ++m) {
        const auto& mv = v.measures[m];
        out << "<h2>" << esc(mv.label) << " <code>" << esc(mv.measure) << "</code></h2>\n";
        out << "<figure>" << svg_trajectories(st, m) << "<figcaption>Each line is one participant; thick lines are "
            << "group means.</figcaption></figure>\n<h3>Descriptives</h3>\n";
        table_html(mv.describe, o, out);
        if (!mv.change.table.rows().empty()) {
            out << "<h3>Within-arm change</h3>\n";
            table_html(mv.change.table, o, out);
            reasons_html(mv.change, out);
        }
        if (!mv.compare.table.rows().empty()) {
            out << "<h3>Between arms</h3>\n";
            table_html(mv.compare.table, o, out);
            reasons_html(mv.compare, out);
        }
        if (!mv.individual_people.rows().empty()) {
            out << "<h3>Person by person</h3>\n<p>Reliable change: |RCI| &gt; 1.96 (Jacobson &amp; Truax 1991); "
                   "clinical change: crossing the cut-off into the functional range.</p>\n";
            table_html(mv.individual_counts, o, out);
            table_html(mv.individual_people, o, out);
        }
    }
    render_plan_section_html(v, o, out);
    out << "<p>Methods and references: docs/methods.md; reason codes: docs/explain.md (in the pilotstat "
           "sources).</p>\n</body></html>\n";
}

}  // namespace pilotstat::report
