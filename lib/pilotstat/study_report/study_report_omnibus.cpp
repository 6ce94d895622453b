// Three or more arms: the omnibus exact test over all arms comes first (on
// the primary analysis's own basis: the ANCOVA F for ANCOVA, the one-way F
// and Kruskal-Wallis otherwise), then the pairs, adjusted across the
// measures and the pairs together. The omnibus p-values are per measure and
// unadjusted, and the sentences say so.
#include "pilotstat/study_report/study_report.hpp"

namespace pilotstat::study_report {

using namespace pilotstat::analysis;

namespace {

std::string p_text(double p) {
    const std::string s = explain::fmt_p(p);
    return s.front() == '<' ? "p " + s : "p = " + s;
}

const CompareRow* first_row(const std::vector<CompareRow>& rows, std::size_t measure) {
    for (const auto& r : rows)
        if (r.measure == measure && r.k_anova) return &r;
    return nullptr;
}

// "the ANCOVA F for the arms (scores at T3 adjusted for T0)", "the one-way F on the change scores T0 to T3"
std::string test_name(const data::Study& st, const CompareOptions& c, bool ancova) {
    const std::string& from = st.times[c.from];
    const std::string& to = st.times[c.to];
    if (ancova) return "ANCOVA F for the arms (scores at " + to + " adjusted for " + from + ")";
    switch (c.on) {
        case CompareOn::raw: return "one-way F on the scores at " + to;
        case CompareOn::slope: return "one-way F on the per-subject slopes";
        case CompareOn::auc: return "one-way F on the time-averaged AUCs";
        case CompareOn::ancova:
        case CompareOn::change: break;
    }
    return "one-way F on the change scores " + from + " to " + to;
}

std::string statistic(const CompareRow& r) {
    std::string s = r.k_anova->f ? "F = " + explain::fmt_std(*r.k_anova->f) + ", " : "";
    s += p_text(r.k_anova->test.p_value) + " (" + r.k_anova->test.method_label() + ")";
    if (r.k_kruskal) s += "; Kruskal-Wallis " + p_text(r.k_kruskal->test.p_value);
    return s;
}

}  // namespace

std::string omnibus_sentence(const data::Study& st, const StudyReport& r, std::size_t measure) {
    if (st.groups.size() < 3) return "";
    const bool ancova = r.options.ancova_primary();
    const auto* row = first_row(r.primary_rows(), measure);
    if (!row) return "";
    const double alpha = r.options.settings.alpha;
    const bool sig = row->k_anova->test.p_value <= alpha;
    std::string s = "Omnibus test over the " + std::to_string(row->k_groups) +
                    " arms, first: the exact permutation test of the " + test_name(st, r.options.compare, ancova) +
                    " gives " + statistic(*row) + ": " + explain::verdict_prose(sig, alpha) + ", unadjusted (" +
                    (sig ? "evidence against equal means in all arms; which pairs differ is for the pairwise tests"
                         : "this does not show the arms to be alike") +
                    "). The pairwise comparisons below are adjusted across the measures and the pairs together (" +
                    r.adjust_label + ").";
    if (ancova)
        if (const auto* other = first_row(r.comparisons, measure))
            s += " Secondary: the exact permutation test of the " + test_name(st, r.options.compare, false) +
                 " gives " + statistic(*other) + ".";
    return s;
}

std::string omnibus_summary(const data::Study& st, const StudyReport& r) {
    std::vector<std::string> parts;
    for (std::size_t m = 0; m < st.measures.size(); ++m)
        if (const auto* row = first_row(r.primary_rows(), m))
            parts.push_back(st.label(m) + " " + p_text(row->k_anova->test.p_value));
    if (parts.empty()) return "";
    std::string s = "With " + std::to_string(st.groups.size()) + " arms the omnibus exact permutation test of the " +
                    test_name(st, r.options.compare, r.options.ancova_primary()) +
                    " comes first (per measure, unadjusted): ";
    for (std::size_t i = 0; i < parts.size(); ++i)
        s += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    return s + ".";
}

}  // namespace pilotstat::study_report
