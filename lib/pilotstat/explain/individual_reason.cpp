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

}  // namespace pilotstat::explain
