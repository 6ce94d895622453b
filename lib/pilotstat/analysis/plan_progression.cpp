// Progression criteria: reading the thresholds file and judging each
// criterion by the pilot's point estimate (Avery et al. 2017).
#include <algorithm>
#include <cmath>

#include "pilotstat/analysis/plan_feasibility.hpp"
#include "pilotstat/data/decimal.hpp"
#include "pilotstat/io/csv_reader.hpp"
#include "pilotstat/report/number_format.hpp"
#include "pilotstat/stats/proportions.hpp"
#include "pilotstat/io/text.hpp"

namespace pilotstat::analysis {

std::string_view to_string(ProgressionKind c) {
    switch (c) {
        case ProgressionKind::recruitment: return "recruitment";
        case ProgressionKind::retention: return "retention";
        case ProgressionKind::completeness: return "completeness";
    }
    return "retention";
}

std::string_view to_string(Light l) {
    switch (l) {
        case Light::green: return "green";
        case Light::amber: return "amber";
        case Light::red: return "red";
    }
    return "red";
}

Light light_of(double share, double green, double amber) {
    // A share k/n and a threshold written as the same decimal are the same
    // double, but k/n = 0.7 written as "0.70000000001" should not turn amber
    // on rounding noise; 1e-12 is far below any share of a pilot.
    constexpr double slack = 1e-12;
    if (share >= green - slack) return Light::green;
    if (share >= amber - slack) return Light::amber;
    return Light::red;
}

namespace {

std::string trimmed(const std::string& s) { return std::string(io::trim_blanks(s)); }

std::optional<std::size_t> column(const io::CsvReader& r, const std::string& name) {
    const auto& h = r.header();
    const auto it = std::find(h.begin(), h.end(), name);
    if (it == h.end()) return std::nullopt;
    return static_cast<std::size_t>(it - h.begin());
}

double share_cell(const io::CsvReader& r, const io::CsvRecord& rec, std::size_t c, const std::string& name) {
    const std::string t = trimmed(rec.fields[c]);
    const SourceLocation at{r.source_name(), rec.line, c + 1};
    const auto v = data::parse_finite(t);
    if (!v) throw DataError(at, "\"" + t + "\" is not a number (column \"" + name + "\")");
    if (*v < 0.0 || *v > 1.0)
        throw DataError(at, name + " must be a share between 0 and 1 (\"" + t + "\"; write 80% as 0.8)");
    return *v;
}

ProgressionCriterion read_row(const io::CsvReader& r, const io::CsvRecord& rec, std::size_t ci, std::size_t gi,
                              std::size_t ai, std::optional<std::size_t> mi) {
    ProgressionCriterion c;
    c.where = {r.source_name(), rec.line, 0};
    const std::string name = trimmed(rec.fields[ci]);
    bool known = false;
    for (auto k : {ProgressionKind::recruitment, ProgressionKind::retention, ProgressionKind::completeness})
        if (name == to_string(k)) {
            c.criterion = k;
            known = true;
        }
    if (!known)
        throw DataError({r.source_name(), rec.line, ci + 1},
                        "unknown criterion \"" + name + "\" (valid: recruitment, retention, completeness)");
    c.green = share_cell(r, rec, gi, "green");
    c.amber = share_cell(r, rec, ai, "amber");
    if (c.amber > c.green)
        throw DataError({r.source_name(), rec.line, ai + 1},
                        "amber (" + report::shortest(c.amber) + ") exceeds green (" + report::shortest(c.green) +
                            "); the amber threshold is the lower one");
    if (mi) {
        c.measure = trimmed(rec.fields[*mi]);
        c.measure_where = {r.source_name(), rec.line, *mi + 1};
        if (c.criterion == ProgressionKind::recruitment && !c.measure.empty())
            throw DataError(c.measure_where, "recruitment is not per measure; leave measure empty");
    }
    return c;
}

}  // namespace

std::vector<ProgressionCriterion> read_progression(const std::string& path) {
    io::CsvReader reader(path, io::CsvOptions{});
    std::size_t idx[3];
    const char* needed[3] = {"criterion", "green", "amber"};
    for (int k = 0; k < 3; ++k) {
        const auto c = column(reader, needed[k]);
        if (!c)
            throw DataError({reader.source_name(), reader.header_line(), 0},
                            std::string("progression file lacks column \"") + needed[k] +
                                "\" (columns: criterion, measure, green, amber)");
        idx[k] = *c;
    }
    const auto mi = column(reader, "measure");
    std::vector<ProgressionCriterion> out;
    io::CsvRecord rec;
    while (reader.next(rec)) {
        auto c = read_row(reader, rec, idx[0], idx[1], idx[2], mi);
        for (const auto& p : out)
            if (p.criterion == c.criterion && p.measure == c.measure)
                throw DataError({reader.source_name(), rec.line, idx[0] + 1},
                                "criterion \"" + std::string(to_string(c.criterion)) +
                                    (c.measure.empty() ? "" : "\" for measure \"" + c.measure) +
                                    "\" is given twice (first on line " + std::to_string(p.where.line) + ")");
        out.push_back(std::move(c));
    }
    if (out.empty())
        throw DataError({reader.source_name(), reader.header_line(), 0}, "progression file has no criteria");
    return out;
}

namespace {

Retention complete_everywhere(const data::Study& st, const PlanResult& res, std::size_t m) {
    long k = 0;
    long in_data = 0;
    for (auto g : res.arms())
        for (auto s : st.subjects_in(g)) {
            ++in_data;
            bool all = true;
            for (std::size_t t = 0; t < st.times.size(); ++t) all = all && st.at(m, s, t).has_value();
            if (all) ++k;
        }
    Retention r;
    r.retained = k;
    r.randomized = res.options.randomized.value_or(in_data);
    r.share = static_cast<double>(k) / static_cast<double>(r.randomized);
    if (auto ci = stats::clopper_pearson(k, r.randomized, res.options.retention_conf)) r.ci = *ci;
    return r;
}

ProgressionRow judge(const ProgressionCriterion& c, std::optional<std::size_t> m, const Retention& est) {
    ProgressionRow r;
    r.criterion = c.criterion;
    r.measure = m;
    r.green = c.green;
    r.amber = c.amber;
    r.estimate = est;
    r.light = light_of(est.share, c.green, c.amber);
    r.light_low = light_of(est.ci.low, c.green, c.amber);
    r.light_high = light_of(est.ci.high, c.green, c.amber);
    return r;
}

}  // namespace

std::vector<ProgressionRow> progression(const data::Study& st, const PlanResult& res,
                                        const std::vector<ProgressionCriterion>& criteria) {
    std::vector<ProgressionRow> out;
    for (const auto& c : criteria) {
        if (c.criterion == ProgressionKind::recruitment) {
            if (!res.recruitment)
                throw UsageError(c.where.str() + ": criterion recruitment needs --screened N (and --randomized N "
                                                 "when not everyone randomized is in the data)");
            out.push_back(judge(c, std::nullopt, *res.recruitment));
            continue;
        }
        std::vector<std::size_t> measures;
        if (c.measure.empty()) {
            for (std::size_t m = 0; m < st.measures.size(); ++m) measures.push_back(m);
        } else {
            const auto it = std::find(st.measures.begin(), st.measures.end(), c.measure);
            if (it == st.measures.end())
                throw DataError(c.measure_where, "measure \"" + c.measure + "\" is not among the measures analysed");
            measures.push_back(static_cast<std::size_t>(it - st.measures.begin()));
        }
        for (auto m : measures) {
            const auto row = std::find_if(res.rows.begin(), res.rows.end(), [&](const PlanRow& p) { return p.measure == m; });
            out.push_back(judge(c, m, c.criterion == ProgressionKind::retention ? row->retention
                                                                           : complete_everywhere(st, res, m)));
        }
    }
    return out;
}

}  // namespace pilotstat::analysis
