// The `change` ResultTable: the columns in their order, then extras
// that name how each number was made (method, Monte Carlo SE, notes).
#include <algorithm>
#include <cstdio>
#include <string>

#include "pilotstat/analysis/change.hpp"
#include "pilotstat/analysis/tost_columns.hpp"
#include "pilotstat/analysis/test_columns.hpp"
#include "pilotstat/null/p_floor.hpp"
#include "pilotstat/core/test_result.hpp"

namespace pilotstat::analysis {

namespace {
using report::ColumnKind;

std::vector<report::Column> change_columns() {
    const std::vector<std::pair<const char*, ColumnKind>> spec{
        {"measure", ColumnKind::text},         {"group", ColumnKind::text},
        {"from", ColumnKind::text},            {"to", ColumnKind::text},
        {"n", ColumnKind::integer},            {"missing", ColumnKind::integer},
        {"mean_from", ColumnKind::real},       {"mean_to", ColumnKind::real},
        {"mean_change", ColumnKind::real},     {"sd_change", ColumnKind::real},
        {"pct_change_of_means", ColumnKind::real}, {"mean_pct_change", ColumnKind::real},
        {"improved", ColumnKind::integer},     {"worsened", ColumnKind::integer},
        {"unchanged", ColumnKind::integer},    {"p_signflip", ColumnKind::pvalue},
        {"p_signrank", ColumnKind::pvalue},    {"p_sign", ColumnKind::pvalue},
        {"p_t", ColumnKind::pvalue},           {"p_floor_signflip", ColumnKind::pvalue},
        {"p_floor_signrank", ColumnKind::pvalue}, {"dz", ColumnKind::real},
        {"dz_ci_low", ColumnKind::real},       {"dz_ci_high", ColumnKind::real},
        {"gz", ColumnKind::real},              {"d_av", ColumnKind::real},
        {"boot_ci_low", ColumnKind::real},     {"boot_ci_high", ColumnKind::real},
        {"boot_method", ColumnKind::text},     {"responders", ColumnKind::integer},
        {"responder_rate", ColumnKind::real},  {"responder_ci_low", ColumnKind::real},
        {"responder_ci_high", ColumnKind::real},
        {"ci_low", ColumnKind::real},          {"ci_high", ColumnKind::real},
        {"ci_level", ColumnKind::real},        {"ci_method", ColumnKind::text},
        {"signflip_ci_low", ColumnKind::real}, {"signflip_ci_high", ColumnKind::real},
        {"signflip_ci_level", ColumnKind::real},
        // extras
        {"method_signflip_ci", ColumnKind::text},
        {"alternative", ColumnKind::text}, {"two_sided", ColumnKind::text},     {"method_signflip", ColumnKind::text},
        {"method_signrank", ColumnKind::text}, {"method_sign", ColumnKind::text},
        {"mc_se_signflip", ColumnKind::real},  {"mc_se_signrank", ColumnKind::real},
        {"p_floor_data_signflip", ColumnKind::pvalue}, {"p_floor_data_signrank", ColumnKind::pvalue},
        {"zero_method", ColumnKind::text},     {"statistic_signrank", ColumnKind::real},
        {"t", ColumnKind::real},               {"df", ColumnKind::real},
        {"t_ci_low", ColumnKind::real},        {"t_ci_high", ColumnKind::real},
        {"gz_ci_low", ColumnKind::real},       {"gz_ci_high", ColumnKind::real},
        {"pct_change_of_means_available", ColumnKind::real}, {"n_from_available", ColumnKind::integer},
        {"n_to_available", ColumnKind::integer},
        {"responder_pct", ColumnKind::real},   {"alpha", ColumnKind::real},
        {"verdict", ColumnKind::text},         {"note", ColumnKind::text}};
    std::vector<report::Column> cols;
    for (const auto& [name, kind] : spec) cols.push_back({name, kind});
    return cols;
}

// TOST columns (--margin only).
// p_floor_* is the design floor (any data with n pairs); p_floor_data_* the
// smallest p attainable given these data's ties and zeros.
void set_test(report::ResultTable& t, const std::optional<core::TestResult>& r, const TestColumns& cols,
              std::size_t n) {
    if (r) set_test_columns(t, cols, *r, null::design_floor_paired(n, r->alternative));
}

void set_intervals(report::ResultTable& t, const ChangeRow& r) {
    if (r.dz) {
        t.set("dz", r.dz->estimate);
        if (r.dz->ci) {
            t.set("dz_ci_low", r.dz->ci->low);
            t.set("dz_ci_high", r.dz->ci->high);
        }
    }
    if (r.gz) {
        t.set("gz", r.gz->estimate);
        if (r.gz->ci) {
            t.set("gz_ci_low", r.gz->ci->low);
            t.set("gz_ci_high", r.gz->ci->high);
        }
    }
    t.set("d_av", r.d_av);
    // a zero-width bootstrap interval (all resampled means equal) is not a
    // confidence interval: ends left empty, the note says BOOT_ALL_EQUAL
    if (r.boot.interval && r.boot.interval->low != r.boot.interval->high) {
        t.set("boot_ci_low", r.boot.interval->low);
        t.set("boot_ci_high", r.boot.interval->high);
    }
    if (!r.pairs.differences.empty()) t.set("boot_method", r.boot.method_label);
    if (r.t) {
        t.set("t", r.t->test.statistic);
        t.set("df", r.t->test.df);
        t.set("t_ci_low", r.t->ci.low);
        t.set("t_ci_high", r.t->ci.high);
    }
    if (r.ci) {
        t.set("ci_low", r.ci->low);
        t.set("ci_high", r.ci->high);
        t.set("ci_level", r.ci->conf);
        t.set("ci_method", r.ci->method);
    }
    if (r.signflip_ci) {
        const auto& s = *r.signflip_ci;
        t.set("signflip_ci_low", s.low);
        t.set("signflip_ci_high", s.high);
        if (s.estimable) t.set("signflip_ci_level", s.level);
        t.set("method_signflip_ci", s.method_label);
    }
}

}  // namespace

report::ResultTable change_table(const data::Study& study, const std::vector<ChangeRow>& rows,
                                 const ChangeOptions& o) {
    auto cols = change_columns();
    if (o.margin) add_tost_columns(cols, "signflip_ci_level");
    report::ResultTable t(cols);
    for (const auto& r : rows) {
        t.add_row();
        t.set("measure", study.measures[r.measure]);
        t.set("group", study.groups[r.group]);
        t.set("from", study.times[r.from]);
        t.set("to", study.times[r.to]);
        t.set("n", r.pairs.differences.size());
        t.set("missing", r.pairs.missing);
        t.set("mean_from", r.mean_from);
        t.set("mean_to", r.mean_to);
        t.set("mean_change", r.mean_change);
        t.set("sd_change", r.sd_change);
        t.set("pct_change_of_means", r.pct_change_of_means);
        t.set("mean_pct_change", r.mean_pct_change);
        t.set("pct_change_of_means_available", r.pct_change_of_means_available);
        t.set("n_from_available", r.n_from_available);
        t.set("n_to_available", r.n_to_available);
        t.set("improved", r.improved);
        t.set("worsened", r.worsened);
        t.set("unchanged", r.unchanged);
        const std::size_t n = r.pairs.differences.size();
        set_test(t, r.signflip, {"signflip"}, n);
        set_test(t, r.signrank, {"signrank"}, n);
        set_test(t, r.sign, {"sign", false, false}, n);
        if (r.signrank) t.set("statistic_signrank", r.signrank->statistic);
        if (r.t) t.set("p_t", r.t->test.p_value);
        set_intervals(t, r);
        set_tost(t, r.tost, o.alpha, "the mean change");
        if (!r.pairs.differences.empty()) {
            t.set("responders", r.responders);
            t.set("responder_rate", r.responder_rate);
            if (r.responder_ci) {
                t.set("responder_ci_low", r.responder_ci->low);
                t.set("responder_ci_high", r.responder_ci->high);
            }
        }
        t.set("alternative", std::string(core::to_string(o.exact.alternative)));
        // the rule behind every exact two-sided p of the row; empty for a one-sided alternative
        if (o.exact.alternative == core::Alternative::two_sided)
            t.set("two_sided", std::string(core::to_string(o.exact.two_sided_rule)));
        t.set("zero_method", o.zero_method == inference::ZeroMethod::pratt ? "pratt" : "wilcoxon");
        t.set("responder_pct", o.responder_pct);
        t.set("alpha", o.alpha);
        if (r.signflip) t.set("verdict", r.signflip->p_value <= o.alpha ? "significant" : "not significant");
        t.set("note", join_notes(r.notes));
    }
    return t;
}

report::ResultTable change_curve_table(const data::Study& study, const std::vector<ChangeRow>& rows,
                                       const ChangeOptions& o) {
    report::ResultTable t({{"measure", ColumnKind::text}, {"group", ColumnKind::text}, {"from", ColumnKind::text},
                           {"to", ColumnKind::text}, {"n", ColumnKind::integer}, {"statistic", ColumnKind::text},
                           {"shift", ColumnKind::real}, {"p", ColumnKind::pvalue}, {"p_below", ColumnKind::pvalue},
                           {"p_above", ColumnKind::pvalue}, {"alternative", ColumnKind::text},
                           {"method", ColumnKind::text}});
    for (const auto& r : rows) {
        if (!r.signflip_curve) continue;
        double below = r.signflip_curve->p_below;
        for (const auto& s : r.signflip_curve->steps) {
            t.add_row();
            t.set("measure", study.measures[r.measure]);
            t.set("group", study.groups[r.group]);
            t.set("from", study.times[r.from]);
            t.set("to", study.times[r.to]);
            t.set("n", r.pairs.differences.size());
            t.set("statistic", "mean_change");
            t.set("shift", s.shift);
            t.set("p", s.p_at);
            t.set("p_below", below);
            t.set("p_above", s.p_above);
            t.set("alternative", std::string(core::to_string(o.exact.alternative)));
            t.set("method", "sign-flip, " + r.signflip_curve->method_label());
            below = s.p_above;
        }
    }
    return t;
}

}  // namespace pilotstat::analysis
