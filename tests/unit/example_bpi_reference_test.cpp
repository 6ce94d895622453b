// The example study's BPI interference on its 1/7 grid (issue 13), end to end
// (CSV -> study -> table), against exact values (scripts/reference/
// example_bpi_exact.py: Python fractions, one rounding, compared for exact
// equality) and R's coin on the snapped scores (scripts/reference/
// example_bpi.R: p-values to 1e-10 relative; R's floating-point mean and sd to
// 1e-14 relative, as R rounds more than once). The file writes the scores to
// 4 decimals; the same study written at 6 or 10 decimals or 17 significant
// digits must give the same bits.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <variant>

#include "fixture.hpp"
#include "pilotstat/commands/table_command.hpp"
#include "pilotstat/data/study_builder.hpp"

using namespace pilotstat;

namespace {
std::map<std::string, double> values(const std::string& name) {
    std::map<std::string, double> out;
    for (const auto& r : fixture::read(name)) out[r.str("quantity")] = r.num("value");
    return out;
}

// The value in column `col` of the row whose `key` columns match.
double cell(const report::ResultTable& t, const std::map<std::string, std::string>& key, const std::string& col) {
    for (const auto& row : t.rows()) {
        bool match = true;
        for (const auto& [k, v] : key) {
            const auto* s = std::get_if<std::string>(&row[*t.column_index(k)]);
            match = match && s && *s == v;
        }
        if (!match) continue;
        const auto& c = row[*t.column_index(col)];
        if (const auto* d = std::get_if<double>(&c)) return *d;
        FAIL("not a number: " << col);
    }
    FAIL("no row for " << col);
    return NAN;
}

// decimals > 0: that many decimals; < 0: that many significant digits.
data::Study example(int decimals) {
    data::StudyOptions opt;
    opt.measures = {"bpi_interference"};
    const auto st = data::load_study(std::string(PILOTSTAT_TEST_DIR) + "/../data/examples/kap_pilot.csv", opt);
    if (decimals == 4) return st;
    // the same scores as exact sevenths written to `decimals` decimals
    std::string csv = "subject,group,time,measure,score\n";
    for (std::size_t s = 0; s < st.subjects.size(); ++s)
        for (std::size_t t = 0; t < st.times.size(); ++t)
            if (const auto& v = st.at(0, s, t)) {
                char buf[40];
                const double x = std::nearbyint(v->value * 7) / 7;
                if (decimals > 0) std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
                else std::snprintf(buf, sizeof buf, "%.*g", -decimals, x);  // significant digits
                csv += st.subjects[s] + "," + st.groups[st.subject_group[s]] + "," + st.times[t] +
                       ",bpi_interference," + buf + "\n";
            }
    io::CsvReader reader("ten.csv", csv, opt.csv);
    return data::build_study(reader, opt);
}
}  // namespace

TEST_CASE("example BPI interference: exact on the grid, as R's coin on exact sevenths") {
    const auto exact = values("reference/example_bpi_exact.csv");
    const auto r = values("reference/example_bpi.csv");
    const auto st = example(4);
    const auto change = commands::run_table_command("change", st, {});
    const auto describe = commands::run_table_command("describe", st, {});
    const auto compare = commands::run_table_command("compare", st, {});
    for (const std::string g : {"psychedelic", "psycholytic"}) {
        CAPTURE(g);
        const std::map<std::string, std::string> key{{"group", g}, {"to", "T3"}};
        CHECK(cell(change, key, "mean_change") == exact.at("mean_change_" + g));
        CHECK(cell(change, key, "sd_change") == exact.at("sd_change_" + g));
        CHECK(cell(describe, {{"group", g}, {"time", "T0"}}, "mean") == exact.at("mean_T0_" + g));
        CHECK(cell(describe, {{"group", g}, {"time", "T0"}}, "sd") == exact.at("sd_T0_" + g));
        CHECK(cell(change, key, "sd_change") == doctest::Approx(r.at("sd_change_" + g)).epsilon(1e-14));
    }
    CHECK(cell(compare, {}, "mean_diff") == exact.at("mean_diff"));
    CHECK(cell(compare, {}, "p_perm") == doctest::Approx(r.at("p_perm")).epsilon(1e-10));
    CHECK(cell(compare, {}, "p_wmw") == doctest::Approx(r.at("p_wmw")).epsilon(1e-10));
}

TEST_CASE("example BPI interference: 4, 6, 10 decimals or 17 significant digits give the same bits") {
    const auto a = example(4);
    for (const int digits : {6, 10, -17})
    for (const std::string cmd : {"describe", "change", "compare"}) {
        CAPTURE(digits);
        CAPTURE(cmd);
        const auto b = example(digits);
        const auto ta = commands::run_table_command(cmd, a, {}), tb = commands::run_table_command(cmd, b, {});
        REQUIRE(ta.rows().size() == tb.rows().size());
        for (std::size_t i = 0; i < ta.rows().size(); ++i)
            CHECK(ta.rows()[i] == tb.rows()[i]);
    }
}
