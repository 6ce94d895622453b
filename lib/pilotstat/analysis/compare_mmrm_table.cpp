// The `compare --on mmrm` ResultTable: one row per measure and pair of arms
// at --to, or per visit with --all-visits (columns in docs/formats.md).
#include <algorithm>
#include <cmath>

#include "pilotstat/analysis/compare_mmrm.hpp"
#include "pilotstat/inference/p_floor.hpp"

namespace pilotstat::analysis {

namespace {
using report::ColumnKind;

std::vector<report::Column> mmrm_columns() {
    const std::vector<std::pair<const char*, ColumnKind>> spec{
        {"measure", ColumnKind::text},          {"on", ColumnKind::text},
        {"from", ColumnKind::text},             {"to", ColumnKind::text},
        {"group_a", ColumnKind::text},          {"group_b", ColumnKind::text},
        {"n_a", ColumnKind::integer},           {"n_b", ColumnKind::integer},
        {"scores_a", ColumnKind::integer},      {"scores_b", ColumnKind::integer},
        {"visits", ColumnKind::integer},        {"adj_mean_a", ColumnKind::real},
        {"adj_mean_b", ColumnKind::real},       {"mmrm_diff", ColumnKind::real},
        {"mmrm_se", ColumnKind::real},          {"mmrm_df", ColumnKind::real},
        {"mmrm_ci_low", ColumnKind::real},      {"mmrm_ci_high", ColumnKind::real},
        {"ci_level", ColumnKind::real},         {"p_mmrm_model", ColumnKind::pvalue},
        {"p_mmrm_perm", ColumnKind::pvalue},    {"method_mmrm_perm", ColumnKind::text},
        {"p_floor_mmrm_perm", ColumnKind::pvalue}, {"mc_se_mmrm_perm", ColumnKind::real},
        {"relabelings", ColumnKind::integer},   {"relabelings_failed", ColumnKind::integer},
        {"mmrm_se_model", ColumnKind::real},    {"mmrm_t_model", ColumnKind::real},
        {"mmrm_avg_diff", ColumnKind::real},    {"mmrm_avg_se", ColumnKind::real},
        {"mmrm_avg_df", ColumnKind::real},      {"mmrm_avg_ci_low", ColumnKind::real},
        {"mmrm_avg_ci_high", ColumnKind::real}, {"p_mmrm_avg_model", ColumnKind::pvalue},
        {"p_mmrm_avg_perm", ColumnKind::pvalue}, {"covariance", ColumnKind::text},
        {"covariance_rule", ColumnKind::text},  {"df_method", ColumnKind::text},
        {"converged", ColumnKind::text},        {"missing_a", ColumnKind::integer},
        {"missing_b", ColumnKind::integer},     {"alternative", ColumnKind::text},
        {"two_sided", ColumnKind::text},        {"alpha", ColumnKind::real},
        {"verdict", ColumnKind::text},          {"note", ColumnKind::text}};
    std::vector<report::Column> cols;
    for (const auto& [name, kind] : spec) cols.push_back({name, kind});
    return cols;
}

// A model statistic only when it is a number (a df that is not estimable stays empty).
void set_finite(report::ResultTable& t, const char* col, double v) {
    if (std::isfinite(v)) t.set(col, v);
}

void set_contrast(report::ResultTable& t, const models::MmrmContrast& c, const char* est, const char* se,
                  const char* df, const char* lo, const char* hi, const char* p) {
    t.set(est, c.estimate);
    set_finite(t, se, c.se);
    if (!std::isfinite(c.df)) return;
    t.set(df, c.df);
    t.set(lo, c.ci.low);
    t.set(hi, c.ci.high);
    t.set(p, c.p_value);
}

void set_fit(report::ResultTable& t, const MmrmRow& r, std::size_t j, const MmrmCompareOptions& o) {
    const auto& f = r.fit;
    t.set("adj_mean_a", f.mean_a[j].estimate);
    t.set("adj_mean_b", f.mean_b[j].estimate);
    set_contrast(t, f.difference[j], "mmrm_diff", "mmrm_se", "mmrm_df", "mmrm_ci_low", "mmrm_ci_high", "p_mmrm_model");
    t.set("ci_level", o.model.conf);
    t.set("mmrm_se_model", f.difference[j].se_model);
    t.set("mmrm_t_model", f.difference[j].estimate / f.difference[j].se_model);
    set_contrast(t, f.average, "mmrm_avg_diff", "mmrm_avg_se", "mmrm_avg_df", "mmrm_avg_ci_low", "mmrm_avg_ci_high",
                 "p_mmrm_avg_model");
    if (!r.randomization) return;
    const auto& perm = r.randomization->visit[j];
    t.set("p_mmrm_perm", perm.p_value);
    t.set("method_mmrm_perm", perm.method_label());
    t.set("mc_se_mmrm_perm", perm.mc_se);
    t.set("p_floor_mmrm_perm", inference::design_floor_permutation(f.subjects_a, f.subjects_b, o.exact.alternative,
                                                                   o.exact.two_sided_rule));
    t.set("relabelings", static_cast<std::size_t>(r.randomization->relabelings));
    t.set("relabelings_failed", static_cast<std::size_t>(r.randomization->failed));
    t.set("p_mmrm_avg_perm", r.randomization->average.p_value);
    t.set("verdict", perm.p_value <= o.alpha ? "significant" : "not significant");
}

}  // namespace

report::ResultTable mmrm_table(const data::Study& st, const std::vector<MmrmRow>& rows, const MmrmCompareOptions& o) {
    report::ResultTable t(mmrm_columns());
    for (const auto& r : rows) {
        std::vector<std::size_t> times;
        if (o.all_visits) times = r.visit_times;
        else times.push_back(o.to);
        for (auto time : times) {
            t.add_row();
            t.set("measure", st.measures[r.measure]);
            t.set("on", "mmrm");
            t.set("from", st.times[o.from]);
            t.set("to", st.times[time]);
            t.set("group_a", st.groups[r.group_a]);
            t.set("group_b", st.groups[r.group_b]);
            const auto& f = r.fit;
            t.set("n_a", f.subjects_a);
            t.set("n_b", f.subjects_b);
            t.set("scores_a", f.observations_a);
            t.set("scores_b", f.observations_b);
            t.set("visits", r.visit_times.size());
            t.set("missing_a", r.no_baseline_a + r.no_post_a);
            t.set("missing_b", r.no_baseline_b + r.no_post_b);
            t.set("covariance", std::string(models::to_string(f.covariance)));
            t.set("covariance_rule", f.covariance_rule);
            t.set("df_method", std::string(models::to_string(o.model.df)));
            t.set("converged", f.converged ? "true" : "false");
            t.set("alternative", std::string(core::to_string(o.exact.alternative)));
            if (o.exact.alternative == core::Alternative::two_sided)
                t.set("two_sided", std::string(core::to_string(o.exact.two_sided_rule)));
            t.set("alpha", o.alpha);
            auto notes = r.notes;
            const auto it = std::find(r.visit_times.begin(), r.visit_times.end(), time);
            if (it == r.visit_times.end()) notes.push_back("no scores at " + st.times[time] + " in these arms");
            else if (f.converged) set_fit(t, r, static_cast<std::size_t>(it - r.visit_times.begin()), o);
            t.set("note", join_notes(notes));
        }
    }
    return t;
}

}  // namespace pilotstat::analysis
