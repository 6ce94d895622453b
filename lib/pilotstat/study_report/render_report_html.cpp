// The report as one self-contained html file: inline CSS and SVG, no scripts,
// no external assets, so it opens in a browser with no network and can be
// attached to a paper as a supplement.
#include <algorithm>
#include <vector>

#include "pilotstat/io/markup_escape.hpp"
#include "pilotstat/report/column_glossary.hpp"
#include "pilotstat/report/render_formats.hpp"
#include "pilotstat/study_report/render_report_plan.hpp"
#include "pilotstat/study_report/study_report_view.hpp"

namespace pilotstat::study_report {

// The report is built from the analyses and rendered with the generic renderers.
using namespace pilotstat::analysis;
using namespace pilotstat::report;

namespace {

std::string esc(std::string_view s) { return markup_escape(s); }

// Column keys become fragment ids: keep them to [a-z0-9_] (they already are;
// anything else would not survive as an id).
std::string anchor(std::string_view name) {
    std::string a = "col-";
    for (char c : name) a += (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '_';
    return a;
}

// Headers are human labels linking to the glossary at the end of the page; the
// table sits in a scrolling box so that on a narrow screen the last columns
// (the verdict) scroll into view instead of being cut off.
void table_html(const ResultTable& t, const RenderOptions& o, std::vector<std::string>& used, std::ostream& out) {
    out << "<div class=\"table\"><table><thead><tr>";
    for (const auto& c : t.columns()) {
        const auto* d = column_definition(c.name);
        const bool num = c.kind != ColumnKind::text || c.name == "n";
        out << "<th scope=\"col\"" << (num ? " class=\"n\"" : "") << ">";
        if (d) {
            // The glossary lists columns in the order a reader first meets them.
            if (std::find(used.begin(), used.end(), c.name) == used.end()) used.push_back(c.name);
            out << "<a href=\"#" << anchor(c.name) << "\" title=\"" << esc(d->definition) << "\">" << esc(d->label)
                << "</a>";
        } else {
            out << esc(c.name);
        }
        out << "</th>";
    }
    out << "</tr></thead><tbody>";
    for (const auto& row : t.rows()) {
        out << "<tr>";
        for (std::size_t c = 0; c < t.columns().size(); ++c) {
            const auto text = human_cell(row[c], t.columns()[c].kind, o);
            // "n" is text in the comparison table ("5 v 5"): aligned and unbroken like a number.
            const bool num = t.columns()[c].kind != ColumnKind::text || t.columns()[c].name == "n";
            const bool sig = t.columns()[c].name == "verdict" && text == "significant";
            out << "<td" << (num ? " class=\"n\"" : "") << (sig ? " class=\"sig\"" : "") << ">" << esc(text) << "</td>";
        }
        out << "</tr>";
    }
    out << "</tbody></table></div>\n";
}

void reasons_html(const ExplainedTable& t, std::ostream& out) {
    out << "<ul class=\"effects\">";
    for (const auto* e : t.explanations) {
        out << "<li><p>" << esc(labelled_headline(*e)) << "</p><ul>";
        for (const auto& r : e->reasons)
            out << "<li><code>" << esc(r.code) << "</code> " << esc(r.sentence) << "</li>";
        for (const auto& r : e->notes)
            out << "<li>note <code>" << esc(r.code) << "</code> " << esc(r.sentence) << "</li>";
        if (e->robustness) out << "<li>robustness: " << esc(e->robustness->sentence) << "</li>";
        out << "</ul></li>";
    }
    out << "</ul>\n";
}

void figures_html(const std::vector<Figure>& figs, std::size_t m, std::string_view kind, std::ostream& out) {
    for (const auto& f : figs)
        if (f.measure == m && f.kind == kind)
            out << "<figure>" << f.svg << "<figcaption>" << esc(f.caption) << "</figcaption></figure>\n";
}

void provenance_html(const Provenance& p, std::ostream& out) {
    out << "<section class=\"provenance\"><h2>Provenance</h2><dl>"
        << "<dt>pilotstat</dt><dd>" << esc(p.version) << "</dd>"
        << "<dt>Command</dt><dd><code>" << esc(p.command_line) << "</code></dd>"
        << "<dt>Input</dt><dd><code>" << esc(p.input) << "</code></dd>";
    if (!p.input_sha256.empty()) out << "<dt>Input SHA-256</dt><dd><code class=\"hash\">" << p.input_sha256 << "</code></dd>";
    out << "<dt>Seed</dt><dd>" << esc(p.seed) << " (Monte Carlo and bootstrap resampling, when used)</dd>"
        << "<dt>Run</dt><dd>" << esc(p.when) << "</dd></dl></section>\n";
}

void glossary_html(const std::vector<std::string>& used, std::ostream& out) {
    out << "<section class=\"glossary\"><h2 id=\"columns\">Columns</h2><dl>";
    for (const auto& name : used) {
        const auto* d = column_definition(name);
        out << "<dt id=\"" << anchor(name) << "\">" << esc(d->label) << " <code>" << esc(name) << "</code></dt><dd>"
            << esc(d->definition) << "</dd>";
    }
    out << "</dl></section>\n";
}

// Screen: a readable column up to 1100 px, tables scroll sideways inside their
// own box rather than clip. Print: full width, no scroll boxes (a printed page
// cannot scroll) and type small enough that the widest table (between arms,
// eleven columns) fits an A4 or Letter page with the verdict column whole;
// figures and table rows kept whole, links as plain text.
constexpr const char* kStyle =
    "body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.4}"
    "div.table{overflow-x:auto;margin:.5em 0 1em}"
    "table{border-collapse:collapse;font-size:.9em}"
    "th,td{border-bottom:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}"
    "th{font-weight:600;border-bottom:2px solid #bbb}th a{color:inherit;text-decoration:none;border-bottom:1px dotted #888}"
    "th.n,td.n{text-align:right}td.n{font-variant-numeric:tabular-nums;white-space:nowrap}td.sig{font-weight:bold}"
    "code{background:#f3f3f3;padding:0 .3em;border-radius:3px}code.hash{word-break:break-all}"
    ".summary{background:#f7f9fc;padding:.8em 1em;border-left:4px solid #1b6ca8}"
    "ul.effects>li{margin-bottom:.8em}h2{border-bottom:2px solid #eee;padding-top:1em}"
    "figure{margin:1em 0}figure svg{max-width:100%;height:auto}figcaption{font-size:.9em;color:#444}"
    "dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.2em 1em}dt{font-weight:600}"
    "dd{margin:0;overflow-wrap:anywhere}"
    "@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}div.table{overflow:visible}"
    "table{font-size:7.5pt}th,td{padding:.1em .25em}figure,tr,dl{break-inside:avoid}"
    "h2,h3{break-after:avoid}th a{border:none}.summary{border-left-color:#000}}";

}  // namespace

void render_report_html(const study_report::StudyReport& r, const data::Study& st, const ReportView& v,
                        const RenderOptions& o, std::ostream& out, const ReportContext& ctx) {
    const auto figs = report_figures(r, st, ctx.norms ? *ctx.norms : data::NormsRegistry::builtin(), true);
    std::vector<std::string> used;
    out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>pilotstat report: "
        << esc(v.source) << "</title><style>" << kStyle << "</style></head><body>\n";
    out << "<h1>pilotstat report</h1><p>" << esc(v.source) << ": " << esc(v.settings_line) << "</p>\n";
    out << "<p class=\"summary\">" << esc(v.summary) << "</p>\n";
    if (ctx.provenance) provenance_html(*ctx.provenance, out);
    for (std::size_t m = 0; m < v.measures.size(); ++m) {
        const auto& mv = v.measures[m];
        out << "<h2>" << esc(mv.label) << " <code>" << esc(mv.measure) << "</code></h2>\n";
        figures_html(figs, m, "trajectories", out);
        out << "<h3>Descriptives</h3>\n";
        table_html(mv.describe, o, used, out);
        if (!mv.change.table.rows().empty()) {
            out << "<h3>Within-arm change</h3>\n";
            table_html(mv.change.table, o, used, out);
            reasons_html(mv.change, out);
        }
        if (!mv.compare.table.rows().empty()) {
            out << "<h3>Between arms</h3>\n";
            if (!mv.omnibus.empty()) out << "<p>" << esc(mv.omnibus) << "</p>\n";
            table_html(mv.compare.table, o, used, out);
            reasons_html(mv.compare, out);
            figures_html(figs, m, "estimation", out);
        }
        if (!mv.individual_people.rows().empty()) {
            out << "<h3>Person by person</h3>\n<p>Reliable change: |RCI| &gt; " << analysis::kReliableChangeZ << " (Jacobson &amp; Truax 1991); "
                   "clinical change: crossing the cut-off into the functional range.</p>\n";
            table_html(mv.individual_counts, o, used, out);
            table_html(mv.individual_people, o, used, out);
            figures_html(figs, m, "rci", out);
        }
    }
    bool forest = false;
    for (const auto& f : figs) forest = forest || f.kind == "forest";
    if (forest) {
        out << "<h2>All measures</h2>\n";
        figures_html(figs, kAllMeasures, "forest", out);
    }
    render_plan_section_html(v, o, out);
    glossary_html(used, out);
    out << "<p>Methods, formulas and references: docs/methods.md; reason codes: docs/explain.md (in the pilotstat "
           "sources).</p>\n</body></html>\n";
}

}  // namespace pilotstat::study_report
