// Within-arm change: the exact sign-flip test of the mean change and why it
// is or is not significant. In a randomized trial these rows are secondary
// (they do not compare the arms, Bland & Altman 2011) and always carry
// NO_CONTROL.
#include <cmath>

#include "pilotstat/explain/common_reasons.hpp"
#include "pilotstat/explain/design_sensitivity.hpp"
#include "pilotstat/explain/explain.hpp"
#include "pilotstat/explain/floor_reasons.hpp"
#include "pilotstat/explain/interval_reason.hpp"
#include "pilotstat/explain/robustness.hpp"
#include "pilotstat/explain/row_interval.hpp"
#include "pilotstat/inference/p_floor.hpp"

namespace pilotstat::explain {

namespace {

// Improvement and worsening in opposite directions; zero changes alone are
// not inconsistent. "Improved" counts any change in the better direction,
// however small, and the sentence says so.
std::optional<Reason> direction_reason(const analysis::ChangeRow& r) {
    const std::size_t n = r.pairs.differences.size();
    if (n == 0 || r.improved == 0 || r.worsened == 0) return std::nullopt;
    Reason reason{"INCONSISTENT_DIRECTION",
                  {{"improved", static_cast<double>(r.improved)}, {"worsened", static_cast<double>(r.worsened)},
                   {"unchanged", static_cast<double>(r.unchanged)}},
                  std::to_string(r.improved) + " of " + std::to_string(n) + " improved and " +
                      std::to_string(r.worsened) + " worsened (any change in either direction counted, however small)"};
    if (r.unchanged > 0) reason.sentence += "; " + std::to_string(r.unchanged) + " did not change";
    if (r.sign) {
        reason.numbers.push_back({"p_sign", r.sign->p_value});
        reason.sentence += " (exact sign test p = " + fmt_p(r.sign->p_value) + ")";
    }
    return reason;
}

std::string headline(const data::Study& st, const analysis::ChangeRow& r, const Explanation& e, double alpha) {
    std::string s = st.label(r.measure) + ", " + st.groups[r.group] + " arm, " + st.times[r.from] + " to " +
                    st.times[r.to] + ": ";
    if (!r.mean_change) return s + "no complete pairs.";
    const double m = *r.mean_change;
    s += m == 0 ? "the mean change is 0" : std::string(m < 0 ? "scores fell by " : "scores rose by ") +
                                              fmt_points(std::fabs(m)) + " points on average";
    if (const auto ci = row_interval(r))
        s += " (" + fmt_pct(ci->level) + " interval " + fmt_points(ci->low) + " to " + fmt_points(ci->high) + "; " +
             ci->method + ")";
    s += "; " + std::to_string(r.improved) + " of " + std::to_string(r.pairs.differences.size()) +
         " improved (any change in the better direction). The " + e.test + " gives p = " + fmt_p(e.p_unadjusted);
    if (e.p != e.p_unadjusted) s += " (adjusted " + fmt_p(e.p) + ")";
    s += ": " + verdict_prose(e.significant, alpha);
    return s + ".";
}

}  // namespace

Explanation explain_change(const data::Study& st, const analysis::ChangeRow& r, const analysis::ChangeOptions& o,
                           const Settings& s, const Adjustment& adj, const MeasureKnowledge& k) {
    Explanation e;
    e.test = "exact sign-flip test";
    const std::size_t n = r.pairs.differences.size();
    e.p_unadjusted = r.signflip ? r.signflip->p_value : 1.0;
    e.p = adj.p_adjusted.value_or(e.p_unadjusted);
    e.significant = r.signflip && e.p <= s.alpha;
    e.verdict = e.significant ? "significant" : "not significant";
    auto add = [&](std::optional<Reason> reason) {
        if (reason) e.reasons.push_back(std::move(*reason));
    };
    const double design_floor = inference::design_floor_paired(n, o.exact.alternative);
    if (r.signflip) {
        FloorInfo f{e.test, std::to_string(n) + " pairs", "sign patterns", design_floor, r.signflip->p_floor,
                    std::ldexp(1.0, static_cast<int>(n)), r.unchanged, "", 1};
        if (r.t) {
            f.other_test = "paired t test";
            f.other_p = r.t->test.p_value;
        }
        add(p_floor_reason(f, s.alpha));
        add(zeros_ties_reason(f));
        if (auto note = coarse_note(f, s.alpha)) e.notes.push_back(std::move(*note));
    }
    IntervalContext ic{"mean change", e.test, false, "", "", s.alpha, e.p_unadjusted, e.p, adj.method};
    add(interval_reason(row_interval(r), ic, k, e.significant));
    if (n >= 2)
        add(design_sensitivity_reason({e.test, std::to_string(n) + " pairs", "paired t test", power::paired_design(n),
                                       "SDs of the change (dz)", k.sd, design_floor >= s.alpha * (1 - 1e-9),
                                       ExactDesign{ExactTest::signflip, n, 0, {}, o.exact.alternative,
                                                   o.exact.two_sided_rule},
                                       o.exact.seed, "sign patterns"},
                                      s, o.exact.alternative, e.significant));
    add(direction_reason(r));
    if (adj.p_adjusted) add(multiplicity_reason(e.p_unadjusted, *adj.p_adjusted, s.alpha, adj.method, adj.family_size, adj.family));
    add(missing_reason(r.pairs.missing, n, "a score at " + st.times[r.from] + " or " + st.times[r.to]));
    std::vector<double> scores = r.pairs.from;
    scores.insert(scores.end(), r.pairs.to.begin(), r.pairs.to.end());
    add(floor_ceiling_reason(st, r.measure, scores));
    e.robustness = change_robustness(st, r, o, s.alpha, adj, k.sd);
    add(fragile_reason(e.robustness, e.significant, s.alpha));
    if (e.significant && r.dz && r.dz->ci) add(wide_interval_reason(*r.dz->ci, "dz"));
    e.reasons.push_back(no_control_reason(st.groups[r.group]));
    e.headline = headline(st, r, e, s.alpha);
    return e;
}

}  // namespace pilotstat::explain
