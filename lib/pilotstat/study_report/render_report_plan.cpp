// The report's plan section: what `pilotstat plan FILE` prints with its
// defaults, laid out as each report format lays out its other sections.
#include "pilotstat/study_report/render_report_plan.hpp"

#include <sstream>

#include "pilotstat/io/markup_escape.hpp"
#include "pilotstat/report/json_values.hpp"
#include "pilotstat/report/render_formats.hpp"

namespace pilotstat::study_report {

// The report is built from the analyses and rendered with the generic renderers.
using namespace pilotstat::analysis;
using namespace pilotstat::report;

namespace {

// The section's first sentence; the endpoint is named as the headings name it.
std::string plan_intro_sentence(const analysis::PlanDocument& doc) {
    const bool change = doc.result.options.endpoint == analysis::Endpoint::change;
    return std::string("What `pilotstat plan` gives for ") +
           (change ? "the change between the times" : "the endpoint") +
           " in each heading: the pooled SD, its 80% upper limit, the main trial's n per arm "
           "for the instrument's MCID (90% power, two-sided alpha 0.05), retention and completeness with Clopper-Pearson "
           "intervals. Run `pilotstat plan` for --mcid, --endpoint, --screened or --progression.";
}

std::string wrapped(const std::string& text, std::size_t width = 100) {
    std::istringstream words(text);
    std::string word, line, out;
    while (words >> word) {
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            out += line + '\n';
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    return out + line + '\n';
}

std::string paragraphs(const ReportView& v, int digits, bool markdown) {
    const auto& doc = *v.plan;
    std::string out;
    for (const auto& r : doc.result.rows) {
        const auto head = analysis::plan_heading(*v.study, doc.result, r);
        const auto body = analysis::plan_paragraph(*v.study, doc.result, r, digits);
        out += markdown ? "\n### " + head + "\n\n" + body + "\n" : "\n" + head + ":\n" + wrapped(body);
    }
    const auto closing = analysis::plan_closing(doc.result);
    out += "\n" + (markdown ? closing : wrapped(closing));
    return out;
}

}  // namespace

void render_plan_section_text(const ReportView& v, const RenderOptions& o, bool markdown, std::ostream& out) {
    out << (markdown ? "\n## Planning the main trial\n\n" : "\nPLANNING THE MAIN TRIAL\n");
    if (!v.plan) {
        out << (markdown ? v.plan_note + "\n" : wrapped(v.plan_note));
        return;
    }
    const std::string first = plan_intro_sentence(*v.plan);
    out << (markdown ? first + "\n" : wrapped(first)) << paragraphs(v, o.digits, markdown);
    out << (markdown ? "\n### Completeness\n\nParticipants scored of those in the arm at each visit (95% CI).\n\n"
                     : "\nCompleteness (participants scored of those in the arm at each visit; 95% CI):\n");
    const auto grid = analysis::completeness_grid(*v.study, *v.plan);
    if (markdown) MarkdownRenderer(o).render(grid, out);
    else TextRenderer(o).render(grid, out);
}

void render_plan_section_json(const ReportView& v, std::ostream& out) {
    out << ",\n  \"plan\": {\"note\": " << (v.plan ? std::string("null") : json_string(v.plan_note));
    if (v.plan) {
        out << ",\n    \"rows\": ";
        JsonRenderer().render(analysis::plan_table(*v.study, v.plan->result), out);
        out << "    , \"completeness\": ";
        JsonRenderer().render(analysis::completeness_table(*v.study, v.plan->result, v.plan->completeness), out);
    }
    out << "  }";
}

void render_plan_section_html(const ReportView& v, const RenderOptions& o, std::ostream& out) {
    out << "<h2>Planning the main trial</h2>\n";
    if (!v.plan) {
        out << "<p>" << markup_escape(v.plan_note) << "</p>\n";
        return;
    }
    out << "<p>" << markup_escape(plan_intro_sentence(*v.plan)) << "</p>\n";
    const auto& doc = *v.plan;
    for (const auto& r : doc.result.rows)
        out << "<h3>" << markup_escape(analysis::plan_heading(*v.study, doc.result, r)) << "</h3>\n<p>"
            << markup_escape(analysis::plan_paragraph(*v.study, doc.result, r, o.digits)) << "</p>\n";
    out << "<p>" << markup_escape(analysis::plan_closing(doc.result)) << "</p>\n<h3>Completeness</h3>\n"
        << "<p>Participants scored of those in the arm at each visit (95% Clopper-Pearson interval).</p>\n<div class=\"table\"><table><thead><tr>";
    const auto grid = analysis::completeness_grid(*v.study, doc);
    for (const auto& c : grid.columns()) out << "<th>" << markup_escape(c.name) << "</th>";
    out << "</tr></thead><tbody>";
    for (const auto& row : grid.rows()) {
        out << "<tr>";
        for (std::size_t c = 0; c < row.size(); ++c)
            out << "<td>" << markup_escape(human_cell(row[c], grid.columns()[c].kind, o)) << "</td>";
        out << "</tr>";
    }
    out << "</tbody></table></div>\n";
}

}  // namespace pilotstat::study_report
