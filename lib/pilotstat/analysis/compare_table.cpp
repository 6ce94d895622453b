// The `compare` ResultTable: the columns in order, then the ANCOVA
// columns, then extras naming how each number was made.
#include <algorithm>
#include <cstdio>

#include "pilotstat/analysis/compare.hpp"
#include "pilotstat/analysis/test_columns.hpp"
#include "pilotstat/analysis/tost_columns.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/null/p_floor.hpp"

namespace pilotstat::analysis {

namespace {
using report::ColumnKind;

std::vector<report::Column> compare_columns(bool ancova) {
    std::vector<std::pair<const char*, ColumnKind>> spec{
        {"measure", ColumnKind::text},     {"on", ColumnKind::text},           {"from", ColumnKind::text},
        {"to", ColumnKind::text},          {"group_a", ColumnKind::text},      {"group_b", ColumnKind::text},
        {"n_a", ColumnKind::integer},      {"n_b", ColumnKind::integer},       {"mean_a", ColumnKind::real},
        {"mean_b", ColumnKind::real},      {"mean_diff", ColumnKind::real},    {"p_perm", ColumnKind::pvalue},
        {"p_wmw", ColumnKind::pvalue},     {"p_welch", ColumnKind::pvalue},    {"p_student", ColumnKind::pvalue},
        {"p_floor_perm", ColumnKind::pvalue}, {"p_floor_wmw", ColumnKind::pvalue}, {"method_perm", ColumnKind::text},
        {"hedges_g", ColumnKind::real},    {"g_ci_low", ColumnKind::real},     {"g_ci_high", ColumnKind::real},
        {"cliffs_delta", ColumnKind::real}, {"delta_ci_low", ColumnKind::real}, {"delta_ci_high", ColumnKind::real},
        {"hl_shift", ColumnKind::real},    {"hl_ci_low", ColumnKind::real},    {"hl_ci_high", ColumnKind::real},
        {"boot_ci_low", ColumnKind::real}, {"boot_ci_high", ColumnKind::real}, {"boot_method", ColumnKind::text},
        {"ci_low", ColumnKind::real},      {"ci_high", ColumnKind::real},      {"ci_level", ColumnKind::real},
        {"ci_method", ColumnKind::text},   {"perm_ci_low", ColumnKind::real},  {"perm_ci_high", ColumnKind::real},
        {"perm_ci_level", ColumnKind::real}};
    if (ancova)
        spec.insert(spec.end(), {{"adj_diff", ColumnKind::real}, {"adj_ci_low", ColumnKind::real},
                                 {"adj_ci_high", ColumnKind::real}, {"p_ancova_perm", ColumnKind::pvalue},
                                 {"p_ancova_t", ColumnKind::pvalue}, {"method_ancova_perm", ColumnKind::text},
                                 {"adj_perm_ci_low", ColumnKind::real}, {"adj_perm_ci_high", ColumnKind::real},
                                 {"adj_perm_ci_level", ColumnKind::real}, {"method_adj_perm_ci", ColumnKind::text}});
    spec.insert(spec.end(),
                {{"method_perm_ci", ColumnKind::text}, {"alternative", ColumnKind::text}, {"two_sided", ColumnKind::text}, {"missing_a", ColumnKind::integer}, {"missing_b", ColumnKind::integer},
                 {"method_wmw", ColumnKind::text}, {"mc_se_perm", ColumnKind::real}, {"mc_se_wmw", ColumnKind::real},
                 {"p_floor_data_perm", ColumnKind::pvalue}, {"p_floor_data_wmw", ColumnKind::pvalue},
                 {"wmw_u", ColumnKind::real}, {"prob_superiority", ColumnKind::real}, {"cohens_d", ColumnKind::real},
                 {"welch_ci_low", ColumnKind::real}, {"welch_ci_high", ColumnKind::real},
                 {"hl_achieved_conf", ColumnKind::real}, {"delta_ci_method", ColumnKind::text},
                 {"k_groups", ColumnKind::integer}, {"p_anova_perm_k", ColumnKind::pvalue},
                 {"p_kruskal_k", ColumnKind::pvalue}, {"method_k", ColumnKind::text}, {"alpha", ColumnKind::real},
                 {"verdict", ColumnKind::text}, {"note", ColumnKind::text}});
    std::vector<report::Column> cols;
    for (const auto& [name, kind] : spec) cols.push_back({name, kind});
    return cols;
}

// TOST columns (--margin only).
void set_interval(report::ResultTable& t, const std::optional<core::Interval>& ci, const char* lo, const char* hi) {
    if (!ci) return;
    t.set(lo, ci->low);
    t.set(hi, ci->high);
}

void set_tests(report::ResultTable& t, const CompareRow& r) {
    const std::size_t na = r.a.values.size(), nb = r.b.values.size();
    if (r.perm)
        set_test_columns(t, {"perm"}, *r.perm,
                         null::design_floor_permutation(na, nb, r.perm->alternative, r.perm->two_sided_rule));
    if (r.wmw) {
        // With ties the rank-sum null is not symmetric, so at unequal sizes one
        // split can be extreme alone: the rank test's floor is the permutation floor.
        set_test_columns(t, {"wmw"}, r.wmw->test,
                         null::design_floor_permutation(na, nb, r.wmw->test.alternative, r.wmw->test.two_sided_rule));
        t.set("wmw_u", r.wmw->w);
        t.set("prob_superiority", r.wmw->prob_superiority);
    }
    if (r.welch) {
        t.set("p_welch", r.welch->test.p_value);
        set_interval(t, r.welch->ci, "welch_ci_low", "welch_ci_high");
    }
    if (r.student) t.set("p_student", r.student->test.p_value);
}

void set_effects(report::ResultTable& t, const CompareRow& r) {
    if (r.hedges.value) {
        t.set("hedges_g", r.hedges.value->hedges_g);
        t.set("cohens_d", r.hedges.value->cohens_d);
        set_interval(t, r.hedges.value->g_ci, "g_ci_low", "g_ci_high");
    }
    t.set("cliffs_delta", r.cliffs_delta);
    if (r.delta_ci && r.delta_ci->ci) {
        set_interval(t, r.delta_ci->ci, "delta_ci_low", "delta_ci_high");
        t.set("delta_ci_method", r.delta_ci->ci->method);
    }
    if (r.hl) {
        t.set("hl_shift", r.hl->estimate);
        set_interval(t, r.hl->ci, "hl_ci_low", "hl_ci_high");
        t.set("hl_achieved_conf", r.hl->achieved_conf);
    }
    if (r.ci) {
        t.set("ci_low", r.ci->low);
        t.set("ci_high", r.ci->high);
        t.set("ci_level", r.ci->conf);
        t.set("ci_method", r.ci->method);
    }
    if (r.perm_ci) {
        t.set("perm_ci_low", r.perm_ci->low);
        t.set("perm_ci_high", r.perm_ci->high);
        if (r.perm_ci->estimable) t.set("perm_ci_level", r.perm_ci->level);
        t.set("method_perm_ci", r.perm_ci->method_label);
    }
    if (r.boot) {
        if (r.boot->interval && r.boot->interval->low != r.boot->interval->high)
            set_interval(t, r.boot->interval, "boot_ci_low", "boot_ci_high");
        t.set("boot_method", r.boot->method_label);
    }
}

void set_ancova_and_k(report::ResultTable& t, const CompareRow& r) {
    if (r.ancova && r.ancova->fit) {
        const auto& f = *r.ancova->fit;
        t.set("adj_diff", f.difference);
        set_interval(t, f.ci, "adj_ci_low", "adj_ci_high");
        t.set("p_ancova_perm", f.permutation.p_value);
        t.set("p_ancova_t", f.p_value);
        t.set("method_ancova_perm", f.permutation.method_label());
    }
    if (r.adj_perm_ci) {
        t.set("adj_perm_ci_low", r.adj_perm_ci->low);
        t.set("adj_perm_ci_high", r.adj_perm_ci->high);
        if (r.adj_perm_ci->estimable) t.set("adj_perm_ci_level", r.adj_perm_ci->level);
        t.set("method_adj_perm_ci", r.adj_perm_ci->method_label);
    }
    t.set("k_groups", r.k_groups);
    if (r.k_anova) {
        t.set("p_anova_perm_k", r.k_anova->test.p_value);
        t.set("method_k", r.k_anova->test.method_label());
    }
    if (r.k_kruskal) t.set("p_kruskal_k", r.k_kruskal->test.p_value);
}

}  // namespace

report::ResultTable compare_table(const data::Study& st, const std::vector<CompareRow>& rows, const CompareOptions& o) {
    auto cols = compare_columns(o.on == CompareOn::ancova);
    if (o.margin) add_tost_columns(cols, "perm_ci_level");
    report::ResultTable t(cols);
    const bool two_times = o.on == CompareOn::change || o.on == CompareOn::ancova;
    for (const auto& r : rows) {
        t.add_row();
        t.set("measure", st.measures[r.measure]);
        t.set("on", std::string(to_string(o.on)));
        if (two_times) t.set("from", st.times[o.from]);
        if (two_times || o.on == CompareOn::raw) t.set("to", st.times[o.to]);
        if (!two_times && o.on != CompareOn::raw) {
            t.set("from", st.times.front());
            t.set("to", st.times.back());
        }
        t.set("group_a", st.groups[r.group_a]);
        t.set("group_b", st.groups[r.group_b]);
        t.set("n_a", r.a.values.size());
        t.set("n_b", r.b.values.size());
        t.set("missing_a", r.a.missing);
        t.set("missing_b", r.b.missing);
        t.set("mean_a", r.mean_a);
        t.set("mean_b", r.mean_b);
        t.set("mean_diff", r.mean_diff);
        set_tests(t, r);
        set_effects(t, r);
        set_tost(t, r.tost, o.alpha, "the difference in means");
        set_ancova_and_k(t, r);
        t.set("alternative", std::string(core::to_string(o.exact.alternative)));
        // the rule behind every exact two-sided p of the row; empty for a one-sided alternative
        if (o.exact.alternative == core::Alternative::two_sided)
            t.set("two_sided", std::string(core::to_string(o.exact.two_sided_rule)));
        t.set("alpha", o.alpha);
        // the verdict uses the primary exact test: the adjusted difference's permutation p for ancova
        const auto* primary = r.ancova ? (r.ancova->fit ? &r.ancova->fit->permutation : nullptr) : (r.perm ? &*r.perm : nullptr);
        if (primary) t.set("verdict", primary->p_value <= o.alpha ? "significant" : "not significant");
        t.set("note", join_notes(r.notes));
    }
    return t;
}

report::ResultTable compare_curve_table(const data::Study& st, const std::vector<CompareRow>& rows,
                                        const CompareOptions& o) {
    report::ResultTable t({{"measure", ColumnKind::text}, {"on", ColumnKind::text}, {"group_a", ColumnKind::text},
                           {"group_b", ColumnKind::text}, {"n_a", ColumnKind::integer}, {"n_b", ColumnKind::integer},
                           {"statistic", ColumnKind::text}, {"shift", ColumnKind::real}, {"p", ColumnKind::pvalue},
                           {"p_below", ColumnKind::pvalue}, {"p_above", ColumnKind::pvalue},
                           {"alternative", ColumnKind::text}, {"two_sided", ColumnKind::text},
                           {"method", ColumnKind::text}});
    const bool ancova = o.on == CompareOn::ancova;
    for (const auto& r : rows) {
        // ancova: the adjusted difference's test (p_ancova_perm), not the post scores' mean difference
        const auto* curve = ancova ? (r.ancova && r.ancova->fit && r.ancova->fit->shift_pvalues
                                          ? &*r.ancova->fit->shift_pvalues
                                          : nullptr)
                                   : (r.perm_curve ? &*r.perm_curve : nullptr);
        if (!curve) continue;
        double below = curve->p_below;
        for (const auto& s : curve->steps) {
            t.add_row();
            t.set("measure", st.measures[r.measure]);
            t.set("on", std::string(to_string(o.on)));
            t.set("group_a", st.groups[r.group_a]);
            t.set("group_b", st.groups[r.group_b]);
            t.set("n_a", r.a.values.size());
            t.set("n_b", r.b.values.size());
            t.set("statistic", ancova ? "adj_diff" : "mean_diff");
            t.set("shift", s.shift);
            t.set("p", s.p_at);
            t.set("p_below", below);
            t.set("p_above", s.p_above);
            t.set("alternative", std::string(core::to_string(o.exact.alternative)));
            t.set("two_sided", std::string(core::to_string(o.exact.two_sided_rule)));
            t.set("method", (ancova ? "ancova permutation, " : "permutation, ") + curve->method_label());
            below = s.p_above;
        }
    }
    return t;
}

}  // namespace pilotstat::analysis
