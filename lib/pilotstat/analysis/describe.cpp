#include "pilotstat/analysis/describe.hpp"

namespace pilotstat::analysis {

std::vector<DescribeRow> describe(const data::Study& study, double conf) {
    std::vector<DescribeRow> rows;
    for (std::size_t m = 0; m < study.measures.size(); ++m) {
        for (std::size_t g = 0; g < study.groups.size(); ++g) {
            const auto members = study.subjects_in(g);
            for (std::size_t t = 0; t < study.times.size(); ++t) {
                std::vector<double> values;
                std::vector<data::Rational> exact;
                for (auto s : members) {
                    if (const auto& score = study.at(m, s, t)) {
                        values.push_back(score->value);
                        if (score->exact) exact.push_back(*score->exact);
                    }
                }
                if (exact.size() != values.size()) exact.clear();  // exact only when all are decimals
                DescribeRow row{study.measures[m], study.groups[g], study.times[t], members.size() - values.size(),
                                stats::summarize(values, exact, conf)};
                rows.push_back(std::move(row));
            }
        }
    }
    return rows;
}

report::ResultTable describe_table(const std::vector<DescribeRow>& rows) {
    using report::ColumnKind;
    report::ResultTable table({{"measure", ColumnKind::text}, {"group", ColumnKind::text},
                               {"time", ColumnKind::text},    {"n", ColumnKind::integer},
                               {"missing", ColumnKind::integer}, {"mean", ColumnKind::real},
                               {"sd", ColumnKind::real},      {"se", ColumnKind::real},
                               {"ci_low", ColumnKind::real},  {"ci_high", ColumnKind::real},
                               {"median", ColumnKind::real},  {"q1", ColumnKind::real},
                               {"q3", ColumnKind::real},      {"min", ColumnKind::real},
                               {"max", ColumnKind::real}});
    for (const auto& r : rows) {
        table.add_row();
        table.set("measure", r.measure);
        table.set("group", r.group);
        table.set("time", r.time);
        table.set("n", r.summary.n);
        table.set("missing", r.missing);
        const auto& s = r.summary;
        table.set("mean", s.mean);
        table.set("sd", s.sd);
        table.set("se", s.se);
        table.set("ci_low", s.ci_low);
        table.set("ci_high", s.ci_high);
        table.set("median", s.median);
        table.set("q1", s.q1);
        table.set("q3", s.q3);
        table.set("min", s.min);
        table.set("max", s.max);
    }
    return table;
}

}  // namespace pilotstat::analysis
