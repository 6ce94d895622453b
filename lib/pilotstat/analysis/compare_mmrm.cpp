#include "pilotstat/analysis/compare_mmrm.hpp"

#include "pilotstat/analysis/common_options.hpp"
#include "pilotstat/analysis/option_ranges.hpp"
#include "pilotstat/analysis/pairs.hpp"
#include "pilotstat/error.hpp"

namespace pilotstat::analysis {

bool is_mmrm(const OptionMap& options) {
    const auto it = options.find("on");
    return it != options.end() && it->second == "mmrm";
}

MmrmCompareOptions mmrm_compare_options(const data::Study& study, const OptionMap& options) {
    const OptionReader opt(options);
    MmrmCompareOptions o;
    if (study.times.size() < 2)
        throw UsageError("--on mmrm needs a baseline and at least one later visit; the study has one time point (\"" +
                         study.times.front() + "\")");
    o.from = opt.has("from") ? one_time(study, opt.text("from", ""), "--from") : study.baseline;
    if (o.from + 1 >= study.times.size())
        throw UsageError("--on mmrm: no visit after the baseline \"" + study.times[o.from] + "\"");
    o.to = opt.has("to") ? one_time(study, opt.text("to", ""), "--to") : study.times.size() - 1;
    if (o.to <= o.from)
        throw UsageError("--to \"" + study.times[o.to] + "\" is not a visit after the baseline \"" +
                         study.times[o.from] + "\"");
    o.all_visits = opt.text("all_visits", "false") == "true";
    if (opt.has("covariance")) o.model.covariance = models::parse_covariance(opt.text("covariance", ""));
    o.model.df = models::parse_df_method(opt.text("df", "kenward-roger"));
    o.model.conf = opt.real("conf", 0.95, ranges::conf);
    o.exact = exact_options(opt);
    o.model.alternative = o.exact.alternative;
    if (!opt.has("exact_limit")) o.exact.max_enumeration = kMmrmExactLimit;
    if (!opt.has("resamples")) o.exact.resamples = kMmrmResamples;
    o.alpha = opt.real("alpha", 0.05, ranges::alpha);
    return o;
}

namespace {

std::string count_text(std::size_t k, const std::string& what) { return std::to_string(k) + " subject(s) " + what; }

MmrmRow mmrm_row(const data::Study& st, std::size_t m, std::size_t ga, std::size_t gb, const MmrmCompareOptions& o) {
    MmrmRow row;
    row.measure = m;
    row.group_a = ga;
    row.group_b = gb;
    // Post-baseline visits with at least one score in the two arms.
    std::vector<std::size_t> dropped;
    for (std::size_t t = o.from + 1; t < st.times.size(); ++t) {
        bool any = false;
        for (std::size_t g : {ga, gb})
            for (auto s : subjects_by_id(st, g)) any = any || st.at(m, s, t).has_value();
        (any ? row.visit_times : dropped).push_back(t);
    }
    for (auto t : dropped) row.notes.push_back("visit " + st.times[t] + " has no scores in these arms: left out");
    models::MmrmData data;
    data.visits = row.visit_times.size();
    for (std::size_t g : {ga, gb}) {
        for (auto s : subjects_by_id(st, g)) {
            const auto& base = st.at(m, s, o.from);
            if (!base) {
                ++(g == ga ? row.no_baseline_a : row.no_baseline_b);
                continue;
            }
            models::MmrmSubject subject;
            subject.baseline = base->value;
            subject.arm_a = g == ga;
            for (std::size_t j = 0; j < row.visit_times.size(); ++j)
                if (const auto& sc = st.at(m, s, row.visit_times[j])) {
                    subject.visits.push_back(j);
                    subject.scores.push_back(sc->value);
                }
            if (subject.visits.empty()) {
                ++(g == ga ? row.no_post_a : row.no_post_b);
                continue;
            }
            data.subjects.push_back(std::move(subject));
        }
    }
    if (const auto k = row.no_baseline_a + row.no_baseline_b)
        row.notes.push_back(count_text(k, "without a " + st.times[o.from] + " (baseline) score left out"));
    if (const auto k = row.no_post_a + row.no_post_b)
        row.notes.push_back(count_text(k, "without any post-baseline score left out"));
    if (data.visits == 0) {
        row.notes.push_back("no post-baseline scores: no model");
        return row;
    }
    row.fit = models::fit_mmrm(data, o.model);
    for (const auto& n : row.fit.notes) row.notes.push_back(n);
    if (!row.fit.converged) return row;
    row.randomization = models::mmrm_randomization(data, row.fit, o.exact);
    if (row.randomization->failed > 0)
        row.notes.push_back(std::to_string(static_cast<long long>(row.randomization->failed)) + " of " +
                            std::to_string(static_cast<long long>(row.randomization->relabelings)) +
                            " relabelings could not be fitted and are left out of p_mmrm_perm (it is exact over "
                            "the rest under the sharp null)");
    return row;
}

}  // namespace

std::vector<MmrmRow> compare_mmrm(const data::Study& st, const MmrmCompareOptions& o) {
    if (st.groups.size() < 2)
        throw UsageError("compare needs at least two groups; the data have one (\"" + st.groups.front() +
                         "\"): a single-arm study has no between-arm comparison");
    std::vector<MmrmRow> rows;
    for (std::size_t m = 0; m < st.measures.size(); ++m)
        for (std::size_t ga = 0; ga < st.groups.size(); ++ga)
            for (std::size_t gb = ga + 1; gb < st.groups.size(); ++gb) rows.push_back(mmrm_row(st, m, ga, gb, o));
    return rows;
}

}  // namespace pilotstat::analysis
