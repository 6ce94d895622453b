#include "pilotstat/explain/common_reasons.hpp"

#include <algorithm>
#include <cmath>

namespace pilotstat::explain {

std::optional<Reason> multiplicity_reason(double p_raw, double p_adj, double alpha, const std::string& method,
                                          std::size_t family_size, const std::string& family) {
    if (!(p_raw <= alpha && p_adj > alpha)) return std::nullopt;
    Reason r{"MULTIPLICITY", {{"p", p_raw}, {"p_adjusted", p_adj}, {"family_size", static_cast<double>(family_size)}}, ""};
    r.sentence = "p = " + fmt_p(p_raw) + " before adjustment, " + fmt_p(p_adj) + " after " + method +
                 " adjustment over the " + std::to_string(family_size) + " " + family + ": " +
                 verdict_prose(false, alpha) + " once the family is taken into account";
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
                      "expectancy change scores too; within-arm tests do not compare the arms (Bland & Altman 2011), "
                      "the between-arm comparison does"};
}

std::optional<Reason> wide_interval_reason(const core::Interval& ci, const std::string& std_name) {
    if (ci.high - ci.low <= 1.0) return std::nullopt;
    Reason r{"WIDE_INTERVAL", {{"ci_low", ci.low}, {"ci_high", ci.high}}, ""};
    r.sentence = "the " + fmt_pct(ci.conf) + " interval for " + std_name + " runs from " + fmt_std(ci.low) + " to " +
                 fmt_std(ci.high) + ": the size of the effect is poorly determined";
    return r;
}

}  // namespace pilotstat::explain
