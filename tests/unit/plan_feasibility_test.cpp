// `plan`'s feasibility part against R (scripts/reference/plan.R): completeness
// per measure, visit and arm with Clopper-Pearson intervals (binom.test), the
// progression lights, and every error of the progression file.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "fixture.hpp"
#include "pilotstat/analysis/plan_document.hpp"
#include "pilotstat/data/study_builder.hpp"
#include "pilotstat/error.hpp"

using namespace pilotstat;
using analysis::Light;

namespace {
const std::string kInput = std::string(PILOTSTAT_TEST_DIR) + "/reference/plan_missing_input.csv";
const std::string kThresholds = std::string(PILOTSTAT_TEST_DIR) + "/../data/examples/progression.csv";

analysis::PlanOptions options() {
    analysis::PlanOptions o;
    o.from = 0;
    o.to = 2;
    o.mcid = 5.0;
    return o;
}

// Writes `text` to a file of the test's own name and returns its path.
std::string file_with(const std::string& name, const std::string& text) {
    const std::string path = "plan_feasibility_" + name + ".csv";
    std::ofstream(path) << text;
    return path;
}

std::string error_of(const std::string& name, const std::string& text) {
    const auto path = file_with(name, text);
    try {
        analysis::read_progression(path);
    } catch (const DataError& e) {
        std::remove(path.c_str());
        return e.what();
    }
    std::remove(path.c_str());
    return "no error";
}
}  // namespace

TEST_CASE("completeness per measure, visit and arm matches binom.test (1e-12 relative)") {
    const auto st = data::load_study(kInput, {});
    auto o = options();
    o.mcid.reset();  // two measures: the MCIDs come from the instruments (or stay empty)
    const auto doc = analysis::plan_document(st, data::NormsRegistry::builtin(), o, nullptr);
    const auto ref = fixture::read("reference/plan_completeness.csv");
    REQUIRE(doc.completeness.size() == ref.size());
    for (std::size_t i = 0; i < ref.size(); ++i) {
        const auto& c = doc.completeness[i];
        const auto& r = ref[i];
        CHECK(st.measures[c.measure] == r.str("measure"));
        CHECK(st.times[c.time] == r.str("time"));
        CHECK((c.group ? st.groups[*c.group] : std::string("all")) == r.str("group"));
        CHECK(c.share.retained == static_cast<long>(r.num("scored")));
        CHECK(c.share.randomized == static_cast<long>(r.num("of")));
        CHECK(c.share.share == doctest::Approx(r.num("completeness")).epsilon(1e-12));
        CHECK(c.share.ci.low == doctest::Approx(r.num("ci_low")).epsilon(1e-12));
        CHECK(c.share.ci.high == doctest::Approx(r.num("ci_high")).epsilon(1e-12));
    }
}

TEST_CASE("progression lights and intervals match R with --randomized 9 (1e-12 relative)") {
    const auto st = data::load_study(kInput, {});
    auto o = options();
    o.mcid.reset();
    o.randomized = 9;
    const auto criteria = analysis::read_progression(kThresholds);
    const auto doc = analysis::plan_document(st, data::NormsRegistry::builtin(), o, &criteria);
    REQUIRE(doc.progression);
    const auto ref = fixture::read("reference/plan_progression.csv");
    REQUIRE(doc.progression->size() == ref.size());
    for (std::size_t i = 0; i < ref.size(); ++i) {
        const auto& p = (*doc.progression)[i];
        const auto& r = ref[i];
        CHECK(to_string(p.criterion) == r.str("criterion"));
        CHECK(st.measures[*p.measure] == r.str("measure"));
        CHECK(p.estimate.retained == static_cast<long>(r.num("count")));
        CHECK(p.estimate.randomized == 9);
        CHECK(p.estimate.ci.low == doctest::Approx(r.num("ci_low")).epsilon(1e-12));
        CHECK(p.estimate.ci.high == doctest::Approx(r.num("ci_high")).epsilon(1e-12));
        CHECK(to_string(p.light) == r.str("light"));
        CHECK(to_string(p.light_low) == r.str("light_low"));
        CHECK(to_string(p.light_high) == r.str("light_high"));
    }
}

TEST_CASE("light_of: thresholds are inclusive, shares written as the threshold's decimal count as reached") {
    CHECK(analysis::light_of(0.8, 0.8, 0.6) == Light::green);
    CHECK(analysis::light_of(8.0 / 10.0, 0.8, 0.6) == Light::green);
    CHECK(analysis::light_of(7.0 / 10.0, 0.7, 0.5) == Light::green);
    CHECK(analysis::light_of(0.79, 0.8, 0.6) == Light::amber);
    CHECK(analysis::light_of(0.6, 0.8, 0.6) == Light::amber);
    CHECK(analysis::light_of(0.59, 0.8, 0.6) == Light::red);
    CHECK(analysis::light_of(0.0, 0.0, 0.0) == Light::green);
}

TEST_CASE("the progression file: every error names FILE:LINE:COLUMN") {
    CHECK(error_of("unknown", "criterion,green,amber\nretension,0.8,0.6\n") ==
          "plan_feasibility_unknown.csv:2:1: unknown criterion \"retension\" (valid: recruitment, retention, "
          "completeness)");
    CHECK(error_of("nan", "criterion,green,amber\nretention,high,0.6\n") ==
          "plan_feasibility_nan.csv:2:2: \"high\" is not a number (column \"green\")");
    CHECK(error_of("percent", "criterion,green,amber\nretention,0.8,60\n") ==
          "plan_feasibility_percent.csv:2:3: amber must be a share between 0 and 1 (\"60\"; write 80% as 0.8)");
    CHECK(error_of("order", "criterion,green,amber\nretention,0.6,0.8\n") ==
          "plan_feasibility_order.csv:2:3: amber (0.8) exceeds green (0.6); the amber threshold is the lower one");
    CHECK(error_of("column", "criterion,green\nretention,0.6\n") ==
          "plan_feasibility_column.csv:1: progression file lacks column \"amber\" (columns: criterion, measure, "
          "green, amber)");
    CHECK(error_of("empty", "criterion,green,amber\n") == "plan_feasibility_empty.csv:1: progression file has no criteria");
    CHECK(error_of("twice", "criterion,measure,green,amber\nretention,bdi,0.8,0.6\nretention,bdi,0.9,0.6\n") ==
          "plan_feasibility_twice.csv:3:1: criterion \"retention\" for measure \"bdi\" is given twice (first on line 2)");
    CHECK(error_of("recruit", "criterion,measure,green,amber\nrecruitment,bdi,0.5,0.3\n") ==
          "plan_feasibility_recruit.csv:2:2: recruitment is not per measure; leave measure empty");
    CHECK(error_of("blank", "criterion,green,amber\nretention,,0.6\n") ==
          "plan_feasibility_blank.csv:2:2: \"\" is not a number (column \"green\")");
}

TEST_CASE("progression: an unknown measure and recruitment without --screened are refused") {
    const auto st = data::load_study(kInput, {});
    const auto res = analysis::plan(st, data::NormsRegistry::builtin(), [] {
        auto o = options();
        o.mcid.reset();
        return o;
    }());
    const auto path = file_with("measure", "criterion,measure,green,amber\nretention,bdi,0.8,0.6\nrecruitment,,0.5,0.3\n");
    const auto criteria = analysis::read_progression(path);
    std::remove(path.c_str());
    try {
        analysis::progression(st, res, {criteria[0]});
        FAIL("no error");
    } catch (const DataError& e) {
        CHECK(std::string(e.what()) ==
              "plan_feasibility_measure.csv:2:2: measure \"bdi\" is not among the measures analysed");
    }
    CHECK_THROWS_AS(analysis::progression(st, res, {criteria[1]}), UsageError);
}
