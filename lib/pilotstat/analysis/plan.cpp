#include "pilotstat/analysis/plan.hpp"

#include <cmath>

#include "pilotstat/analysis/pairs.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/models/ancova.hpp"
#include "pilotstat/power/main_trial_size.hpp"
#include "pilotstat/power/planning_sd.hpp"
#include "pilotstat/report/number_format.hpp"
#include "pilotstat/stats/moments.hpp"
#include "pilotstat/stats/proportions.hpp"

namespace pilotstat::analysis {

std::string_view to_string(Endpoint e) {
    switch (e) {
        case Endpoint::change: return "change";
        case Endpoint::raw: return "raw";
        case Endpoint::ancova: return "ancova";
    }
    return "change";
}

Endpoint parse_endpoint(std::string_view text) {
    for (auto e : {Endpoint::change, Endpoint::raw, Endpoint::ancova})
        if (text == to_string(e)) return e;
    throw UsageError("unknown --endpoint \"" + std::string(text) + "\" (valid: change, raw, ancova)");
}

void validate(const PlanOptions& o) {
    if (o.screened && *o.screened < 1) throw UsageError("--screened must be at least 1");
    if (o.randomized && *o.randomized < 1) throw UsageError("--randomized must be at least 1");
    if (o.screened && o.randomized && *o.randomized > *o.screened)
        throw UsageError("--randomized (" + std::to_string(*o.randomized) + ") exceeds --screened (" +
                         std::to_string(*o.screened) + ")");
    if (o.mcid && !(*o.mcid > 0.0 && std::isfinite(*o.mcid)))
        throw UsageError("--mcid must be a number of points > 0 (got " + report::shortest(*o.mcid) + ")");
    if (!(o.power > 0.0 && o.power < 1.0))
        throw UsageError("--power must be between 0 and 1, exclusive (got " + report::shortest(o.power) + ")");
    if (!(o.sd_conf > 0.0 && o.sd_conf < 1.0))
        throw UsageError("--sd-conf must be between 0 and 1, exclusive (got " + report::shortest(o.sd_conf) + ")");
    if (!(o.alpha > 0.0 && o.alpha <= 0.5))
        throw UsageError("--alpha must be > 0 and <= 0.5 (got " + report::shortest(o.alpha) + ")");
    if (!(o.power > o.alpha)) throw UsageError("--power must be greater than --alpha");
    if (o.endpoint != Endpoint::raw && o.from == o.to)
        throw UsageError("--from and --to are the same time; endpoint " + std::string(to_string(o.endpoint)) +
                         " needs two (use --endpoint raw for one time)");
}

namespace {

void need_two(const data::Study& study, std::size_t m, std::size_t g, std::size_t n, const std::string& what) {
    if (n < 2)
        throw DataError(study.source + ": measure \"" + study.measures[m] + "\", arm \"" + study.groups[g] +
                        "\" has " + std::to_string(n) + " " + what + "; planning needs at least 2 per arm");
}

// A single-arm pilot's SD of the endpoint (change or raw) and its df, n - 1.
void single_arm_sd(const data::Study& study, std::size_t m, std::size_t g, const PlanOptions& o, PlanRow& row) {
    std::vector<double> values;
    if (o.endpoint == Endpoint::raw) {
        values = single_sample(study, m, g, o.to).values;
        need_two(study, m, g, values.size(), "score(s) at " + study.times[o.to]);
    } else {
        values = paired_sample(study, m, g, o.from, o.to).differences;
        need_two(study, m, g, values.size(),
                 "complete pair(s) between " + study.times[o.from] + " and " + study.times[o.to]);
    }
    row.n_a = values.size();
    const auto p = power::pooled_sd(std::vector<std::vector<double>>{values});
    row.sd_pooled = p->sd;
    row.df = p->df;
    row.notes.push_back("single-arm pilot: the SD is that of its one arm; a control arm's may differ");
}

// The endpoint's pooled within-arm SD and df, filling n_a and n_b.
void endpoint_sd(const data::Study& study, std::size_t m, std::size_t ga, std::size_t gb, const PlanOptions& o,
                 PlanRow& row) {
    const std::string between = study.times[o.from] + " and " + study.times[o.to];
    if (o.endpoint == Endpoint::raw) {
        const auto a = single_sample(study, m, ga, o.to), b = single_sample(study, m, gb, o.to);
        row.n_a = a.values.size();
        row.n_b = b.values.size();
        need_two(study, m, ga, row.n_a, "score(s) at " + study.times[o.to]);
        need_two(study, m, gb, row.n_b, "score(s) at " + study.times[o.to]);
        const std::vector<std::vector<double>> arms{a.values, b.values};
        const auto p = power::pooled_sd(arms);
        row.sd_pooled = p->sd;
        row.df = p->df;
        return;
    }
    const auto a = paired_sample(study, m, ga, o.from, o.to), b = paired_sample(study, m, gb, o.from, o.to);
    row.n_a = a.differences.size();
    row.n_b = b.differences.size();
    need_two(study, m, ga, row.n_a, "complete pair(s) between " + between);
    need_two(study, m, gb, row.n_b, "complete pair(s) between " + between);
    if (o.endpoint == Endpoint::change) {
        const std::vector<std::vector<double>> arms{a.differences, b.differences};
        const auto p = power::pooled_sd(arms);
        row.sd_pooled = p->sd;
        row.df = p->df;
        return;
    }
    const auto fit = models::ancova(a.to, a.from, b.to, b.from);  // only the fit's residual SD is used
    if (!fit.fit)
        throw DataError(study.source + ": measure \"" + study.measures[m] +
                        "\": the baseline-adjusted model cannot be fitted (" + fit.note + ")");
    row.sd_pooled = fit.fit->residual_sd;
    row.df = fit.fit->df;
}

// The MCID in points and where it comes from (a percent MCID is converted
// at the pilot's mean at `from`, both arms); nullopt when none is known.
void resolve_mcid(const data::Study& study, const data::NormsRegistry& norms, std::size_t m, const PlanOptions& o,
                  PlanRow& row) {
    if (o.mcid) {
        row.mcid = o.mcid;
        row.mcid_source = "--mcid";
        return;
    }
    const auto* n = norms.find(study.measures[m]);
    if (n && n->mcid_points) {
        row.mcid = n->mcid_points;
        row.mcid_source = n->mcid_source;
        return;
    }
    if (n && n->mcid_percent) {
        std::vector<double> base;
        for (std::size_t s = 0; s < study.subjects.size(); ++s)
            if (const auto& v = study.at(m, s, o.from)) base.push_back(v->value);
        const double mean = base.empty() ? 0.0 : stats::moments(base).mean;
        if (mean > 0.0) {
            row.mcid = *n->mcid_percent / 100.0 * mean;
            row.mcid_source = n->mcid_source + "; " + report::shortest(*n->mcid_percent) + "% of the pilot's mean " +
                              report::rounded(mean, 2) + " at " + study.times[o.from] + ", n = " +
                              std::to_string(base.size());
            return;
        }
        row.notes.push_back("the MCID is " + report::shortest(*n->mcid_percent) +
                            "% but the pilot's mean at " + study.times[o.from] + " is not positive");
        return;
    }
    row.notes.push_back("no MCID is known for \"" + study.measures[m] +
                        "\": give --mcid POINTS (or mcid_points with --instruments FILE); n is left empty");
}

void size_row(const PlanOptions& o, PlanRow& row) {
    if (!row.mcid) return;
    if (!(row.sd_pooled > 0.0)) {
        row.notes.push_back("the pooled SD is 0: no sample size can be computed");
        return;
    }
    if (const auto n = power::main_trial_n(*row.mcid, row.sd_ucl, o.alpha, o.power)) {
        row.n_per_arm = n->n;
        row.power_achieved = n->achieved;
        row.n_per_arm_attrition = power::attrition_adjusted(n->n, row.retention.retained, row.retention.randomized);
    } else {
        row.notes.push_back("more than 10^7 per arm would be needed");
    }
    if (const auto n = power::main_trial_n(*row.mcid, row.sd_pooled, o.alpha, o.power)) row.n_per_arm_pooled_sd = n->n;
}

}  // namespace

PlanResult plan(const data::Study& study, const data::NormsRegistry& norms, const PlanOptions& options) {
    validate(options);
    if (study.groups.size() > 2)
        throw UsageError("plan needs one or two arms; the study has " + std::to_string(study.groups.size()) +
                         " (choose two with --groups A,B)");
    PlanResult res;
    res.options = options;
    res.single_arm = study.groups.size() == 1;
    if (res.single_arm) res.group_b = 0;
    if (res.single_arm && options.endpoint == Endpoint::ancova)
        throw UsageError("--endpoint ancova adjusts a between-arm difference, and a single-arm pilot has one arm: "
                         "use --endpoint change or raw");
    const auto& o = options;
    long in_data = 0;
    for (auto g : res.arms()) in_data += static_cast<long>(study.subjects_in(g).size());
    if (o.randomized && *o.randomized < in_data)
        throw UsageError("--randomized " + std::to_string(*o.randomized) + " is fewer than the " +
                         std::to_string(in_data) + " participants in the data");
    const long randomized = o.randomized.value_or(in_data);
    if (o.screened) {
        if (*o.screened < randomized)
            throw UsageError("--screened " + std::to_string(*o.screened) + " is fewer than the " +
                             std::to_string(randomized) + " participants randomized");
        res.recruitment = retention(randomized, *o.screened, o.retention_conf);
    }
    for (std::size_t m = 0; m < study.measures.size(); ++m) {
        PlanRow row;
        row.measure = m;
        if (res.single_arm) single_arm_sd(study, m, 0, o, row);
        else endpoint_sd(study, m, 0, 1, o, row);
        row.sd_ucl = power::sd_upper_limit(row.sd_pooled, row.df, o.sd_conf);
        const long ra = scored_at(study, m, 0, o.to), rb = res.single_arm ? 0 : scored_at(study, m, 1, o.to);
        const long na = static_cast<long>(study.subjects_in(0).size());
        const long nb = res.single_arm ? 0 : static_cast<long>(study.subjects_in(1).size());
        row.retention_a = retention(ra, na, o.retention_conf);
        if (!res.single_arm) row.retention_b = retention(rb, nb, o.retention_conf);
        row.retention = retention(ra + rb, randomized, o.retention_conf);
        resolve_mcid(study, norms, m, o, row);
        size_row(o, row);
        res.rows.push_back(std::move(row));
    }
    return res;
}


Retention retention(long retained, long randomized, double conf) {
    Retention r;
    r.retained = retained;
    r.randomized = randomized;
    if (randomized > 0) {
        r.share = static_cast<double>(retained) / static_cast<double>(randomized);
        if (auto ci = stats::clopper_pearson(retained, randomized, conf)) r.ci = *ci;
    }
    return r;
}

long scored_at(const data::Study& study, std::size_t m, std::size_t g, std::size_t t) {
    long k = 0;
    for (auto s : study.subjects_in(g))
        if (study.at(m, s, t)) ++k;
    return k;
}

}  // namespace pilotstat::analysis
