// Cross-sectional studies (one time point) and the report's own --on,
// --time-values and --rci-sd: which analyses run, which are refused, and
// which one is primary.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "pilotstat/study_report/study_report.hpp"
#include "pilotstat/data/study_builder.hpp"
#include "pilotstat/error.hpp"

using namespace pilotstat;

namespace {
// Two arms scored once: a = 20, 25, 30 (mean 25), b = 10, 12, 15 (mean 37/3).
data::Study cross_sectional_study(bool two_arms = true) {
    std::string csv = "subject,group,time,measure,score\n"
                      "S1,a,screening,bdi,20\nS2,a,screening,bdi,25\nS3,a,screening,bdi,30\n";
    if (two_arms) csv += "S4,b,screening,bdi,10\nS5,b,screening,bdi,12\nS6,b,screening,bdi,15\n";
    io::CsvReader reader("cross.csv", csv, io::CsvOptions{});
    return data::build_study(reader, data::StudyOptions{});
}

data::Study kap_example_for_options() {
    return data::load_study(std::string(PILOTSTAT_TEST_DIR) + "/../data/examples/kap_pilot.csv", {});
}

bool has_note(const analysis::CompareRow& row, const std::string& fragment) {
    for (const auto& n : row.notes)
        if (n.find(fragment) != std::string::npos) return true;
    return false;
}
}  // namespace

TEST_CASE("one time point: compare is on raw scores and says so; change and individual refuse") {
    const auto st = cross_sectional_study();
    const auto o = analysis::compare_options(st, {});
    CHECK(o.on == analysis::CompareOn::raw);
    CHECK(o.single_time);
    const auto rows = analysis::compare(st, o);
    REQUIRE(rows.size() == 1);
    REQUIRE(rows[0].mean_diff.has_value());
    CHECK(*rows[0].mean_diff == doctest::Approx(25.0 - 37.0 / 3.0).epsilon(1e-15));
    CHECK(has_note(rows[0], "the only time point"));
    CHECK(analysis::compare_options(st, {{"on", "raw"}}).on == analysis::CompareOn::raw);
    for (const char* on : {"change", "ancova", "slope", "auc"})
        CHECK_THROWS_AS(analysis::compare_options(st, {{"on", on}}), UsageError);
    CHECK_THROWS_AS(analysis::change(st, analysis::change_options(st, {})), UsageError);
    CHECK_THROWS_AS(analysis::individual_change(st, data::NormsRegistry::builtin(), {}), UsageError);
    // two time points: the note is not there, change stays the default
    const auto ex = kap_example_for_options();
    const auto two = analysis::compare_options(ex, {{"on", "raw"}});
    CHECK_FALSE(two.single_time);
    CHECK_FALSE(has_note(analysis::compare(ex, two).at(0), "the only time point"));
    CHECK(analysis::compare_options(ex, {}).on == analysis::CompareOn::change);
}

TEST_CASE("one time point: report compares raw scores, primary, with no change, ANCOVA or person-by-person rows") {
    const auto st = cross_sectional_study();
    const auto o = study_report::report_options(st, {});
    CHECK(o.single_time);
    CHECK(o.primary == "raw");
    CHECK_FALSE(o.ancova);
    const auto r = study_report::build_report(st, o);
    CHECK(r.changes.empty());
    CHECK(r.ancova.empty());
    CHECK(r.individual.rows.empty());
    REQUIRE(r.comparisons.size() == 1);
    REQUIRE(r.compare_expl.explanations.size() == 1);
    CHECK(r.compare_expl.explanations[0].role == "primary");
    CHECK(r.summary.find("the only time point") != std::string::npos);
    CHECK(r.summary.find("--primary") == std::string::npos);  // nothing was pre-specified
    CHECK_THROWS_AS(study_report::report_options(st, {{"primary", "ancova"}}), UsageError);
    CHECK_THROWS_AS(study_report::report_options(st, {{"on", "change"}}), UsageError);
    // one arm and one time: nothing to test
    const auto one = cross_sectional_study(false);
    CHECK_THROWS_AS(study_report::report_options(one, {}), UsageError);
}

TEST_CASE("report --on: the comparison's basis, primary unless --primary ancova") {
    const auto st = kap_example_for_options();
    const auto def = study_report::report_options(st, {});
    CHECK(def.primary == "ancova");
    CHECK(def.compare.on == analysis::CompareOn::change);
    CHECK(def.time_values.empty());
    const auto raw = study_report::report_options(st, {{"on", "raw"}});
    CHECK(raw.primary == "raw");
    CHECK(raw.compare.on == analysis::CompareOn::raw);
    const auto r = study_report::build_report(st, raw);
    for (const auto& e : r.compare_expl.explanations) CHECK(e.role == "primary");
    for (const auto& e : r.ancova_expl.explanations) CHECK(e.role == "secondary");
    CHECK(r.summary.find("pre-specified with --on raw") != std::string::npos);
    const auto keep = study_report::report_options(st, {{"on", "slope"}, {"primary", "ancova"}});
    CHECK(keep.primary == "ancova");
    CHECK(keep.compare.on == analysis::CompareOn::slope);
    const auto anc = study_report::report_options(st, {{"on", "ancova"}});
    CHECK(anc.primary == "ancova");
    CHECK(anc.compare.on == analysis::CompareOn::change);
    CHECK_THROWS_AS(study_report::report_options(st, {{"on", "raw"}, {"primary", "change"}}), UsageError);
    CHECK_THROWS_AS(study_report::report_options(st, {{"on", "ancova"}, {"primary", "change"}}), UsageError);
    CHECK_THROWS_AS(study_report::report_options(st, {{"on", "both"}}), UsageError);
    const auto tv = study_report::report_options(st, {{"time_values", "0,1,3,6"}});
    CHECK(tv.time_values == std::vector<double>{0, 1, 3, 6});
    CHECK(tv.compare.time_values == std::vector<double>{0, 1, 3, 6});
    CHECK(study_report::report_options(st, {{"rci_sd", "baseline"}}).rci_sd == analysis::RciSd::baseline);
    CHECK_THROWS_AS(study_report::report_options(st, {{"rci_sd", "pooled"}}), UsageError);
    // one arm: there is no between-arm analysis to choose
    const auto one_arm = data::load_study(std::string(PILOTSTAT_TEST_DIR) + "/../data/examples/kap_pilot.csv",
                                          [] { data::StudyOptions so; so.groups = {"psychedelic"}; return so; }());
    CHECK_NOTHROW(study_report::report_options(one_arm, {}));
    CHECK_THROWS_AS(study_report::report_options(one_arm, {{"on", "raw"}}), UsageError);
    CHECK_THROWS_AS(study_report::report_options(one_arm, {{"primary", "change"}}), UsageError);
    const auto& keys = study_report::report_option_keys();
    for (const char* k : {"on", "rci_sd", "time_values"})
        CHECK(std::find(keys.begin(), keys.end(), std::string(k)) != keys.end());
}
