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

ExactSensitivity simulated(const SensitivityInput& in, const Settings& s) {
    if (s.sensitivity_cache) return s.sensitivity_cache->get(*in.exact, s.alpha, s.power, in.seed);
    return simulate_exact_sensitivity(*in.exact, s.alpha, s.power, in.seed);
}

// "by simulation under a normal model (given these baselines), 2000 replicates, seed 7"
std::string how(const SensitivityInput& in, const ExactSensitivity& x) {
    std::string h = "by simulation under a normal model";
    if (in.exact->test == ExactTest::ancova_permutation) h += " given these baselines";
    h += ", " + std::to_string(x.replicates) + " replicates, seed " + std::to_string(x.seed);
    if (!x.enumerated)
        h += "; each replicate's test over " + std::to_string(x.inner_resamples) + " random " + in.arrangement_unit +
             " (Monte Carlo) instead of all " + fmt_points(x.arrangements);
    return h;
}
}  // namespace

std::optional<Reason> design_sensitivity_reason(const SensitivityInput& in, const Settings& s,
                                                core::Alternative alternative, bool significant) {
    if (significant) return std::nullopt;
    const auto mde = power::design_min_effect(in.design, s.alpha, alternative, s.power);
    if (!mde) return std::nullopt;
    const double t_size = std::fabs(*mde);
    Reason r{"DESIGN_SENSITIVITY", {{"power", s.power}, {"alpha", s.alpha}, {"df", in.design.df}}, ""};
    std::string text = "a property of the design, not of the observed effect: with " + in.size + ", alpha = " +
                       fmt_p(s.alpha) + " (" + sided(alternative) + ") and " + fmt_pct(s.power) + " power, ";
    // The figure in points right after its own sentence part, so that it is clear which is converted.
    auto points = [&](double sd_units) {
        if (!in.sd) return std::string();
        r.numbers.push_back({"sd", in.sd->value});
        r.numbers.push_back({"mde_points", sd_units * in.sd->value});
        return ", that is " + fmt_points(sd_units * in.sd->value) + " points taking that SD to be " + in.sd->name;
    };
    auto t_part = [&](bool with_points) {
        return "a " + in.t_name + " (df = " + fmt_points(in.design.df) + ") would detect true effects of " +
               fmt_std(t_size) + " " + in.std_unit + " or more" + (with_points ? points(t_size) : "");
    };
    if (in.primary_cannot_reach_alpha) {
        r.numbers.push_back({"mde_sd", t_size});
        r.numbers.push_back({"primary_power", 0.0});
        text += "the " + in.test + " has zero power at every effect size (it cannot reach alpha; P_FLOOR); " + t_part(true);
    } else if (in.exact) {
        const auto x = simulated(in, s);
        r.numbers.push_back({"replicates", static_cast<double>(x.replicates)});
        r.numbers.push_back({"mde_sd_t", t_size});
        if (x.effect) {
            r.numbers.push_back({"mde_sd", *x.effect});
            r.numbers.push_back({"simulated_power", x.power_at});
            r.numbers.push_back({"mc_se", x.mc_se});
            text += "the " + in.test + " detects true effects of about " + fmt_std(*x.effect) + " " + in.std_unit +
                    " or more (" + how(in, x) + "; Monte Carlo SE of the power there " + fmt_p(x.mc_se) + ")" +
                    points(*x.effect) + "; for comparison, " + t_part(false);
        } else {  // no mde_sd: the exact test has none up to max_effect
            r.numbers.push_back({"primary_power", x.power_at});
            text += "the " + in.test + " does not reach " + fmt_pct(s.power) + " power at any effect up to " +
                    fmt_points(x.max_effect) + " " + in.std_unit + " (" + how(in, x) + "); " + t_part(true);
        }
    } else {
        r.numbers.push_back({"mde_sd", t_size});
        text += "the " + in.test + " detects true effects of about " + fmt_std(t_size) + " " + in.std_unit +
                " or more (t approximation, " + in.t_name + ", df = " + fmt_points(in.design.df) + ")" + points(t_size);
    }
    r.sentence = text;
    return r;
}

}  // namespace pilotstat::explain
