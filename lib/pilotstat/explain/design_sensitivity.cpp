#include "pilotstat/explain/design_sensitivity.hpp"

#include <cmath>

namespace pilotstat::explain {

namespace {
std::string sided(core::Alternative a) {
    switch (a) {
        case core::Alternative::two_sided: return "two-sided";
        case core::Alternative::less: return "one-sided, less";
        case core::Alternative::greater: return "one-sided, greater";
    }
    return "";
}
}  // namespace

std::optional<Reason> design_sensitivity_reason(const SensitivityInput& in, const Settings& s,
                                                core::Alternative alternative, bool significant) {
    if (significant) return std::nullopt;
    const auto mde = power::design_min_effect(in.design, s.alpha, alternative, s.power);
    if (!mde) return std::nullopt;
    const double size = std::fabs(*mde);
    Reason r{"DESIGN_SENSITIVITY",
             {{"mde_sd", size}, {"power", s.power}, {"alpha", s.alpha}, {"df", in.design.df}}, ""};
    std::string text = "a property of the design, not of the observed effect: with " + in.size + ", alpha = " +
                       fmt_p(s.alpha) + " (" + sided(alternative) + ") and " + fmt_pct(s.power) + " power, ";
    if (in.primary_cannot_reach_alpha) {
        r.numbers.push_back({"primary_power", 0.0});
        text += "the " + in.test + " has zero power at every effect size (it cannot reach alpha; P_FLOOR); a " + in.t_name +
                " would detect true effects of " + fmt_std(size) + " " + in.std_unit + " or more";
    } else {
        text += "the " + in.test + " detects true effects of about " + fmt_std(size) + " " + in.std_unit +
                " or more (t approximation, " + in.t_name + ", df = " + fmt_points(in.design.df) + ")";
    }
    if (in.sd) {
        r.numbers.push_back({"sd", in.sd->value});
        r.numbers.push_back({"mde_points", size * in.sd->value});
        text += "; taking that SD to be " + in.sd->name + ", " + fmt_points(size * in.sd->value) + " points";
    }
    r.sentence = text;
    return r;
}

}  // namespace pilotstat::explain
