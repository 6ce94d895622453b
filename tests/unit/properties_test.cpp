// Property tests (issue 7): invariances every analysis must satisfy, checked
// on deterministic pseudo-random small studies through the same path the CLI
// takes (CSV text -> reader -> study builder -> run_table_command -> table).
//  - permuting input rows changes no output byte (csv rendering)
//  - long and wide input give byte-identical output
//  - adding a constant to every score leaves every p-value unchanged
//  - multiplying by k > 0 leaves tests and standardized effects unchanged and
//    scales unstandardized effects by k
//  - swapping the groups mirrors one-sided p-values and negates effects
//  - every exact p-value lies in [p_floor, 1]
// Tolerances: p-values and standardized effects 1e-12 relative (+1e-15
// absolute); scaled effects 1e-12 relative. Byte identity where stated.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "pilotstat/commands/table_command.hpp"
#include "pilotstat/data/study_builder.hpp"
#include "pilotstat/report/renderer.hpp"

using namespace pilotstat;

namespace {

// Small deterministic generator for test data (not the project RNG on purpose:
// these are fixed inputs, not draws whose stream matters).
struct Lcg {
    std::uint64_t s;
    std::uint32_t next() {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(s >> 33);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint32_t>(n)); }
};

struct Obs {
    std::string subject, group, time, measure;
    long long hundredths;  // score * 100
    bool missing;
};

std::string text_of(long long h) {
    std::ostringstream s;
    if (h < 0) s << '-';
    const long long a = h < 0 ? -h : h;
    s << a / 100 << '.' << (a % 100) / 10 << a % 10;
    return s.str();
}

// Two groups of 3..6 subjects, times T0..T2, measures x (continuous, 2
// decimals) and y (integers with ties); a few missing scores.
std::vector<Obs> make_study(std::uint64_t seed, bool with_missing = true) {
    Lcg r{seed};
    std::vector<Obs> out;
    int id = 0;
    for (const char* g : {"a", "b"}) {
        const int n = 3 + r.below(4);
        for (int i = 0; i < n; ++i, ++id) {
            const long long base_x = 1000 + r.below(2000), base_y = 5 + r.below(6);
            for (int t = 0; t < 3; ++t) {
                const std::string subject = "S" + std::to_string(id), time = "T" + std::to_string(t);
                out.push_back({subject, g, time, "x", base_x - t * r.below(300) + r.below(150),
                               with_missing && t > 0 && r.below(12) == 0});
                out.push_back({subject, g, time, "y", 100 * (base_y - r.below(3) * t), false});
            }
        }
    }
    return out;
}

std::string long_csv(const std::vector<Obs>& obs) {
    std::string s = "subject,group,time,measure,score\n";
    for (const auto& o : obs)
        s += o.subject + "," + o.group + "," + o.time + "," + o.measure + "," +
             (o.missing ? "NA" : text_of(o.hundredths)) + "\n";
    return s;
}

// One row per subject, columns <measure>_<time> in first-appearance order.
std::string wide_csv(const std::vector<Obs>& obs) {
    std::vector<std::string> cols, subjects;
    for (const auto& o : obs) {
        const auto c = o.measure + "_" + o.time;
        if (std::find(cols.begin(), cols.end(), c) == cols.end()) cols.push_back(c);
        if (std::find(subjects.begin(), subjects.end(), o.subject) == subjects.end()) subjects.push_back(o.subject);
    }
    std::string s = "subject,group";
    for (const auto& c : cols) s += "," + c;
    s += "\n";
    for (const auto& sub : subjects) {
        std::vector<std::string> cells(cols.size(), "NA");
        std::string group;
        for (const auto& o : obs)
            if (o.subject == sub) {
                group = o.group;
                const auto k = std::find(cols.begin(), cols.end(), o.measure + "_" + o.time) - cols.begin();
                cells[static_cast<std::size_t>(k)] = o.missing ? "NA" : text_of(o.hundredths);
            }
        s += sub + "," + group;
        for (const auto& c : cells) s += "," + c;
        s += "\n";
    }
    return s;
}

data::Study load(const std::string& csv, data::StudyOptions opt = {}) {
    io::CsvReader reader("p.csv", csv, opt.csv);
    return data::build_study(reader, opt);
}

data::StudyOptions fixed_order() {
    data::StudyOptions o;
    o.times = {"T0", "T1", "T2"};
    o.groups = {"a", "b"};
    o.measures = {"x", "y"};
    return o;
}

std::string render_csv(const report::ResultTable& t) {
    std::ostringstream out;
    report::make_renderer("csv", {})->render(t, out);
    return out.str();
}

// "" when the two tables render identically, else the first differing cell.
std::string first_difference(const report::ResultTable& a, const report::ResultTable& b) {
    const auto ca = render_csv(a), cb = render_csv(b);
    if (ca == cb) return "";
    if (a.rows().size() != b.rows().size()) return "row counts differ";
    for (std::size_t i = 0; i < a.rows().size(); ++i)
        for (std::size_t j = 0; j < a.columns().size(); ++j) {
            const auto x = report::machine_cell(a.rows()[i][j]), y = report::machine_cell(b.rows()[i][j]);
            if (x != y) return "row " + std::to_string(i) + " " + a.columns()[j].name + ": " + x + " vs " + y;
        }
    return "renderings differ";
}

report::ResultTable run(const std::string& cmd, const data::Study& st, analysis::OptionMap o = {}) {
    return commands::run_table_command(cmd, st, o);
}

std::vector<std::pair<std::string, analysis::OptionMap>> command_cases() {
    return {{"describe", {}},
            {"change", {}},
            {"change", {{"alternative", "less"}}},
            {"compare", {}},
            {"compare", {{"on", "raw"}, {"at", "T2"}}},
            {"compare", {{"on", "ancova"}}},
            {"compare", {{"on", "slope"}}}};
}

std::optional<double> num(const report::ResultTable& t, std::size_t row, const std::string& col) {
    const auto i = t.column_index(col);
    REQUIRE(i.has_value());
    const auto& cell = t.rows()[row][*i];
    if (const auto* d = std::get_if<double>(&cell)) return *d;
    if (const auto* n = std::get_if<std::int64_t>(&cell)) return static_cast<double>(*n);
    return std::nullopt;
}

bool close(std::optional<double> a, std::optional<double> b, double rel = 1e-12) {
    if (!a || !b) return a.has_value() == b.has_value();
    return std::fabs(*a - *b) <= rel * std::max(std::fabs(*a), std::fabs(*b)) + 1e-15;
}

std::vector<std::string> pvalue_columns(const report::ResultTable& t) {
    std::vector<std::string> out;
    for (const auto& c : t.columns())
        if (c.kind == report::ColumnKind::pvalue) out.push_back(c.name);
    return out;
}

// Applies f to every non-missing score of measure x and y.
template <class F>
std::vector<Obs> transformed(std::vector<Obs> obs, F f) {
    for (auto& o : obs) o.hundredths = f(o.hundredths);
    return obs;
}

constexpr std::uint64_t kSeeds[] = {1, 2, 3, 5, 8, 13};

}  // namespace

TEST_CASE("permuting input rows changes no output byte") {
    for (const auto seed : kSeeds) {
        auto obs = make_study(seed);
        const auto ref = load(long_csv(obs), fixed_order());
        Lcg r{seed * 977};
        for (std::size_t i = obs.size(); i > 1; --i) std::swap(obs[i - 1], obs[static_cast<std::size_t>(r.below(static_cast<int>(i)))]);
        const auto perm = load(long_csv(obs), fixed_order());
        for (const auto& [cmd, opts] : command_cases()) {
            CAPTURE(seed);
            CAPTURE(cmd);
            CHECK(first_difference(run(cmd, ref, opts), run(cmd, perm, opts)) == "");
        }
    }
}

TEST_CASE("long and wide input give byte-identical output") {
    for (const auto seed : kSeeds) {
        const auto obs = make_study(seed);
        const auto lng = load(long_csv(obs));
        const auto wide = load(wide_csv(obs));
        for (const auto& [cmd, opts] : command_cases()) {
            CAPTURE(seed);
            CAPTURE(cmd);
            CHECK(first_difference(run(cmd, lng, opts), run(cmd, wide, opts)) == "");
        }
    }
}

TEST_CASE("adding a constant to every score leaves every p-value unchanged") {
    for (const auto seed : kSeeds) {
        const auto obs = make_study(seed);
        const auto a = load(long_csv(obs));
        const auto b = load(long_csv(transformed(obs, [](long long h) { return h + 1025; })));  // + 10.25
        for (const auto& [cmd, opts] : command_cases()) {
            if (cmd == "describe") continue;
            const auto ta = run(cmd, a, opts), tb = run(cmd, b, opts);
            REQUIRE(ta.rows().size() == tb.rows().size());
            for (std::size_t i = 0; i < ta.rows().size(); ++i)
                for (const auto& col : pvalue_columns(ta)) {
                    CAPTURE(seed);
                    CAPTURE(cmd);
                    CAPTURE(col);
                    CHECK(close(num(ta, i, col), num(tb, i, col)));
                }
        }
    }
}

TEST_CASE("multiplying by k > 0 keeps tests and standardized effects, scales unstandardized effects") {
    const double k = 3.0;
    const std::vector<std::string> scaled_change{"mean_change", "sd_change", "t_ci_low", "t_ci_high", "boot_ci_low",
                                                 "boot_ci_high"};
    const std::vector<std::string> same_change{"dz", "dz_ci_low", "dz_ci_high", "gz", "t", "pct_change_of_means"};
    const std::vector<std::string> scaled_compare{"mean_diff", "hl_shift", "hl_ci_low", "hl_ci_high", "boot_ci_low",
                                                  "boot_ci_high", "welch_ci_low", "welch_ci_high"};
    const std::vector<std::string> same_compare{"hedges_g", "g_ci_low", "g_ci_high", "cliffs_delta",
                                                "delta_ci_low", "delta_ci_high", "cohens_d", "prob_superiority"};
    for (const auto seed : kSeeds) {
        const auto obs = make_study(seed);
        const auto a = load(long_csv(obs));
        const auto b = load(long_csv(transformed(obs, [](long long h) { return 3 * h; })));
        for (const auto& [cmd, opts] : command_cases()) {
            if (cmd == "describe") continue;
            const auto ta = run(cmd, a, opts), tb = run(cmd, b, opts);
            REQUIRE(ta.rows().size() == tb.rows().size());
            const bool change = cmd == "change";
            for (std::size_t i = 0; i < ta.rows().size(); ++i) {
                CAPTURE(seed);
                CAPTURE(cmd);
                for (const auto& col : pvalue_columns(ta)) {
                    CAPTURE(col);
                    CHECK(close(num(ta, i, col), num(tb, i, col)));
                }
                for (const auto& col : change ? same_change : same_compare) {
                    CAPTURE(col);
                    CHECK(close(num(ta, i, col), num(tb, i, col), 1e-11));
                }
                for (const auto& col : change ? scaled_change : scaled_compare) {
                    CAPTURE(col);
                    const auto va = num(ta, i, col);
                    CHECK(close(va ? std::optional<double>(k * *va) : std::nullopt, num(tb, i, col)));
                }
            }
        }
    }
}

TEST_CASE("swapping the groups mirrors one-sided p-values and negates effects") {
    const std::vector<std::pair<std::string, std::string>> negated_pairs{
        {"mean_diff", "mean_diff"},       {"hl_shift", "hl_shift"},         {"hedges_g", "hedges_g"},
        {"cliffs_delta", "cliffs_delta"}, {"cohens_d", "cohens_d"},         {"g_ci_low", "g_ci_high"},
        {"hl_ci_low", "hl_ci_high"},      {"delta_ci_low", "delta_ci_high"}, {"welch_ci_low", "welch_ci_high"},
        {"boot_ci_low", "boot_ci_high"}};
    const std::vector<std::string> pcols{"p_perm", "p_wmw", "p_welch", "p_student"};
    for (const auto seed : kSeeds) {
        const auto obs = make_study(seed);
        data::StudyOptions ab, ba;
        ab.groups = {"a", "b"};
        ba.groups = {"b", "a"};
        const auto sab = load(long_csv(obs), ab), sba = load(long_csv(obs), ba);
        for (const std::string on : {"change", "raw", "ancova"}) {
            const auto less = run("compare", sab, {{"on", on}, {"alternative", "less"}});
            const auto greater = run("compare", sba, {{"on", on}, {"alternative", "greater"}});
            const auto two_ab = run("compare", sab, {{"on", on}});
            const auto two_ba = run("compare", sba, {{"on", on}});
            REQUIRE(less.rows().size() == greater.rows().size());
            for (std::size_t i = 0; i < less.rows().size(); ++i) {
                CAPTURE(seed);
                CAPTURE(on);
                for (const auto& col : pcols) {
                    CAPTURE(col);
                    CHECK(close(num(less, i, col), num(greater, i, col)));
                    CHECK(close(num(two_ab, i, col), num(two_ba, i, col)));
                }
                for (const auto& [x, y] : negated_pairs) {
                    CAPTURE(x);
                    const auto v = num(two_ab, i, x), w = num(two_ba, i, y);
                    CHECK(close(v ? std::optional<double>(-*v) : std::nullopt, w));
                }
            }
        }
    }
}

TEST_CASE("exact p-values: 1 >= p >= p_floor_data >= p_floor for every exact column") {
    // The data floor (smallest p these values, ties included, could give) can
    // only be at or above the design floor (smallest p any data of this size
    // could give), and the observed p at or above the data floor.
    const std::vector<std::pair<std::string, std::string>> change_pairs{{"p_signflip", "signflip"},
                                                                        {"p_signrank", "signrank"}};
    const std::vector<std::pair<std::string, std::string>> compare_pairs{{"p_perm", "perm"}, {"p_wmw", "wmw"}};
    for (const auto seed : kSeeds) {
        const auto st = load(long_csv(make_study(seed)));
        for (const std::string alt : {"two-sided", "less", "greater"})
            for (const std::string rule : {"deviation", "doubled"})
            for (const std::string cmd : {"change", "compare"}) {
                const auto t = run(cmd, st, {{"alternative", alt}, {"two_sided", rule}});
                for (std::size_t i = 0; i < t.rows().size(); ++i)
                    for (const auto& [p, test] : cmd == "change" ? change_pairs : compare_pairs) {
                        CAPTURE(seed);
                        CAPTURE(alt);
                        CAPTURE(rule);
                        CAPTURE(p);
                        const auto pv = num(t, i, p), fv = num(t, i, "p_floor_" + test);
                        const auto dv = num(t, i, "p_floor_data_" + test);
                        if (!pv) continue;
                        REQUIRE(fv.has_value());
                        CHECK(*pv <= 1.0);
                        CHECK(*pv >= *fv * (1 - 1e-12));
                        if (dv) {  // exact methods only
                            CHECK(*pv >= *dv * (1 - 1e-12));
                            CHECK(*dv >= *fv * (1 - 1e-12));
                        }
                        for (const auto& c : pvalue_columns(t)) {
                            const auto v = num(t, i, c);
                            if (v) CHECK((*v >= 0.0 && *v <= 1.0));
                        }
                    }
            }
    }
}

TEST_CASE("rank-test design floor with ties at unequal sizes: one split alone is extreme") {
    // a = 12, 14, 15 v b = 10, 10, 10, 10: the mid-ranks give a its three top
    // ranks and no split deviates as much the other way, so p_wmw = 1/35 (R:
    // coin::wilcox_test(y ~ g, distribution = "exact") gives 0.02857143); the
    // design floor must not sit above it (it was 2/35).
    std::string csv = "subject,group,time,measure,score\n";
    const std::vector<std::pair<std::string, int>> rows{{"a", 12}, {"a", 14}, {"a", 15}, {"b", 10},
                                                        {"b", 10}, {"b", 10}, {"b", 10}};
    for (std::size_t i = 0; i < rows.size(); ++i)
        csv += "S" + std::to_string(i) + "," + rows[i].first + ",T0,y," + std::to_string(rows[i].second) + "\n";
    const auto t = run("compare", load(csv), {{"on", "raw"}});
    REQUIRE(t.rows().size() == 1);
    CHECK(*num(t, 0, "p_wmw") == doctest::Approx(1.0 / 35).epsilon(1e-12));
    CHECK(*num(t, 0, "p_floor_wmw") == doctest::Approx(1.0 / 35).epsilon(1e-12));
    CHECK(*num(t, 0, "p_floor_data_wmw") == doctest::Approx(1.0 / 35).epsilon(1e-12));
}
