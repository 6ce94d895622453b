// The report for a terminal 100 columns wide: a summary, then per measure
// compact tables and each effect's verdict with its reasons.
#include <sstream>

#include "pilotstat/report/render_formats.hpp"
#include "pilotstat/study_report/render_report_plan.hpp"
#include "pilotstat/study_report/study_report_view.hpp"

namespace pilotstat::study_report {

// The report is built from the analyses and rendered with the generic renderers.
using namespace pilotstat::analysis;
using namespace pilotstat::report;

namespace {

// Word-wraps `text` to `width` columns: the first line starts with `first`,
// the others with as many spaces as `first` is long plus `hang`.
std::string wrap(const std::string& text, const std::string& first, std::size_t hang, std::size_t width = 100) {
    const std::string rest(first.size() + hang, ' ');
    std::istringstream words(text);
    std::string word, line = first, out;
    std::size_t start = first.size();
    while (words >> word) {
        if (line.size() > start && line.size() + 1 + word.size() > width) {
            out += line + '\n';
            line = rest;
            start = rest.size();
        }
        if (line.size() > start) line += ' ';
        line += word;
    }
    return out + line + '\n';
}

std::string indented(const ResultTable& t, const RenderOptions& o, const std::string& indent) {
    std::ostringstream s;
    TextRenderer(o).render(t, s);
    std::istringstream lines(s.str());
    std::string line, out;
    while (std::getline(lines, line)) out += indent + line + '\n';
    return out;
}

void explanations(const ExplainedTable& t, std::ostream& out) {
    for (const auto* e : t.explanations) {
        out << wrap(labelled_headline(*e), "  - ", 0);
        for (const auto& r : e->reasons) out << wrap("[" + r.code + "] " + r.sentence, "      ", 2);
        for (const auto& r : e->notes) out << wrap("note [" + r.code + "] " + r.sentence, "      ", 2);
        if (e->robustness) out << wrap("robustness: " + e->robustness->sentence, "      ", 2);
    }
}

}  // namespace

void render_report_text(const ReportView& v, const RenderOptions& o, std::ostream& out) {
    out << "pilotstat report: " << v.source << '\n';
    out << wrap(v.settings_line, "", 0) << '\n';
    out << "SUMMARY\n" << wrap(v.summary, "  ", 0);
    for (const auto& m : v.measures) {
        // "BDI-II (bdi)"; a measure named as its instrument's label ("BDI-II") once
        const std::string title = m.label == m.measure ? m.label : m.label + " (" + m.measure + ")";
        out << "\n" << title << "\n" << std::string(title.size(), '=') << '\n';
        out << "Descriptives\n" << indented(m.describe, o, "  ");
        if (!m.change.table.rows().empty()) {
            out << "\nWithin-arm change (exact sign-flip test; CI: bootstrap)\n" << indented(m.change.table, o, "  ");
            explanations(m.change, out);
        }
        if (!m.compare.table.rows().empty()) {
            out << "\nBetween arms (exact permutation test; " << v.between_methods << ")\n"
                << (m.omnibus.empty() ? "" : wrap(m.omnibus, "  ", 0)) << indented(m.compare.table, o, "  ");
            explanations(m.compare, out);
        }
        if (!m.individual_counts.rows().empty()) {
            out << "\nPerson by person (Jacobson-Truax; reliable: |RCI| > " << analysis::kReliableChangeZ << ")\n" << indented(m.individual_counts, o, "  ");
        }
    }
    render_plan_section_text(v, o, false, out);
    out << "\nMethods: docs/methods.md; reason codes: docs/explain.md. Every p-value is exact unless its\n"
           "method says otherwise (pilotstat change/compare --format csv list the method of each).\n";
}

void render_report_markdown(const ReportView& v, const RenderOptions& o, std::ostream& out,
                            const std::vector<Figure>* figures) {
    const MarkdownRenderer md(o);
    // Pictures are referenced by file name only when the caller writes them beside the report.
    auto pictures = [&](std::size_t m, std::string_view kind) {
        if (!figures) return;
        for (const auto& f : *figures)
            if (f.measure == m && f.kind == kind) out << "\n![" << f.caption << "](" << f.file << ")\n";
    };
    out << "# pilotstat report: " << v.source << "\n\n" << v.settings_line << "\n\n## Summary\n\n" << v.summary << "\n";
    auto reasons = [&](const ExplainedTable& t) {
        for (const auto* e : t.explanations) {
            out << "\n- " << labelled_headline(*e) << '\n';
            for (const auto& r : e->reasons) out << "  - **" << r.code << "**: " << r.sentence << '\n';
            for (const auto& r : e->notes) out << "  - note **" << r.code << "**: " << r.sentence << '\n';
            if (e->robustness) out << "  - robustness: " << e->robustness->sentence << '\n';
        }
    };
    for (const auto& m : v.measures) {
        const std::size_t mi = static_cast<std::size_t>(&m - v.measures.data());
        out << "\n## " << m.label << " (`" << m.measure << "`)\n";
        pictures(mi, "trajectories");
        out << "\n### Descriptives\n\n";
        md.render(m.describe, out);
        if (!m.change.table.rows().empty()) {
            out << "\n### Within-arm change\n\n";
            md.render(m.change.table, out);
            reasons(m.change);
        }
        if (!m.compare.table.rows().empty()) {
            out << "\n### Between arms\n\n";
            if (!m.omnibus.empty()) out << m.omnibus << "\n\n";
            md.render(m.compare.table, out);
            reasons(m.compare);
            pictures(mi, "estimation");
        }
        if (!m.individual_counts.rows().empty()) {
            out << "\n### Person by person\n\n";
            md.render(m.individual_counts, out);
        }
        pictures(mi, "rci");
    }
    if (figures && !v.measures.empty()) {
        out << "\n## All measures\n";
        pictures(kAllMeasures, "forest");
    }
    render_plan_section_text(v, o, true, out);
}

}  // namespace pilotstat::study_report
