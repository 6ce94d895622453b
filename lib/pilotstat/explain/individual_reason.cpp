#include "pilotstat/explain/individual_reason.hpp"

namespace pilotstat::explain {

std::optional<Reason> individual_change_reason(const analysis::IndividualSummary& s, const std::string& label,
                                               double rci_z, const std::string& missing_note) {
    if (s.arms.size() < 2) return std::nullopt;
    long classified = 0;
    for (const auto& a : s.arms) classified += a.n;
    if (classified == 0) {
        return Reason{"INDIVIDUAL_CHANGE", {},
                      "reliable change per person not assessed on the " + label +
                          (missing_note.empty() ? std::string(": reliability or SD unknown") : ": " + missing_note)};
    }
    // categories are improved, deteriorated, none (analysis::Reliable order)
    Reason r{"INDIVIDUAL_CHANGE", {}, ""};
    std::string text;
    for (std::size_t i = 0; i < s.arms.size(); ++i) {
        const auto& a = s.arms[i];
        const long improved = a.counts.empty() ? 0 : a.counts[0];
        r.numbers.push_back({"improved_" + a.group, static_cast<double>(improved)});
        r.numbers.push_back({"n_" + a.group, static_cast<double>(a.n)});
        text += (i == 0 ? "" : (i + 1 == s.arms.size() ? " and " : ", ")) + std::to_string(improved) + " of " +
                std::to_string(a.n) + " in the " + a.group + " arm";
    }
    r.sentence = text + " improved reliably on the " + label + " (|RCI| > " + fmt_std(rci_z) + ")";
    if (s.p_value) {
        r.numbers.push_back({"p", *s.p_value});
        if (s.p_floor) r.numbers.push_back({"p_floor", *s.p_floor});
        r.sentence += "; with these arm sizes the exact " + std::string(s.test == "fisher" ? "Fisher" : "Freeman-Halton") +
                      " test on the categories gives p = " + fmt_p(*s.p_value);
        if (s.p_floor) r.sentence += " (smallest attainable " + fmt_p(*s.p_floor) + ")";
    }
    return r;
}

std::optional<Reason> reliable_change_note(const std::vector<analysis::IndividualRow>& rows, const std::string& measure,
                                           const std::string& group, const std::string& from, const std::string& to,
                                           double rci_z) {
    long improved = 0, worse = 0, classified = 0;
    const analysis::IndividualRow* used = nullptr;
    for (const auto& r : rows) {
        if (r.measure != measure || r.group != group || r.from != from || r.to != to || !r.reliable) continue;
        ++classified;
        improved += *r.reliable == analysis::Reliable::improved;
        worse += *r.reliable == analysis::Reliable::deteriorated;
        used = &r;
    }
    if (classified == 0 || !used) return std::nullopt;
    Reason n{"RELIABLE_CHANGE",
             {{"improved_reliably", static_cast<double>(improved)}, {"worsened_reliably", static_cast<double>(worse)},
              {"classified", static_cast<double>(classified)}, {"rci_z", rci_z}},
             ""};
    n.sentence = std::to_string(improved) + " of " + std::to_string(classified) + " improved and " +
                 std::to_string(worse) + " worsened by more than the reliable-change threshold (Jacobson-Truax, |RCI| > " +
                 fmt_std(rci_z);
    if (used->reliability && used->sd)
        n.sentence += "; reliability " + fmt_std(*used->reliability) + ", SD " + fmt_points(*used->sd) + " from " +
                      used->sd_source;
    n.sentence += ")";
    return n;
}

}  // namespace pilotstat::explain
