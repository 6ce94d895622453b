// The report as one table for `check`: one row per effect with its p-values,
// verdict and reason codes, so expectations can pin verdicts and reasons.
#include "pilotstat/study_report/study_report.hpp"

namespace pilotstat::study_report {

// The report is built from the analyses and rendered with the generic renderers.
using namespace pilotstat::analysis;
using namespace pilotstat::report;

report::ResultTable verdict_table(const data::Study& st, const StudyReport& r) {
    using report::ColumnKind;
    report::ResultTable t({{"measure", ColumnKind::text},   {"section", ColumnKind::text},
                           {"group", ColumnKind::text},     {"group_b", ColumnKind::text},
                           {"from", ColumnKind::text},      {"to", ColumnKind::text},
                           {"p", ColumnKind::pvalue},       {"p_adjusted", ColumnKind::pvalue},
                           {"verdict", ColumnKind::text},   {"reasons", ColumnKind::text}});
    auto add = [&](const std::string& section, std::size_t m, const std::string& g, const std::string& gb,
                   std::size_t from, std::size_t to, const explain::Explanation& e) {
        t.add_row();
        t.set("measure", st.measures[m]);
        t.set("section", section);
        t.set("group", g);
        if (!gb.empty()) t.set("group_b", gb);
        t.set("from", st.times[from]);
        t.set("to", st.times[to]);
        t.set("p", e.p_unadjusted);
        t.set("p_adjusted", e.p);
        t.set("verdict", e.verdict);
        std::string codes;
        for (const auto& reason : e.reasons) codes += (codes.empty() ? "" : " ") + reason.code;
        t.set("reasons", codes);
    };
    const auto& o = r.options;
    for (std::size_t i = 0; i < r.changes.size(); ++i) {
        const auto& c = r.changes[i];
        add("change", c.measure, st.groups[c.group], "", c.from, c.to, r.change_expl.explanations[i]);
    }
    for (std::size_t i = 0; i < r.comparisons.size(); ++i) {
        const auto& c = r.comparisons[i];
        add("compare", c.measure, st.groups[c.group_a], st.groups[c.group_b], o.compare.from, o.compare.to,
            r.compare_expl.explanations[i]);
    }
    for (std::size_t i = 0; i < r.ancova.size(); ++i) {
        const auto& c = r.ancova[i];
        add("ancova", c.measure, st.groups[c.group_a], st.groups[c.group_b], o.compare.from, o.compare.to,
            r.ancova_expl.explanations[i]);
    }
    return t;
}

}  // namespace pilotstat::study_report
