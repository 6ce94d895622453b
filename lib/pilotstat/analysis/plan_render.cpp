// plan_table and plan_text: the plan's machine table and its planning paragraphs.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "pilotstat/analysis/option_values.hpp"
#include "pilotstat/analysis/plan.hpp"
#include "pilotstat/report/number_format.hpp"

namespace pilotstat::analysis {

std::string share_percent(double share) {
    int d = 0;
    for (double scale = 1.0; d < 3; ++d, scale *= 10.0) {
        const double shown = std::round(100.0 * share * scale) / scale;
        if (!((shown >= 100.0 && share < 1.0) || (shown <= 0.0 && share > 0.0))) break;
    }
    return report::rounded(100.0 * share, d);
}

std::string share_percent_sign(double share) { return share_percent(share) + "%"; }

namespace {
using report::ColumnKind;

void set_retention(report::ResultTable& t, const std::string& prefix, const Retention& r) {
    t.set(prefix, r.share);
    t.set(prefix + "_ci_low", r.ci.low);
    t.set(prefix + "_ci_high", r.ci.high);
}


std::string endpoint_phrase(const data::Study& st, const PlanOptions& o) {
    const auto& from = st.times[o.from];
    const auto& to = st.times[o.to];
    switch (o.endpoint) {
        case Endpoint::raw: return "score at " + to;
        case Endpoint::ancova: return "score at " + to + " adjusted for " + from + "; residual SD";
        case Endpoint::change: break;
    }
    return "change from " + from + " to " + to;
}

std::string ci_pct(const core::Interval& ci) {
    return share_percent(ci.low) + "–" + share_percent(ci.high) + "%";
}

// "Retention at T3: 10 of 10 (psychedelic 5 of 5, psycholytic 5 of 5)."
std::string retention_counts(const data::Study& st, const PlanResult& res, const PlanRow& r) {
    auto of = [](const Retention& x) { return std::to_string(x.retained) + " of " + std::to_string(x.randomized); };
    if (res.single_arm)
        return "Retention at " + st.times[res.options.to] + ": " + of(r.retention) +
               (res.options.randomized ? " (in the data: " + of(r.retention_a) + ")" : "") + ".";
    return "Retention at " + st.times[res.options.to] + ": " + of(r.retention) + " (" + (res.options.randomized ? "in the data: " : "") + st.groups[res.group_a] + " " +
           of(r.retention_a) + ", " + st.groups[res.group_b] + " " + of(r.retention_b) + ").";
}

}  // namespace

std::string plan_paragraph(const data::Study& st, const PlanResult& res, const PlanRow& r, int digits) {
    const auto& o = res.options;
    const int d = std::min(digits, 2);
    const std::string conf = report::rounded(100.0 * o.retention_conf, 0) + "% CI of retention ";
    const std::string sd = report::rounded(r.sd_pooled, d) + " points (" + report::rounded(100.0 * o.sd_conf, 0) +
                           "% upper limit " + report::rounded(r.sd_ucl, d) + "; " + report::shortest(r.df) +
                           " df from " +
                           (res.single_arm ? std::to_string(r.n_a) + " participants of the one arm)"
                                           : std::to_string(r.n_a) + " + " + std::to_string(r.n_b) + " participants)");
    std::ostringstream s;
    if (r.mcid && r.n_per_arm) {
        s << "With an SD of " << sd << ", detecting the MCID of " << report::rounded(*r.mcid, d) << " points ("
          << r.mcid_source << ") with " << report::rounded(100.0 * o.power, 1) << "% power at two-sided alpha "
          << report::shortest(o.alpha) << " needs " << *r.n_per_arm << " per arm (";
        if (r.n_per_arm_attrition) s << *r.n_per_arm_attrition << " allowing for the observed ";
        else s << "the observed ";
        s << share_percent_sign(r.retention.share) << " retention; " << conf << ci_pct(r.retention.ci) << ").";
        if (r.n_per_arm_pooled_sd)
            s << " Sized on the SD's point estimate it would be " << *r.n_per_arm_pooled_sd
              << " per arm, which falls short of the target power whenever the true SD is larger.";
    } else {
        s << "The SD is " << sd << "; no sample size is given. Observed retention " << share_percent_sign(r.retention.share) << " ("
          << conf << ci_pct(r.retention.ci) << ").";
    }
    s << ' ' << retention_counts(st, res, r);
    if (!r.notes.empty()) s << " Note: " << join_notes(r.notes) << ".";
    return s.str();
}

std::string plan_heading(const data::Study& st, const PlanResult& res, const PlanRow& r) {
    return st.label(r.measure) + " (" + endpoint_phrase(st, res.options) + ")";
}

std::string plan_closing(const PlanResult& res) {
    std::ostringstream out;
    if (const auto& r = res.recruitment)
        out << "Recruitment: " << r->retained << " of " << r->randomized << " screened were randomized ("
            << share_percent_sign(r->share) << "; " << report::rounded(100.0 * res.options.retention_conf, 0) << "% CI "
            << ci_pct(r->ci) << ").\n\n";
    out << "Sample sizes are for a two-sided two-sample t test on the MCID, never on the "
        << "pilot's own effect estimate, which is too imprecise to size a trial on.\n";
    return out.str();
}

report::ResultTable plan_table(const data::Study& st, const PlanResult& res) {
    using K = ColumnKind;
    report::ResultTable t({{"measure", K::text},
                           {"endpoint", K::text},
                           {"from", K::text},
                           {"to", K::text},
                           {"group_a", K::text},
                           {"group_b", K::text},
                           {"n_a", K::integer},
                           {"n_b", K::integer},
                           {"sd_pooled", K::real},
                           {"df", K::real},
                           {"sd_ucl", K::real},
                           {"sd_ucl_conf", K::real},
                           {"mcid", K::real},
                           {"mcid_source", K::text},
                           {"alpha", K::real},
                           {"power", K::real},
                           {"n_per_arm", K::integer},
                           {"power_at_n", K::real},
                           {"n_per_arm_pooled_sd", K::integer},
                           {"n_per_arm_attrition", K::integer},
                           {"randomized", K::integer},
                           {"retained", K::integer},
                           {"retention", K::real},
                           {"retention_ci_low", K::real},
                           {"retention_ci_high", K::real},
                           {"retention_a", K::real},
                           {"retention_a_ci_low", K::real},
                           {"retention_a_ci_high", K::real},
                           {"retention_b", K::real},
                           {"retention_b_ci_low", K::real},
                           {"retention_b_ci_high", K::real},
                           {"retention_ci_conf", K::real},
                           {"screened", K::integer},
                           {"recruitment", K::real},
                           {"recruitment_ci_low", K::real},
                           {"recruitment_ci_high", K::real},
                           {"note", K::text}});
    const auto& o = res.options;
    for (const auto& r : res.rows) {
        t.add_row();
        t.set("measure", st.measures[r.measure]);
        t.set("endpoint", std::string(to_string(o.endpoint)));
        if (o.endpoint != Endpoint::raw) t.set("from", st.times[o.from]);
        t.set("to", st.times[o.to]);
        t.set("group_a", st.groups[res.group_a]);
        if (!res.single_arm) t.set("group_b", st.groups[res.group_b]);
        t.set("n_a", r.n_a);
        if (!res.single_arm) t.set("n_b", r.n_b);
        t.set("sd_pooled", r.sd_pooled);
        t.set("df", r.df);
        t.set("sd_ucl", r.sd_ucl);
        t.set("sd_ucl_conf", o.sd_conf);
        t.set("mcid", r.mcid);
        if (!r.mcid_source.empty()) t.set("mcid_source", r.mcid_source);
        t.set("alpha", o.alpha);
        t.set("power", o.power);
        if (r.n_per_arm) t.set("n_per_arm", *r.n_per_arm);
        t.set("power_at_n", r.power_achieved);
        if (r.n_per_arm_pooled_sd) t.set("n_per_arm_pooled_sd", *r.n_per_arm_pooled_sd);
        if (r.n_per_arm_attrition) t.set("n_per_arm_attrition", static_cast<std::int64_t>(*r.n_per_arm_attrition));
        t.set("randomized", static_cast<std::int64_t>(r.retention.randomized));
        t.set("retained", static_cast<std::int64_t>(r.retention.retained));
        set_retention(t, "retention", r.retention);
        set_retention(t, "retention_a", r.retention_a);
        if (!res.single_arm) set_retention(t, "retention_b", r.retention_b);
        t.set("retention_ci_conf", o.retention_conf);
        if (res.recruitment) {
            t.set("screened", static_cast<std::int64_t>(res.recruitment->randomized));
            set_retention(t, "recruitment", *res.recruitment);
        }
        if (!r.notes.empty()) t.set("note", join_notes(r.notes));
    }
    return t;
}

std::string plan_text(const data::Study& st, const PlanResult& res, bool markdown, int digits) {
    std::ostringstream out;
    for (const auto& r : res.rows) {
        const std::string head = plan_heading(st, res, r);
        if (markdown) out << "### " << head << "\n\n" << plan_paragraph(st, res, r, digits) << "\n\n";
        else out << head << ":\n" << plan_paragraph(st, res, r, digits) << "\n\n";
    }
    out << plan_closing(res);
    return out.str();
}

}  // namespace pilotstat::analysis
