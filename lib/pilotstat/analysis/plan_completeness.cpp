// Completeness of each measure at each visit, per arm and overall.
#include "pilotstat/analysis/plan_feasibility.hpp"
#include "pilotstat/stats/proportions.hpp"

namespace pilotstat::analysis {


std::vector<CompletenessRow> completeness(const data::Study& st, const PlanResult& res) {
    const auto& o = res.options;
    const long na = static_cast<long>(st.subjects_in(res.group_a).size());
    const long nb = res.single_arm ? 0 : static_cast<long>(st.subjects_in(res.group_b).size());
    // The same denominator as the overall retention: those randomized, who
    // may include participants absent from the data (--randomized).
    const long all = o.randomized.value_or(na + nb);
    std::vector<CompletenessRow> rows;
    for (std::size_t m = 0; m < st.measures.size(); ++m)
        for (std::size_t t = 0; t < st.times.size(); ++t) {
            const long a = scored_at(st, m, res.group_a, t), b = res.single_arm ? 0 : scored_at(st, m, res.group_b, t);
            rows.push_back({m, t, res.group_a, retention(a, na, o.retention_conf)});
            if (!res.single_arm) rows.push_back({m, t, res.group_b, retention(b, nb, o.retention_conf)});
            rows.push_back({m, t, std::nullopt, retention(a + b, all, o.retention_conf)});
        }
    return rows;
}

report::ResultTable completeness_table(const data::Study& st, const PlanResult& res,
                                       const std::vector<CompletenessRow>& rows) {
    using K = report::ColumnKind;
    report::ResultTable t({{"measure", K::text},
                           {"time", K::text},
                           {"group", K::text},
                           {"scored", K::integer},
                           {"of", K::integer},
                           {"completeness", K::real},
                           {"ci_low", K::real},
                           {"ci_high", K::real},
                           {"ci_conf", K::real}});
    for (const auto& r : rows) {
        t.add_row();
        t.set("measure", st.measures[r.measure]);
        t.set("time", st.times[r.time]);
        t.set("group", r.group ? st.groups[*r.group] : std::string("all"));
        t.set("scored", static_cast<std::int64_t>(r.share.retained));
        t.set("of", static_cast<std::int64_t>(r.share.randomized));
        t.set("completeness", r.share.share);
        t.set("ci_low", r.share.ci.low);
        t.set("ci_high", r.share.ci.high);
        t.set("ci_conf", res.options.retention_conf);
    }
    return t;
}

}  // namespace pilotstat::analysis
