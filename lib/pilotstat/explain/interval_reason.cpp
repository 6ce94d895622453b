#include "pilotstat/explain/interval_reason.hpp"

#include <cmath>
#include <vector>

namespace pilotstat::explain {

namespace {
bool contains(const RowInterval& ci, double x) { return ci.low <= x && x <= ci.high; }

// The clinically important effect(s) the interval is checked against, in the
// sign of the row's quantity: within an arm an improvement (a fall on a scale
// where higher is worse); between arms an important difference favouring either arm.
struct Important {
    bool reached = false;
    std::string what;  // "a clinically important improvement of 5 points (...)"
};

Important important(const RowInterval& ci, const IntervalContext& c, const MeasureKnowledge& k) {
    const double m = k.mcid->value;
    const double better = k.higher_is_worse ? -m : m;  // improvement, or difference favouring arm A
    if (!c.between)  // an improvement at least as large as the MCID is inside the interval
        return {better < 0 ? ci.low <= better : ci.high >= better,
                "a clinically important improvement (" + k.mcid->name + ")"};
    const bool favours_a = better < 0 ? ci.low <= better : ci.high >= better;
    const bool favours_b = better < 0 ? ci.high >= -better : ci.low <= -better;
    const std::string who = favours_a == favours_b ? "either arm" : favours_a ? c.arm_a : c.arm_b;
    return {favours_a || favours_b, "a clinically important difference in favour of " + who + " (" + k.mcid->name + ")"};
}

std::string interval_text(const RowInterval& ci, const IntervalContext& c) {
    return "the " + fmt_pct(ci.level) + " interval for the " + c.what + " (" + ci.method + ") runs from " +
           fmt_points(ci.low) + " to " + fmt_points(ci.high) + " points";
}
}  // namespace

std::optional<Reason> interval_reason(const std::optional<RowInterval>& ci, const IntervalContext& c,
                                      const MeasureKnowledge& k, bool significant) {
    if (significant || !ci) return std::nullopt;
    Reason r{"", {{"ci_low", ci->low}, {"ci_high", ci->high}, {"ci_level", ci->level}}, ""};
    const bool zero = contains(*ci, 0.0);
    r.numbers.push_back({"includes_zero", zero ? 1.0 : 0.0});
    std::optional<Important> imp;
    if (k.mcid) {
        imp = important(*ci, c, k);
        r.numbers.push_back({"mcid", k.mcid->value});
        r.numbers.push_back({"includes_mcid", imp->reached ? 1.0 : 0.0});
    }
    const std::string text = interval_text(*ci, c);
    const std::string none = c.between ? "a difference of 0" : "no change";
    if (zero) {
        if (!imp) {
            r.code = "CI_SPANS";
            r.sentence = text + ": compatible with " + none + " and with effects up to " +
                         fmt_points(std::fabs(ci->low) > std::fabs(ci->high) ? ci->low : ci->high) +
                         " points; no MCID is sourced for this measure, so clinical importance is not judged";
        } else if (imp->reached) {
            r.code = "INCONCLUSIVE";
            r.sentence = text + ": compatible with " + none + " and with " + imp->what + ", so these data are inconclusive";
        } else {
            r.code = "EXCLUDES_MCID";
            r.sentence = text + ": compatible with " + none + ", and it excludes " + imp->what +
                         "; at this level, evidence against an effect that large";
        }
        return r;
    }
    r.code = "CI_EXCLUDES_ZERO";
    r.sentence = text + " and excludes " + none + ", while the " + c.test + " is " + verdict_prose(false, c.alpha) +
                 " (p = " + fmt_p(c.p_unadjusted);
    if (c.p_verdict > c.p_unadjusted && !c.adjustment.empty())
        r.sentence += ", " + fmt_p(c.p_verdict) + " after " + c.adjustment + " adjustment";
    r.sentence += ")";
    std::vector<std::string> why;
    if (!ci->agrees_with_test) why.push_back("comes from a different method than the test");
    if (c.p_verdict > c.p_unadjusted) why.push_back("is not adjusted for multiplicity");
    if (!why.empty()) r.sentence += ": the interval " + why[0] + (why.size() > 1 ? " and " + why[1] : "");
    if (std::fabs(ci->level - (1.0 - c.alpha)) > 1e-9)
        r.sentence += ", and its level (" + fmt_pct(ci->level) + ") is not 1 - alpha";
    if (imp) r.sentence += std::string("; it ") + (imp->reached ? "includes " : "excludes ") + imp->what;
    return r;
}

}  // namespace pilotstat::explain
