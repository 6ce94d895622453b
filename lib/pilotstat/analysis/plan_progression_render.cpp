// The progression criteria as a table and as sentences.
#include <sstream>

#include "pilotstat/analysis/plan_feasibility.hpp"
#include "pilotstat/report/number_format.hpp"

namespace pilotstat::analysis {

namespace {
std::string pct(double share) { return share_percent(share) + "%"; }

// Thresholds as written (62.5% stays 62.5%, 80% is not 80.0%).
std::string threshold(double share) {
    std::string s = report::rounded(100.0 * share, 1);
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s + "%";
}

// "recruitment", "retention of bdi at T3", "completeness of bdi (every visit)"
std::string subject(const data::Study& st, const PlanResult& res, const ProgressionRow& r) {
    switch (r.criterion) {
        case ProgressionKind::recruitment: return "recruitment (randomized of screened)";
        case ProgressionKind::retention: return "retention of " + st.measures[*r.measure] + " at " + st.times[res.options.to];
        case ProgressionKind::completeness: return "completeness of " + st.measures[*r.measure] + " (scored at every visit)";
    }
    return {};
}

std::string spans(const ProgressionRow& r) {
    if (r.light_low == r.light_high) return {};
    // The upper limit is never a worse colour than the lower one.
    return std::string(to_string(r.light_low)) + " to " + std::string(to_string(r.light_high));
}
}  // namespace

report::ResultTable progression_table(const data::Study& st, const PlanResult& res,
                                      const std::vector<ProgressionRow>& rows) {
    using K = report::ColumnKind;
    report::ResultTable t({{"criterion", K::text},
                           {"measure", K::text},
                           {"time", K::text},
                           {"count", K::integer},
                           {"of", K::integer},
                           {"estimate", K::real},
                           {"ci_low", K::real},
                           {"ci_high", K::real},
                           {"ci_conf", K::real},
                           {"green", K::real},
                           {"amber", K::real},
                           {"light", K::text},
                           {"ci_spans", K::text}});
    for (const auto& r : rows) {
        t.add_row();
        t.set("criterion", std::string(to_string(r.criterion)));
        if (r.measure) t.set("measure", st.measures[*r.measure]);
        if (r.criterion == ProgressionKind::retention) t.set("time", st.times[res.options.to]);
        t.set("count", static_cast<std::int64_t>(r.estimate.retained));
        t.set("of", static_cast<std::int64_t>(r.estimate.randomized));
        t.set("estimate", r.estimate.share);
        t.set("ci_low", r.estimate.ci.low);
        t.set("ci_high", r.estimate.ci.high);
        t.set("ci_conf", res.options.retention_conf);
        t.set("green", r.green);
        t.set("amber", r.amber);
        t.set("light", std::string(to_string(r.light)));
        if (const auto s = spans(r); !s.empty()) t.set("ci_spans", s);
    }
    return t;
}

std::string progression_text(const data::Study& st, const PlanResult& res, const std::vector<ProgressionRow>& rows,
                             bool markdown) {
    std::ostringstream out;
    const std::string conf = report::rounded(100.0 * res.options.retention_conf, 0) + "% CI ";
    out << (markdown ? "### Progression criteria\n\n" : "Progression criteria:\n")
        << "Each criterion is marked by its point estimate (green at or above the green threshold, amber at or "
           "above the amber one, red below), as pre-specified progression criteria are (Avery et al. 2017); the "
           "interval shows how much a pilot of this size leaves open.\n"
        << (markdown ? "\n" : "");
    for (const auto& r : rows) {
        out << (markdown ? "- " : "  ") << subject(st, res, r) << ": " << r.estimate.retained << " of "
            << r.estimate.randomized << " = " << pct(r.estimate.share) << " (" << conf << share_percent(r.estimate.ci.low)
            << "–" << pct(r.estimate.ci.high) << "): " << (markdown ? "**" : "") << to_string(r.light)
            << (markdown ? "**" : "") << " (green at " << threshold(r.green) << " or more, amber at " << threshold(r.amber)
            << " or more)";
        if (const auto s = spans(r); !s.empty()) out << "; the interval spans " << s;
        out << ".\n";
    }
    out << '\n';
    return out.str();
}

}  // namespace pilotstat::analysis
