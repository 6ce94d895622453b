#include "pilotstat/check/runner.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "pilotstat/check/summary_rows.hpp"
#include "pilotstat/check/table_selection.hpp"
#include "pilotstat/error.hpp"

namespace pilotstat::check {

std::size_t CheckRun::passed() const {
    return static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [](const auto& r) { return r.outcome.pass; }));
}
std::size_t CheckRun::failed() const { return rows.size() - passed(); }

const report::ResultTable& TableCache::get(const std::string& command, const analysis::OptionMap& options) {
    if (!study_ && command != "power") throw std::invalid_argument("needs raw data: run with --data STUDY.csv");
    std::string key = command;
    for (const auto& [k, v] : options) key += '\n' + k + '=' + v;
    if (auto it = tables_.find(key); it != tables_.end()) return it->second;
    if (auto it = errors_.find(key); it != errors_.end()) throw std::invalid_argument(it->second);
    try {
        auto table = command == "power" ? commands::run_power_command(options)
                                        : commands::run_table_command(command, *study_, options, norms_);
        return tables_.emplace(key, std::move(table)).first->second;
    } catch (const Error& e) {
        errors_.emplace(key, e.what());
        throw std::invalid_argument(e.what());
    }
}

namespace {

Outcome failed(std::string why) {
    Outcome o;
    o.message = std::move(why);
    return o;
}

Outcome compare(const Expectation& e, double computed) {
    Outcome o;
    o.computed = computed;
    const auto a = acceptance(e.expected, e.tolerance);
    o.pass = accepts(a, computed, computed);
    if (e.expected.bound == Bound::none) o.difference = computed - e.expected.value;
    if (o.pass) return o;
    if (e.expected.bound != Bound::none) {
        o.message = "not " + e.expected.text;
    } else {
        const double allowed = std::max(std::fabs(a.high - e.expected.value), std::fabs(e.expected.value - a.low));
        char buf[96];
        std::snprintf(buf, sizeof buf, "off by %.3g (allowed %.3g)", std::fabs(*o.difference), allowed);
        o.message = buf;
    }
    return o;
}

// Papers give a percent change of means on complete pairs or on every available
// score; a mismatch names the basis used and what the other basis gives.
void name_percent_basis(Outcome& o, const report::ResultTable& table, std::size_t row, const std::string& column) {
    const bool pairs = column == "pct_change_of_means";
    if (o.pass || (!pairs && column != "pct_change_of_means_available")) return;
    const auto other = table.column_index(pairs ? "pct_change_of_means_available" : "pct_change_of_means");
    std::string note = pairs ? "; basis: complete pairs" : "; basis: all available scores";
    if (other)
        if (const auto* v = std::get_if<double>(&table.rows()[row][*other])) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.6g", *v);
            note += std::string(pairs ? " (on all available scores: " : " (on complete pairs: ") + buf + ")";
        }
    o.message += note;
}

}  // namespace

Outcome run_data_row(const Expectation& e, TableCache& cache) {
    const auto q = table_query(e.select);
    const report::ResultTable* table = nullptr;
    try {
        table = &cache.get(q.command, q.options);
    } catch (const std::invalid_argument& x) {
        return failed(x.what());
    }
    const auto col = table->column_index(*q.column);
    if (!col) return failed(q.command + " has no column \"" + *q.column + "\"");
    const auto m = match_rows(*table, q);
    if (!m.problem.empty()) return failed(m.problem);
    const auto& cell = table->rows()[m.rows.front()][*col];
    if (const auto* d = std::get_if<double>(&cell)) {
        auto o = compare(e, *d);
        name_percent_basis(o, *table, m.rows.front(), *q.column);
        return o;
    }
    if (const auto* i = std::get_if<std::int64_t>(&cell)) return compare(e, static_cast<double>(*i));
    if (std::holds_alternative<std::string>(cell)) return failed("column \"" + *q.column + "\" is text, not a number");
    return failed("the computed value is missing (NA)");
}

CheckRun run_checks(const std::vector<Expectation>& expectations, const data::Study* study,
                    const data::NormsRegistry& norms) {
    CheckRun run;
    TableCache cache(study, norms);
    for (const auto& e : expectations) {
        Outcome o;
        try {
            o = is_summary_command(e.select.command) ? run_summary_row(e.select, e.expected, e.tolerance)
                                                     : run_data_row(e, cache);
        } catch (const std::invalid_argument& x) {
            o = failed(x.what());
        }
        run.rows.push_back({e, std::move(o)});
    }
    return run;
}

}  // namespace pilotstat::check
