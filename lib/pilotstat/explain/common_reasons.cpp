#include "pilotstat/explain/common_reasons.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace pilotstat::explain {

namespace {
// The t test's minimal detectable effect depends only on the design, n, alpha,
// power and alternative, and a report asks for the same few many times: each
// root finding over Boost's noncentral t costs ~0.1 ms, so remember them.
std::optional<double> cached_min_effect(const power::PowerSettings& ps, double n, double target) {
    thread_local std::map<std::tuple<int, double, double, int, double>, std::optional<double>> cache;
    const auto key = std::make_tuple(static_cast<int>(ps.design), n, ps.alpha, static_cast<int>(ps.alternative), target);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    return cache[key] = power::t_min_effect(ps, n, target);
}

std::string count_text(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", x);
    return buf;
}
}  // namespace

std::optional<Reason> p_floor_reason(const FloorInfo& f, double alpha) {
    Reason r{"P_FLOOR", {{"p_floor", f.design_floor}, {"p_floor_data", f.data_floor}, {"alpha", alpha},
                         {"arrangements", f.arrangements}}, ""};
    const std::string extreme = count_text(std::round(f.design_floor * f.arrangements)) + " of " +
                                count_text(f.arrangements) + " " + f.unit;
    if (f.design_floor >= alpha) {
        r.sentence = "no data of this size could be significant: the smallest p-value the " + f.test + " can give with " +
                     f.size + " is " + fmt_p(f.design_floor) + " (" + extreme + "), not below alpha = " + fmt_p(alpha);
        return r;
    }
    if (f.data_floor >= alpha) {
        r.sentence = "the ties and zeros in these data raise the smallest attainable p-value of the " + f.test + " to " +
                     fmt_p(f.data_floor) + ", not below alpha = " + fmt_p(alpha) + " (with " + f.size +
                     " and no ties it would be " + fmt_p(f.design_floor) + ")";
        return r;
    }
    const double below = std::floor(alpha / f.design_floor + 1e-9);
    if (below > 10) return std::nullopt;
    r.numbers.push_back({"attainable_below_alpha", below});
    r.sentence = "the " + f.test + " is coarse at " + f.size + ": its smallest p-value is " + fmt_p(f.design_floor) +
                 " (" + extreme + "), and at most " + count_text(below) + " attainable p-values lie below alpha = " +
                 fmt_p(alpha) + ", so only near-complete separation can be significant";
    return r;
}

std::optional<Reason> ci_spans_reason(const effects::Interval& ci, const std::string& what, const std::string& method,
                                      double sd, const std::string& std_name) {
    if (!(ci.low <= 0.0 && ci.high >= 0.0)) return std::nullopt;
    const double far = std::fabs(ci.low) > std::fabs(ci.high) ? ci.low : ci.high;
    Reason r{"CI_SPANS", {{"ci_low", ci.low}, {"ci_high", ci.high}, {"conf", ci.conf}}, ""};
    r.sentence = "the " + fmt_pct(ci.conf) + " interval for the " + what + " runs from " + fmt_points(ci.low) + " to " +
                 fmt_points(ci.high) + " points (" + method + "): the data are compatible with no effect and with one of " +
                 fmt_points(far) + " points";
    if (sd > 0) {
        r.numbers.push_back({"std_far", far / sd});
        r.sentence += " (" + std_name + " = " + fmt_std(far / sd) + ")";
    }
    return r;
}

std::optional<Reason> underpowered_reason(power::Design design, double n, double observed, double sd_points,
                                          inference::Alternative alternative, const Settings& s,
                                          const std::string& std_name, bool exact_test_powerless) {
    if (n < 2) return std::nullopt;
    const power::PowerSettings ps{design, s.alpha, alternative};
    const auto mde = cached_min_effect(ps, n, s.power);
    if (!mde || std::fabs(observed) >= std::fabs(*mde)) return std::nullopt;
    const bool paired = design == power::Design::paired;
    const std::string unit = paired ? "pairs" : "per arm";
    Reason r{"UNDERPOWERED", {{"mde", std::fabs(*mde)}, {"observed", observed}, {"n", n}, {"power", s.power}}, ""};
    r.sentence = "at " + fmt_pct(s.power) + " power a t test with " + count_text(n) + " " + unit +
                 " detects only effects of " + std_name + " = " + fmt_std(std::fabs(*mde));
    if (sd_points > 0) r.sentence += " (about " + fmt_points(std::fabs(*mde) * sd_points) + " points)";
    r.sentence += "; the observed " + std_name + " is " + fmt_std(observed);
    if (observed != 0.0) {
        const auto need = power::t_sample_size(power::PowerSettings{design, s.alpha, inference::Alternative::two_sided},
                                               std::fabs(observed), s.power, 100000);
        if (need) {
            r.numbers.push_back({"n_needed", static_cast<double>(need->n)});
            r.sentence += ", which would need about " + std::to_string(need->n) + " " + unit + " to detect";
        }
    }
    if (exact_test_powerless) r.sentence += "; the exact test itself cannot reach alpha at this size (P_FLOOR)";
    return r;
}

std::optional<Reason> multiplicity_reason(double p_raw, double p_adj, double alpha, const std::string& method,
                                          std::size_t family_size, const std::string& family) {
    if (!(p_raw <= alpha && p_adj > alpha)) return std::nullopt;
    Reason r{"MULTIPLICITY", {{"p", p_raw}, {"p_adjusted", p_adj}, {"family_size", static_cast<double>(family_size)}}, ""};
    r.sentence = "significant unadjusted (p = " + fmt_p(p_raw) + ") but not after " + method + " adjustment over the " +
                 std::to_string(family_size) + " " + family + " (p = " + fmt_p(p_adj) + ")";
    return r;
}

std::optional<Reason> missing_reason(std::size_t missing, std::size_t used, const std::string& what) {
    if (missing == 0) return std::nullopt;
    Reason r{"MISSING_DATA", {{"missing", static_cast<double>(missing)}, {"used", static_cast<double>(used)}}, ""};
    r.sentence = std::to_string(missing) + " of " + std::to_string(missing + used) + " subjects lack " + what +
                 " and were left out; the result rests on " + std::to_string(used);
    return r;
}

std::optional<Reason> floor_ceiling_reason(const data::Study& st, std::size_t m, const std::vector<double>& scores) {
    if (!st.instruments[m]) return std::nullopt;
    const auto& ins = *st.instruments[m];
    const auto at_min = std::count_if(scores.begin(), scores.end(), [&](double v) { return v <= ins.min; });
    const auto at_max = std::count_if(scores.begin(), scores.end(), [&](double v) { return v >= ins.max; });
    if (at_min + at_max == 0) return std::nullopt;
    Reason r{"FLOOR_CEILING", {{"at_min", static_cast<double>(at_min)}, {"at_max", static_cast<double>(at_max)}}, ""};
    r.sentence = std::to_string(at_min + at_max) + " of " + std::to_string(scores.size()) + " scores sit at the " +
                 ins.label + "'s " + (at_min > 0 ? "floor" : "ceiling") +
                 ": change beyond the scale's end cannot be measured";
    return r;
}

Reason no_control_reason(const std::string& group) {
    return Reason{"NO_CONTROL", {},
                  "a change within the " + group +
                      " arm alone cannot be attributed to treatment: natural course, regression to the mean and "
                      "expectancy change scores too (the between-arm comparison addresses this)"};
}

std::optional<Reason> wide_interval_reason(const effects::Interval& ci, const std::string& std_name) {
    if (ci.high - ci.low <= 1.0) return std::nullopt;
    Reason r{"WIDE_INTERVAL", {{"ci_low", ci.low}, {"ci_high", ci.high}}, ""};
    r.sentence = "the " + fmt_pct(ci.conf) + " interval for " + std_name + " runs from " + fmt_std(ci.low) + " to " +
                 fmt_std(ci.high) + ": the size of the effect is poorly determined";
    return r;
}

}  // namespace pilotstat::explain
