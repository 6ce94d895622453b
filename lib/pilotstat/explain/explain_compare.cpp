// Between arms: the exact permutation test of the difference (of the
// adjusted difference, for ANCOVA) and why it is or is not significant.
#include <cmath>

#include "pilotstat/analysis/pairs.hpp"
#include "pilotstat/explain/common_reasons.hpp"
#include "pilotstat/explain/design_sensitivity.hpp"
#include "pilotstat/explain/explain.hpp"
#include "pilotstat/explain/floor_reasons.hpp"
#include "pilotstat/explain/interval_reason.hpp"
#include "pilotstat/explain/robustness.hpp"
#include "pilotstat/explain/row_interval.hpp"
#include "pilotstat/inference/p_floor.hpp"
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
const core::TestResult* primary(const analysis::CompareRow& r) {
    if (r.ancova) return r.ancova->fit ? &r.ancova->fit->permutation : nullptr;
    return r.perm ? &*r.perm : nullptr;
}

std::optional<double> difference(const analysis::CompareRow& r) {
    if (r.ancova) return r.ancova->fit ? std::optional<double>(r.ancova->fit->difference) : std::nullopt;
    return r.mean_diff;
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
                     const Explanation& e, double alpha) {
    std::string s = st.label(r.measure) + ", " + what_compared(st, o) + ", " + st.groups[r.group_a] + " minus " +
                    st.groups[r.group_b] + ": ";
    const auto d = difference(r);
    if (!d) return s + "no comparison possible.";
    s += fmt_points(*d) + " points";
    if (const auto ci = row_interval(r))
        s += " (" + fmt_pct(ci->level) + " interval " + fmt_points(ci->low) + " to " + fmt_points(ci->high) + "; " +
             ci->method + ")";
    if (r.hedges.value && !r.ancova) s += ", Hedges' g = " + fmt_std(r.hedges.value->hedges_g);
    s += ". The " + e.test + " gives p = " + fmt_p(e.p_unadjusted);
    if (e.p != e.p_unadjusted) s += " (adjusted " + fmt_p(e.p) + ")";
    return s + ": " + verdict_prose(e.significant, alpha) + ".";
}

std::string compared_unit(const analysis::CompareOptions& o) {
    switch (o.on) {
        case analysis::CompareOn::change: return "SDs of the change scores";
        case analysis::CompareOn::raw: return "SDs of the scores";
        default: return "SDs of the compared values";
    }
}

// The SD that turns the design's standardized sensitivity into points:
// ANCOVA's residual SD (the model's own), else the named SD of the measure.
std::optional<NamedValue> sensitivity_sd(const analysis::CompareRow& r, const MeasureKnowledge& k) {
    if (r.ancova && r.ancova->fit && r.ancova->fit->residual_sd > 0)
        return NamedValue{r.ancova->fit->residual_sd,
                          "the ANCOVA residual SD of " + fmt_points(r.ancova->fit->residual_sd) + " points (these data)"};
    return k.sd;
}

// The primary exact test as a design to simulate: arm sizes, and for ANCOVA
// the baselines (arm A first) that the permutation test refits with.
ExactDesign exact_design(const analysis::CompareRow& r, const analysis::CompareOptions& o) {
    ExactDesign d{r.ancova ? ExactTest::ancova_permutation : ExactTest::permutation, r.a.values.size(),
                  r.b.values.size(), {}, o.exact.alternative, o.exact.two_sided_rule};
    if (r.ancova) {
        d.baseline = r.a.baseline;
        d.baseline.insert(d.baseline.end(), r.b.baseline.begin(), r.b.baseline.end());
    }
    return d;
}

}  // namespace

Explanation explain_compare(const data::Study& st, const analysis::CompareRow& r, const analysis::CompareOptions& o,
                            const Settings& s, const Adjustment& adj, const MeasureKnowledge& k) {
    Explanation e;
    const bool anc = r.ancova.has_value();
    e.test = anc ? "exact permutation test of the adjusted difference" : "exact permutation test";
    const auto* test = primary(r);
    e.p_unadjusted = test ? test->p_value : 1.0;
    e.p = adj.p_adjusted.value_or(e.p_unadjusted);
    e.significant = test && e.p <= s.alpha;
    e.verdict = e.significant ? "significant" : "not significant";
    auto add = [&](std::optional<Reason> reason) {
        if (reason) e.reasons.push_back(std::move(*reason));
    };
    const std::size_t na = r.a.values.size(), nb = r.b.values.size();
    const std::string size = std::to_string(na) + " v " + std::to_string(nb);
    const double design_floor = inference::design_floor_permutation(na, nb, o.exact.alternative, o.exact.two_sided_rule);
    if (test) {
        const double splits = 1.0 / inference::design_floor_two_sample(na, nb, core::Alternative::less);
        FloorInfo f{e.test, size, "splits", design_floor, test->p_floor, splits, 0, "", 1};
        if (anc && r.ancova->fit) {
            f.other_test = "ANCOVA t test";
            f.other_p = r.ancova->fit->p_value;
        } else if (r.welch) {
            f.other_test = "Welch t test";
            f.other_p = r.welch->test.p_value;
        }
        add(p_floor_reason(f, s.alpha));
        add(zeros_ties_reason(f));
        if (auto note = coarse_note(f, s.alpha)) e.notes.push_back(std::move(*note));
    }
    IntervalContext ic{anc ? "adjusted difference" : "difference", e.test, true, st.groups[r.group_a],
                       st.groups[r.group_b], s.alpha, e.p_unadjusted, e.p, adj.method};
    add(interval_reason(row_interval(r), ic, k, e.significant));
    if (na >= 2 && nb >= 2 && (!anc || r.ancova->fit))
        add(design_sensitivity_reason({e.test, size, anc ? "t test of the ANCOVA difference" : "two-sample t test",
                                       anc ? power::ancova_design(na, nb) : power::two_sample_design(na, nb),
                                       anc ? "residual SDs" : compared_unit(o), sensitivity_sd(r, k),
                                       design_floor >= s.alpha * (1 - 1e-9), exact_design(r, o), o.exact.seed,
                                       "splits"},
                                      s, o.exact.alternative, e.significant));
    if (adj.p_adjusted) add(multiplicity_reason(e.p_unadjusted, *adj.p_adjusted, s.alpha, adj.method, adj.family_size, adj.family));
    add(missing_reason(r.a.missing + r.b.missing, na + nb, "the scores this comparison needs"));
    add(floor_ceiling_reason(st, r.measure, raw_scores(st, r, o)));
    add(baseline_reason(st, r, o));
    e.robustness = compare_robustness(st, r, o, s.alpha, adj, anc ? sensitivity_sd(r, k) : k.sd);
    add(fragile_reason(e.robustness, e.significant, s.alpha));
    if (e.significant && r.hedges.value && r.hedges.value->g_ci && !anc) add(wide_interval_reason(*r.hedges.value->g_ci, "g"));
    e.headline = headline(st, r, o, e, s.alpha);
    return e;
}

}  // namespace pilotstat::explain
