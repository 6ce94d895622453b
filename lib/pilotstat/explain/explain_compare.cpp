#include <cmath>

#include "pilotstat/analysis/pairs.hpp"
#include "pilotstat/explain/common_reasons.hpp"
#include "pilotstat/explain/explain.hpp"
#include "pilotstat/inference/p_floor.hpp"
#include "pilotstat/inference/permutation_test.hpp"
#include "pilotstat/stats/moments.hpp"

namespace pilotstat::explain {

namespace {

std::string what_compared(const data::Study& st, const analysis::CompareOptions& o) {
    switch (o.on) {
        case analysis::CompareOn::change: return "change " + st.times[o.from] + " to " + st.times[o.to];
        case analysis::CompareOn::raw: return "scores at " + st.times[o.to];
        case analysis::CompareOn::ancova: return "scores at " + st.times[o.to] + " adjusted for " + st.times[o.from];
        case analysis::CompareOn::slope: return "per-subject slopes";
        case analysis::CompareOn::auc: return "time-averaged AUC";
    }
    return "";
}

// The primary test: the permutation test of the (adjusted) difference.
const inference::TestResult* primary(const analysis::CompareRow& r) {
    if (r.ancova) return r.ancova->fit ? &r.ancova->fit->permutation : nullptr;
    return r.perm ? &*r.perm : nullptr;
}

std::optional<double> difference(const analysis::CompareRow& r) {
    if (r.ancova) return r.ancova->fit ? std::optional<double>(r.ancova->fit->difference) : std::nullopt;
    return r.mean_diff;
}

double significant_p(const analysis::CompareRow& r) { return r.perm ? r.perm->p_value : 1.0; }

std::optional<Reason> jackknife_reason(const data::Study& st, const analysis::CompareRow& r,
                                       const analysis::CompareOptions& o, double alpha, bool significant) {
    if (r.ancova || r.a.values.size() + r.b.values.size() > 40 || !r.mean_diff) return std::nullopt;
    for (int side = 0; side < 2; ++side) {
        const auto& drop = side == 0 ? r.a : r.b;
        for (std::size_t i = 0; i < drop.values.size(); ++i) {
            std::vector<double> rest;
            for (std::size_t j = 0; j < drop.values.size(); ++j)
                if (j != i) rest.push_back(drop.values[j]);
            const auto t = side == 0 ? inference::permutation_test(rest, r.b.values, o.exact)
                                     : inference::permutation_test(r.a.values, rest, o.exact);
            if (!t) continue;
            const bool sig_i = t->p_value <= alpha;
            const bool flips = t->statistic * *r.mean_diff < 0;
            if (sig_i == significant && !flips) continue;
            Reason reason{significant ? "FRAGILE" : "INFLUENTIAL_SUBJECT", {{"p_without", t->p_value}}, ""};
            reason.sentence = "leaving out " + st.subjects[drop.subjects[i]] +
                              (sig_i != significant ? " changes the verdict at alpha " + fmt_p(alpha) + ": p = " + fmt_p(t->p_value) + " without them, " + fmt_p(significant_p(r)) + " with them"
                                                    : " reverses the sign of the difference (" +
                                                          fmt_points(t->statistic) + " points without them)");
            return reason;
        }
    }
    return std::nullopt;
}

std::optional<Reason> ties_reason(const analysis::CompareRow& r) {
    if (r.ancova || !r.wmw || r.wmw->ties.groups == 0) return std::nullopt;
    Reason reason{"TIES", {{"tie_groups", static_cast<double>(r.wmw->ties.groups)}}, ""};
    reason.sentence = "the pooled values have " + plural(r.wmw->ties.groups, "group") +
                      " of ties: the Wilcoxon-Mann-Whitney test loses resolution (p = " +
                      fmt_p(r.wmw->test.p_value) + ")";
    return reason;
}

// Raw comparisons at a later time mix any baseline difference into the result.
std::optional<Reason> baseline_reason(const data::Study& st, const analysis::CompareRow& r,
                                      const analysis::CompareOptions& o) {
    if (o.on != analysis::CompareOn::raw || o.to == st.baseline) return std::nullopt;
    const auto a = analysis::single_sample(st, r.measure, r.group_a, st.baseline);
    const auto b = analysis::single_sample(st, r.measure, r.group_b, st.baseline);
    if (a.values.size() < 2 || b.values.size() < 2) return std::nullopt;
    const auto ma = stats::moments(a.values), mb = stats::moments(b.values);
    const double pooled = std::sqrt((ma.sum_sq_dev + mb.sum_sq_dev) / static_cast<double>(ma.n + mb.n - 2));
    const double diff = ma.mean - mb.mean;
    if (!(pooled > 0) || std::fabs(diff) <= 0.5 * pooled) return std::nullopt;
    Reason reason{"BASELINE_IMBALANCE", {{"baseline_diff", diff}, {"pooled_sd", pooled}}, ""};
    reason.sentence = "the arms already differed at " + st.times[st.baseline] + " by " + fmt_points(diff) + " points (" +
                      fmt_std(diff / pooled) + " pooled SDs); a raw comparison mixes that in: use --on ancova or --on change";
    return reason;
}

std::vector<double> raw_scores(const data::Study& st, const analysis::CompareRow& r, const analysis::CompareOptions& o) {
    std::vector<double> out;
    for (const auto* g : {&r.a, &r.b})
        for (auto s : g->subjects)
            for (std::size_t t = 0; t < st.times.size(); ++t) {
                const bool used = o.on == analysis::CompareOn::slope || o.on == analysis::CompareOn::auc ||
                                  t == o.to || (t == o.from && o.on != analysis::CompareOn::raw);
                if (used && st.at(r.measure, s, t)) out.push_back(st.at(r.measure, s, t)->value);
            }
    return out;
}

std::string headline(const data::Study& st, const analysis::CompareRow& r, const analysis::CompareOptions& o,
                     const Explanation& e) {
    std::string s = st.label(r.measure) + ", " + what_compared(st, o) + ", " + st.groups[r.group_a] + " minus " +
                    st.groups[r.group_b] + ": ";
    const auto d = difference(r);
    if (!d) return s + "no comparison possible.";
    s += fmt_points(*d) + " points";
    if (r.ancova && r.ancova->fit)
        s += " (" + fmt_pct(r.ancova->fit->ci.conf) + " CI " + fmt_points(r.ancova->fit->ci.low) + " to " +
             fmt_points(r.ancova->fit->ci.high) + ")";
    else if (r.boot && r.boot->interval)
        s += " (" + fmt_pct(r.boot->interval->conf) + " CI " + fmt_points(r.boot->interval->low) + " to " +
             fmt_points(r.boot->interval->high) + "; bootstrap, " + r.boot->method_label + ")";
    if (r.hedges.value && !r.ancova) s += ", Hedges' g = " + fmt_std(r.hedges.value->hedges_g);
    s += ". " + std::string(e.significant ? "Significant" : "Not significant") + ": " + e.test + " p = " +
         fmt_p(e.p_unadjusted);
    if (e.p != e.p_unadjusted) s += " (adjusted " + fmt_p(e.p) + ")";
    return s + ".";
}

}  // namespace

Explanation explain_compare(const data::Study& st, const analysis::CompareRow& r, const analysis::CompareOptions& o,
                            const Settings& s, const Adjustment& adj) {
    Explanation e;
    e.test = r.ancova ? "exact permutation test of the adjusted difference" : "exact permutation test";
    const auto* test = primary(r);
    e.p_unadjusted = test ? test->p_value : 1.0;
    e.p = adj.p_adjusted.value_or(e.p_unadjusted);
    e.significant = test && e.p <= s.alpha;
    e.verdict = e.significant ? "significant" : "not significant";
    auto add = [&](std::optional<Reason> reason) {
        if (reason) e.reasons.push_back(std::move(*reason));
    };
    const std::size_t na = r.a.values.size(), nb = r.b.values.size();
    if (test) {
        const double floor = inference::design_floor_permutation(na, nb, o.exact.alternative, o.exact.two_sided_rule);
        const double splits = 1.0 / inference::design_floor_two_sample(na, nb, inference::Alternative::less);
        add(p_floor_reason({e.test, std::to_string(na) + " v " + std::to_string(nb), "splits", floor, test->p_floor,
                            splits, e.p_unadjusted},
                           s.alpha));
    }
    const double pooled = r.hedges.value ? r.hedges.value->pooled_sd : 0.0;
    if (!e.significant) {
        if (r.ancova && r.ancova->fit) add(ci_spans_reason(r.ancova->fit->ci, "adjusted difference", "t interval, ANCOVA", pooled, "g"));
        else if (r.boot && r.boot->interval)
            add(ci_spans_reason(*r.boot->interval, "difference", "bootstrap, " + r.boot->method_label, pooled, "g"));
        if (r.hedges.value && na >= 2 && nb >= 2 && (!r.ancova || r.ancova->fit)) {
            const double n_h = 2.0 * static_cast<double>(na * nb) / static_cast<double>(na + nb);
            // ANCOVA: the adjusted difference in units of the pooled SD of the scores it adjusts.
            const double observed = r.ancova ? r.ancova->fit->difference / pooled : r.hedges.value->hedges_g;
            add(underpowered_reason(power::Design::two_sample, n_h, observed, pooled, o.exact.alternative,
                                    s, "g", inference::design_floor_permutation(na, nb, o.exact.alternative, o.exact.two_sided_rule) >= s.alpha));
        }
    }
    // The jackknife recomputes unadjusted p-values, so it is compared with the
    // unadjusted verdict (a family's adjusted p cannot be recomputed per subject).
    if (auto j = jackknife_reason(st, r, o, s.alpha, e.p_unadjusted <= s.alpha)) {
        if (!e.significant) j->code = "INFLUENTIAL_SUBJECT";  // FRAGILE is for significant verdicts
        e.reasons.push_back(std::move(*j));
    }
    if (adj.p_adjusted) add(multiplicity_reason(e.p_unadjusted, *adj.p_adjusted, s.alpha, adj.method, adj.family_size, adj.family));
    add(missing_reason(r.a.missing + r.b.missing, na + nb, "the scores this comparison needs"));
    add(ties_reason(r));
    add(floor_ceiling_reason(st, r.measure, raw_scores(st, r, o)));
    add(baseline_reason(st, r, o));
    if (e.significant && r.hedges.value && r.hedges.value->g_ci) add(wide_interval_reason(*r.hedges.value->g_ci, "g"));
    e.headline = headline(st, r, o, e);
    return e;
}

}  // namespace pilotstat::explain
