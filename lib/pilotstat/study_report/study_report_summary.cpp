// The report's opening paragraph. It speaks about the one pre-specified
// primary analysis, says "not statistically significant at alpha = ..."
// rather than anything that equates it with the absence of an effect (ASA
// 2016, principles 2, 3 and 5), and counts the reasons among those rows.
#include <map>

#include "pilotstat/study_report/study_report.hpp"

namespace pilotstat::study_report {

// The report is built from the analyses and rendered with the generic renderers.
using namespace pilotstat::analysis;
using namespace pilotstat::report;

namespace {

std::string list(const std::vector<std::string>& items) {
    std::string s;
    for (std::size_t i = 0; i < items.size(); ++i)
        s += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    return s;
}

std::string within_floors(const StudyReport& r) {
    std::size_t floors = 0;
    for (const auto& e : r.change_expl.explanations) floors += e.has("P_FLOOR");
    if (floors == 0) return "";
    return " " + std::to_string(floors) + " of " + std::to_string(r.change_expl.explanations.size()) +
           " within-arm changes are tested at a size where the exact sign-flip test cannot reach alpha (P_FLOOR).";
}

std::string single_arm_summary(const data::Study& st, const StudyReport& r) {
    const auto& o = r.options;
    std::size_t sig = 0;
    for (const auto& e : r.change_expl.explanations) sig += e.significant;
    const auto n = r.change_expl.explanations.size();
    return "Single-arm study (" + std::to_string(st.subjects.size()) + " participants, no control group): of " +
           std::to_string(n) + " within-arm change" + (n == 1 ? "" : "s") + " from " + st.times[o.compare.from] +
           ", " + std::to_string(sig) + (sig == 1 ? " is" : " are") + " statistically significant at " +
           explain::fmt_alpha(o.settings.alpha) + " (exact sign-flip test, " + r.adjust_label +
           "). Without a control arm no change can be attributed to treatment (NO_CONTROL): natural course, "
           "regression to the mean and expectancy change scores too." + within_floors(r);
}

// What the comparison beside ANCOVA compares, for the summary.
std::string comparison_phrase(const data::Study& st, const CompareOptions& c) {
    const std::string& from = st.times[c.from];
    const std::string& to = st.times[c.to];
    switch (c.on) {
        case CompareOn::raw:
            return c.single_time ? "scores at " + to + ", the only time point (cross-sectional data), compared "
                                   "between the arms"
                                 : "scores at " + to + " compared between the arms (not adjusted for " + from + ")";
        case CompareOn::slope: return "each participant's least-squares slope over the visits compared between the arms";
        case CompareOn::auc: return "each participant's time-averaged area under the curve compared between the arms";
        case CompareOn::ancova:
        case CompareOn::change: break;
    }
    return "change " + from + " to " + to + " compared between the arms";
}

// The secondary analyses named after the primary family.
std::string secondary_sentence(const StudyReport& r) {
    const auto& o = r.options;
    if (o.single_time)
        return " With one time point there is no within-arm change, ANCOVA or person-by-person change.";
    const std::string basis = std::string(to_string(o.compare.on));
    return std::string(" Secondary, outside the primary family: the ") +
           (o.ancova_primary() ? basis + "-score comparison" : "ANCOVA comparison") +
           " and the within-arm changes (which do not compare the arms; NO_CONTROL).";
}

}  // namespace

std::string report_summary(const data::Study& st, const StudyReport& r) {
    if (st.groups.size() < 2) return single_arm_summary(st, r);
    const auto& o = r.options;
    const bool change = !o.ancova_primary();
    const auto& rows = r.primary_rows();
    const auto& expl = r.primary_expl().explanations;
    std::vector<std::string> sig, not_sig;
    std::map<std::string, std::size_t> codes;
    std::vector<std::string> order;
    for (std::size_t i = 0; i < expl.size(); ++i) {
        const std::string name = st.label(rows[i].measure) +
                                 (st.groups.size() > 2 ? " (" + st.groups[rows[i].group_a] + " v " +
                                                             st.groups[rows[i].group_b] + ")"
                                                       : "");
        (expl[i].significant ? sig : not_sig).push_back(name);
        if (expl[i].significant) continue;
        for (const auto& reason : expl[i].reasons) {
            if (!codes.count(reason.code)) order.push_back(reason.code);
            ++codes[reason.code];
        }
    }
    const std::string analysis = change ? comparison_phrase(st, o.compare)
                                        : "ANCOVA of the scores at " + st.times[o.compare.to] + " adjusted for " +
                                              st.times[o.compare.from];
    const std::string chosen = o.primary_flag.empty() ? "" : " (pre-specified with " + o.primary_flag + ")";
    const bool k_arms = st.groups.size() > 2;
    std::string s = "Primary analysis" + chosen + ": " + analysis;
    // three or more arms: the omnibus test first, then the pairs
    const std::string omnibus = k_arms ? omnibus_summary(st, r) : "";
    s += omnibus.empty() ? ", exact permutation test, " + r.adjust_label + ". Of "
                         : ". " + omnibus + " Then the pairwise exact permutation tests, " + r.adjust_label + ": of ";
    s += std::to_string(expl.size()) +
                    (k_arms ? " comparison" : " measure") + (expl.size() == 1 ? "" : "s") + ", " + std::to_string(sig.size()) +
                    (sig.size() == 1 ? " is" : " are") + " statistically significant at " +
                    explain::fmt_alpha(o.settings.alpha) + (sig.empty() ? "" : " (" + list(sig) + ")") + " and " +
                    std::to_string(not_sig.size()) + (not_sig.size() == 1 ? " is" : " are") + " not" +
                    (not_sig.empty() ? "" : " (" + list(not_sig) + ")") + ".";
    if (!not_sig.empty()) {
        s += " A result that is not statistically significant does not show that the arms are alike; each "
             "interval shows which effects the data are compatible with.";
        if (!order.empty()) {
            s += " Reasons among the " + std::to_string(not_sig.size()) + " not significant:";
            for (std::size_t i = 0; i < order.size(); ++i)
                s += std::string(i ? "," : "") + " " + order[i] + " (" + std::to_string(codes[order[i]]) + ")";
            s += ".";
        }
    }
    s += secondary_sentence(r) + within_floors(r);
    return s;
}

}  // namespace pilotstat::study_report
