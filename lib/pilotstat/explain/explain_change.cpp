#include <cmath>

#include "pilotstat/explain/common_reasons.hpp"
#include "pilotstat/explain/explain.hpp"
#include "pilotstat/inference/p_floor.hpp"
#include "pilotstat/inference/signflip_test.hpp"
#include "pilotstat/stats/ranks.hpp"

namespace pilotstat::explain {

namespace {

std::optional<Reason> direction_reason(const analysis::ChangeRow& r) {
    const std::size_t n = r.pairs.differences.size();
    if (n == 0 || r.improved == n || r.worsened == n) return std::nullopt;
    Reason reason{"INCONSISTENT_DIRECTION",
                  {{"improved", static_cast<double>(r.improved)}, {"worsened", static_cast<double>(r.worsened)},
                   {"unchanged", static_cast<double>(r.unchanged)}},
                  std::to_string(r.improved) + " of " + std::to_string(n) + " improved, " + std::to_string(r.worsened) +
                      " worsened and " + std::to_string(r.unchanged) + " did not change"};
    if (r.sign) {
        reason.numbers.push_back({"p_sign", r.sign->p_value});
        reason.sentence += " (exact sign test p = " + fmt_p(r.sign->p_value) + ")";
    }
    return reason;
}

std::optional<Reason> ties_reason(const analysis::ChangeRow& r) {
    std::vector<double> abs_d;
    for (double d : r.pairs.differences) abs_d.push_back(std::fabs(d));
    const auto ties = stats::tie_summary(abs_d);
    if (r.unchanged == 0 && ties.groups == 0) return std::nullopt;
    Reason reason{"TIES", {{"zeros", static_cast<double>(r.unchanged)}, {"tie_groups", static_cast<double>(ties.groups)}}, ""};
    reason.sentence = plural(r.unchanged, "zero difference") + " and " + plural(ties.groups, "group") +
                      " of tied differences: the signed-rank test loses resolution";
    if (r.signrank) reason.sentence += " (p = " + fmt_p(r.signrank->p_value) + ")";
    return reason;
}

double significant_p(const analysis::ChangeRow& r) { return r.signflip ? r.signflip->p_value : 1.0; }

// Leave-one-out over subjects: does dropping one change the verdict or the sign?
std::optional<Reason> jackknife_reason(const data::Study& st, const analysis::ChangeRow& r,
                                       const analysis::ChangeOptions& o, double alpha, bool significant) {
    const auto& d = r.pairs.differences;
    if (d.size() < 3 || !r.mean_change) return std::nullopt;
    for (std::size_t i = 0; i < d.size(); ++i) {
        std::vector<double> rest;
        for (std::size_t j = 0; j < d.size(); ++j)
            if (j != i) rest.push_back(d[j]);
        const auto t = inference::signflip_test(rest, o.exact);
        if (!t) continue;
        const bool sig_i = t->p_value <= alpha;
        const bool flips = (t->statistic > 0) != (*r.mean_change > 0) && t->statistic != 0 && *r.mean_change != 0;
        if (sig_i == significant && !flips) continue;
        const std::string who = st.subjects[r.pairs.subjects[i]];
        Reason reason{significant ? "FRAGILE" : "INFLUENTIAL_SUBJECT", {{"p_without", t->p_value}}, ""};
        reason.sentence = "leaving out " + who + (sig_i != significant
                                                        ? " changes the verdict at alpha " + fmt_p(alpha) + ": p = " + fmt_p(t->p_value) + " without them, " + fmt_p(significant_p(r)) + " with them"
                                                        : " reverses the sign of the mean change (" + fmt_points(t->statistic) +
                                                              " points without them)");
        return reason;
    }
    return std::nullopt;
}

std::string headline(const data::Study& st, const analysis::ChangeRow& r, const Explanation& e) {
    std::string s = st.label(r.measure) + ", " + st.groups[r.group] + " arm, " + st.times[r.from] + " to " +
                    st.times[r.to] + ": ";
    if (!r.mean_change) return s + "no complete pairs.";
    const double m = *r.mean_change;
    s += m == 0 ? "no change on average" : std::string(m < 0 ? "scores fell by " : "scores rose by ") +
                                                fmt_points(std::fabs(m)) + " points on average";
    if (r.boot.interval)
        s += " (" + fmt_pct(r.boot.interval->conf) + " CI " + fmt_points(r.boot.interval->low) + " to " +
             fmt_points(r.boot.interval->high) + "; bootstrap, " + r.boot.method_label + ")";
    s += "; " + std::to_string(r.improved) + " of " + std::to_string(r.pairs.differences.size()) + " improved. ";
    s += e.significant ? "Significant" : "Not significant";
    s += ": " + e.test + " p = " + fmt_p(e.p_unadjusted);
    if (e.p != e.p_unadjusted) s += " (adjusted " + fmt_p(e.p) + ")";
    return s + ".";
}

}  // namespace

Explanation explain_change(const data::Study& st, const analysis::ChangeRow& r, const analysis::ChangeOptions& o,
                           const Settings& s, const Adjustment& adj) {
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
    if (r.signflip) {
        const double floor = inference::design_floor_paired(n, o.exact.alternative);
        add(p_floor_reason({e.test, std::to_string(n) + " pairs", "sign patterns", floor, r.signflip->p_floor,
                            std::ldexp(1.0, static_cast<int>(n)), e.p_unadjusted},
                           s.alpha));
    }
    const double sd = r.sd_change.value_or(0.0);
    if (r.boot.interval && !e.significant)
        add(ci_spans_reason(*r.boot.interval, "mean change", "bootstrap, " + r.boot.method_label, sd, "dz"));
    if (!e.significant && r.dz)
        add(underpowered_reason(power::Design::paired, static_cast<double>(n), r.dz->estimate, sd,
                                o.exact.alternative, s, "dz", inference::design_floor_paired(n, o.exact.alternative) >= s.alpha));
    add(direction_reason(r));
    // The jackknife recomputes unadjusted p-values, so it is compared with the
    // unadjusted verdict (a family's adjusted p cannot be recomputed per subject).
    if (auto j = jackknife_reason(st, r, o, s.alpha, e.p_unadjusted <= s.alpha)) {
        if (!e.significant) j->code = "INFLUENTIAL_SUBJECT";  // FRAGILE is for significant verdicts
        e.reasons.push_back(std::move(*j));
    }
    if (adj.p_adjusted) add(multiplicity_reason(e.p_unadjusted, *adj.p_adjusted, s.alpha, adj.method, adj.family_size, adj.family));
    add(missing_reason(r.pairs.missing, n, "a score at " + st.times[r.from] + " or " + st.times[r.to]));
    add(ties_reason(r));
    std::vector<double> scores = r.pairs.from;
    scores.insert(scores.end(), r.pairs.to.begin(), r.pairs.to.end());
    add(floor_ceiling_reason(st, r.measure, scores));
    if (e.significant && r.dz && r.dz->ci) add(wide_interval_reason(*r.dz->ci, "dz"));
    e.reasons.push_back(no_control_reason(st.groups[r.group]));
    e.headline = headline(st, r, e);
    return e;
}

}  // namespace pilotstat::explain
