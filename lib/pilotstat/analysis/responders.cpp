// `compare --responders`: per measure and pair of groups, who improved by at
// least --responder percent of their baseline score, and whether the rates
// differ (Fisher's and Boschloo's exact tests; Newcombe's interval).
#include "pilotstat/analysis/compare.hpp"
#include "pilotstat/analysis/pairs.hpp"
#include "pilotstat/inference/contingency_tests.hpp"
#include "pilotstat/stats/proportions.hpp"

namespace pilotstat::analysis {

namespace {
struct Count {
    long responders = 0, n = 0;
};

// Pairs with a zero baseline have no percent change and are left out.
Count count(const data::Study& st, std::size_t m, std::size_t g, const CompareOptions& o) {
    const auto p = paired_sample(st, m, g, o.from, o.to);
    Count c;
    for (std::size_t i = 0; i < p.from.size(); ++i) {
        if (p.from[i] == 0.0) continue;
        ++c.n;
        const double pct = p.differences[i] / p.from[i] * 100.0;
        const double improvement = st.higher_is_worse[m] ? -pct : pct;
        if (improvement >= o.responder_pct - 1e-9) ++c.responders;
    }
    return c;
}

report::ResultTable empty_table() {
    using report::ColumnKind;
    std::vector<report::Column> cols;
    for (const char* name : {"measure", "group_a", "group_b"}) cols.push_back({name, ColumnKind::text});
    for (const char* name : {"resp_a", "n_a", "resp_b", "n_b"}) cols.push_back({name, ColumnKind::integer});
    for (const char* name : {"p_fisher", "p_boschloo"}) cols.push_back({name, ColumnKind::pvalue});
    for (const char* name : {"rate_diff", "rate_diff_ci_low", "rate_diff_ci_high"})
        cols.push_back({name, ColumnKind::real});
    for (const char* name : {"from", "to"}) cols.push_back({name, ColumnKind::text});
    cols.push_back({"responder_pct", ColumnKind::real});
    cols.push_back({"p_floor_fisher", ColumnKind::pvalue});
    cols.push_back({"note", ColumnKind::text});
    return report::ResultTable(cols);
}

void fill(report::ResultTable& t, const Count& a, const Count& b, const CompareOptions& o) {
    t.set("resp_a", static_cast<std::int64_t>(a.responders));
    t.set("n_a", static_cast<std::int64_t>(a.n));
    t.set("resp_b", static_cast<std::int64_t>(b.responders));
    t.set("n_b", static_cast<std::int64_t>(b.n));
    if (a.n == 0 || b.n == 0) {
        t.set("note", "a group has no pair with a nonzero baseline");
        return;
    }
    const auto fisher = inference::fisher_exact_2x2(a.responders, a.n, b.responders, b.n, o.exact.alternative);
    t.set("p_fisher", fisher.p_value);
    t.set("p_floor_fisher", fisher.p_floor);
    t.set("p_boschloo",
          inference::boschloo_exact(a.responders, a.n, b.responders, b.n, o.exact.alternative).p_value);
    t.set("rate_diff", static_cast<double>(a.responders) / static_cast<double>(a.n) -
                           static_cast<double>(b.responders) / static_cast<double>(b.n));
    if (const auto ci = stats::newcombe_difference(a.responders, a.n, b.responders, b.n, o.conf)) {
        t.set("rate_diff_ci_low", ci->low);
        t.set("rate_diff_ci_high", ci->high);
    }
}
}  // namespace

report::ResultTable responders_table(const data::Study& st, const CompareOptions& o) {
    auto t = empty_table();
    for (std::size_t m = 0; m < st.measures.size(); ++m)
        for (std::size_t ga = 0; ga < st.groups.size(); ++ga)
            for (std::size_t gb = ga + 1; gb < st.groups.size(); ++gb) {
                t.add_row();
                t.set("measure", st.measures[m]);
                t.set("group_a", st.groups[ga]);
                t.set("group_b", st.groups[gb]);
                t.set("from", st.times[o.from]);
                t.set("to", st.times[o.to]);
                t.set("responder_pct", o.responder_pct);
                fill(t, count(st, m, ga, o), count(st, m, gb, o), o);
            }
    return t;
}

}  // namespace pilotstat::analysis
