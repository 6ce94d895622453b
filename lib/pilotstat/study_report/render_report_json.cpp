// The whole report as JSON with stable keys (docs/formats.md, "report json"):
// every table row with all its columns, plus verdict, adjusted p and reasons
// (codes, numbers, sentences) for each effect.
#include "pilotstat/report/json_values.hpp"
#include "pilotstat/study_report/render_report_plan.hpp"
#include "pilotstat/study_report/study_report_view.hpp"

namespace pilotstat::study_report {

// The report is built from the analyses and rendered with the generic renderers.
using namespace pilotstat::analysis;
using namespace pilotstat::report;

namespace {

void reasons_json(std::ostream& out, const std::vector<explain::Reason>& reasons) {
    out << '[';
    for (std::size_t i = 0; i < reasons.size(); ++i) {
        const auto& r = reasons[i];
        out << (i ? ", " : "") << "{\"code\": " << json_string(r.code) << ", \"numbers\": {";
        for (std::size_t k = 0; k < r.numbers.size(); ++k) {
            out << (k ? ", " : "") << json_string(r.numbers[k].name) << ": ";
            out << json_number(r.numbers[k].value);
        }
        out << "}, \"sentence\": " << json_string(r.sentence) << '}';
    }
    out << ']';
}

void robustness_json(std::ostream& out, const std::optional<explain::Robustness>& r) {
    if (!r) {
        out << "null";
        return;
    }
    out << "{\"left_out\": " << r->left_out << ", \"estimate_min\": ";
    out << json_number(r->estimate_min);
    out << ", \"estimate_max\": ";
    out << json_number(r->estimate_max);
    out << ", \"without_min\": " << json_string(r->without_min) << ", \"without_max\": " << json_string(r->without_max)
        << ", \"sd\": ";
    if (r->sd) out << json_number(*r->sd);
    else out << "null";
    out << ", \"verdict_recomputed\": " << (r->verdict_recomputed ? "true" : "false")
        << ", \"adjusted_verdict_changes\": " << (r->verdict_changes ? "true" : "false") << ", \"changer\": ";
    if (r->verdict_changes) {
        out << json_string(r->changer) << ", \"p_adjusted_without\": ";
        out << json_number(r->p_adjusted_without);
    } else {
        out << "null, \"p_adjusted_without\": null";
    }
    out << ", \"sentence\": " << json_string(r->sentence) << '}';
}

void explanation_json(std::ostream& out, const explain::Explanation& e) {
    out << ", \"role\": " << json_string(e.role) << ", \"verdict\": " << json_string(e.verdict)
        << ", \"test\": " << json_string(e.test) << ", \"p_verdict\": ";
    out << json_number(e.p);
    out << ", \"headline\": " << json_string(e.headline) << ", \"reasons\": ";
    reasons_json(out, e.reasons);
    out << ", \"notes\": ";
    reasons_json(out, e.notes);
    out << ", \"robustness\": ";
    robustness_json(out, e.robustness);
}

// Rows `rows` of `t` as objects; with explanations appended when given.
void rows_json(std::ostream& out, const ResultTable& t, const std::vector<std::size_t>& rows,
               const std::vector<explain::Explanation>* expl) {
    out << '[';
    for (std::size_t k = 0; k < rows.size(); ++k) {
        out << (k ? ",\n        {" : "\n        {");
        const auto& row = t.rows()[rows[k]];
        for (std::size_t c = 0; c < t.columns().size(); ++c) {
            out << (c ? ", " : "") << json_string(t.columns()[c].name) << ": ";
            out << json_cell(row[c]);
        }
        if (expl) explanation_json(out, (*expl)[rows[k]]);
        out << '}';
    }
    out << (rows.empty() ? "]" : "\n      ]");
}

}  // namespace

void render_report_json(const study_report::StudyReport& r, const ReportView& v, std::ostream& out) {
    const auto& s = r.options.settings;
    out << "{\n  \"source\": " << json_string(v.source) << ",\n  \"settings\": {\"alpha\": ";
    out << json_number(s.alpha);
    out << ", \"power\": ";
    out << json_number(s.power);
    out << ", \"adjust\": " << json_string(r.options.adjust) << ", \"family\": " << json_string(r.options.family)
        << ", \"primary\": " << json_string(r.options.primary) << ", \"adjustment\": " << json_string(r.adjust_label)
        << ", \"seed\": " << r.options.change.exact.seed << ", \"times\": [";
    for (std::size_t t = 0; t < v.study->times.size(); ++t) out << (t ? ", " : "") << json_string(v.study->times[t]);
    out << "], \"time_order\": " << json_string(v.study->time_order) << "},\n  \"summary\": " << json_string(v.summary)
        << ",\n  \"measures\": [";
    for (std::size_t i = 0; i < v.measures.size(); ++i) {
        const auto& m = v.measures[i];
        out << (i ? ",\n    {" : "\n    {") << "\"measure\": " << json_string(m.measure)
            << ", \"label\": " << json_string(m.label) << ", \"instrument\": ";
        if (const auto mi = v.study->measure_index(m.measure); mi && v.study->instruments[*mi])
            out << json_string(v.study->instruments[*mi]->label);
        else
            out << "null";
        out << ",\n      \"omnibus\": ";
        if (m.omnibus.empty()) out << "null";
        else out << json_string(m.omnibus);
        out << ",\n      \"describe\": ";
        rows_json(out, v.describe_full, m.describe_rows, nullptr);
        out << ",\n      \"change\": ";
        rows_json(out, v.change_full, m.change_rows, &r.change_expl.explanations);
        out << ",\n      \"compare\": ";
        rows_json(out, v.compare_full, m.compare_rows, &r.compare_expl.explanations);
        out << ",\n      \"ancova\": ";
        rows_json(out, v.ancova_full, m.ancova_rows, &r.ancova_expl.explanations);
        out << ",\n      \"individual\": ";
        rows_json(out, v.individual_full, v.individual_rows[i], nullptr);
        out << ",\n      \"individual_summary\": ";
        rows_json(out, v.individual_summary_full, v.individual_summary_rows[i], nullptr);
        out << '}';
    }
    out << "\n  ]";
    render_plan_section_json(v, out);
    out << "\n}\n";
}

}  // namespace pilotstat::study_report
