// Running expectations against the example study: pass, fail, no match,
// several matches, missing data; and the four output formats.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "pilotstat/check/expectations.hpp"
#include "pilotstat/check/record.hpp"
#include "pilotstat/check/render.hpp"
#include "pilotstat/check/runner.hpp"
#include "pilotstat/data/study_builder.hpp"
#include "pilotstat/io/markup_escape.hpp"

using namespace pilotstat;
using namespace pilotstat::check;

namespace {
const data::Study& example() {
    static const auto st = data::load_study(std::string(PILOTSTAT_TEST_DIR) + "/../data/examples/kap_pilot.csv", {});
    return st;
}

CheckRun run_text(const std::string& rows, const data::Study* study = &example()) {
    return run_checks(parse_expectations("e.csv", "id,select,expected,tolerance,note\n" + rows), study);
}

const Outcome& one(const CheckRun& run) {
    REQUIRE(run.rows.size() == 1);
    return run.rows.front().outcome;
}
}  // namespace

TEST_CASE("Check runner: pass and fail") {
    const auto pass = run_text("a,describe measure=bpi_severity group=psychedelic time=T0 column=mean,6.40,decimals:2,\n");
    CHECK(one(pass).pass);
    CHECK(*one(pass).computed == doctest::Approx(6.4).epsilon(1e-15));
    const auto fail = run_text("a,describe measure=bpi_severity group=psychedelic time=T0 column=mean,6.46,decimals:2,\n");
    CHECK_FALSE(one(fail).pass);
    CHECK(*one(fail).difference == doctest::Approx(-0.06).epsilon(1e-9));
    CHECK(one(fail).message == "off by 0.06 (allowed 0.005)");
    CHECK(fail.passed() == 0);
    CHECK(fail.failed() == 1);
}

TEST_CASE("Check runner: percent change of means from change") {
    const auto run = run_text(
        "a,change measure=bpi_severity group=psychedelic from=T0 to=T3 column=pct_change_of_means,-21.88,decimals:2,\n"
        "b,change measure=bpi_severity group=psycholytic from=T0 to=T3 column=pct_change_of_means,-3.39,decimals:2,\n"
        "c,change measure=bpi_severity group=psycholytic from=T0 to=T3 column=pct_change_of_means,-3.38,decimals:2,\n");
    CHECK(run.rows[0].outcome.pass);
    CHECK(*run.rows[0].outcome.computed == doctest::Approx(-21.875).epsilon(1e-12));
    CHECK(run.rows[1].outcome.pass);
    CHECK_FALSE(run.rows[2].outcome.pass);
}

TEST_CASE("Check runner: rows that cannot be computed fail with the reason") {
    CHECK(one(run_text("a,describe measure=bdi group=placebo time=T0 column=mean,1,exact,\n")).message ==
          "no row matched: no row with group=placebo among the rows left (group: psychedelic, psycholytic)");
    CHECK(one(run_text("a,describe measure=bdi group=psychedelic column=mean,1,exact,\n")).message ==
          "4 rows matched; add a key to pick one (time: T0, T1, T2, T3)");
    CHECK(one(run_text("a,describe measure=bdi group=psychedelic time=T0 column=meen,1,exact,\n")).message ==
          "describe has no column \"meen\"");
    CHECK(one(run_text("a,describe measure=bdi arm=x column=mean,1,exact,\n")).message ==
          "describe has no column or option \"arm\"");
    CHECK(one(run_text("a,describe measure=bdi group=psychedelic time=T0 column=group,1,exact,\n")).message ==
          "column \"group\" is text, not a number");
    CHECK(one(run_text("a,describe measure=bdi group=psychedelic time=T0 column=mean,1,exact,\n", nullptr)).message ==
          "needs raw data: run with --data STUDY.csv");
    const auto bad_conf = one(run_text("a,describe measure=bdi group=psychedelic time=T0 conf=2 column=ci_low,1,exact,\n"));
    CHECK_FALSE(bad_conf.pass);
    CHECK(bad_conf.message == "conf: 2 is out of range; valid: 0.5 <= conf <= 0.9999");
    // the option reaches the command: a 90% interval is narrower
    const auto ci90 = one(run_text("a,describe measure=bdi group=psychedelic time=T0 conf=0.9 column=ci_low,0,abs:100,\n"));
    const auto ci95 = one(run_text("a,describe measure=bdi group=psychedelic time=T0 column=ci_low,0,abs:100,\n"));
    CHECK(*ci90.computed > *ci95.computed);
}

TEST_CASE("Check runner: summary rows run without data") {
    const auto run = run_text(
        "g1,grim n=5 step=1,3.45,decimals:2,\n"
        "g2,grim n=5 step=1,3.40,decimals:2,\n"
        "p1,pvalue test=t df=28 stat=2.20,0.03,p:2,\n", nullptr);
    CHECK_FALSE(run.rows[0].outcome.pass);
    CHECK(run.rows[0].outcome.message ==
          "GRIM-impossible: the means of 5 scores on a grid of 1 nearest 3.45 are 3.4 and 3.6");
    CHECK(run.rows[1].outcome.pass);
    CHECK_FALSE(run.rows[2].outcome.pass);
    CHECK(run.rows[2].outcome.message.find("p inconsistent: t(28) = 2.20 gives p = 0.0362255") == 0);
}

TEST_CASE("Check render: text, tap, json, junit") {
    const auto run = run_text(
        "ok_row,describe measure=bpi_severity group=psychedelic time=T0 column=mean,6.4,decimals:2,\n"
        "bad<&>,grim n=5,3.45,decimals:2,\"note, \"\"quoted\"\"\"\n");
    std::ostringstream text, tap, json, junit;
    render_text(run, text, 4);
    CHECK(text.str().find("ok_row") != std::string::npos);
    CHECK(text.str().substr(text.str().rfind('\n', text.str().size() - 2) + 1) == "1 passed, 1 failed\n");
    render_tap(run, tap);
    CHECK(tap.str().rfind("TAP version 13\n1..2\nok 1 - ok_row\nnot ok 2 - bad<&>\n  ---\n    message: ", 0) == 0);
    render_json(run, json);
    CHECK(json.str().rfind("{\"passed\": 1, \"failed\": 1, \"results\": [", 0) == 0);
    CHECK(json.str().find("\"note\": \"note, \\\"quoted\\\"\"") != std::string::npos);
    render_junit(run, junit);
    CHECK(junit.str().find("<testsuites name=\"pilotstat check\" tests=\"2\" failures=\"1\" errors=\"0\">") !=
          std::string::npos);
    CHECK(junit.str().find("<testcase name=\"bad&lt;&amp;&gt;\"") != std::string::npos);
    CHECK(junit.str().find("<testcase name=\"ok_row\" classname=\"pilotstat.check.e\" file=\"e.csv\" line=\"2\" time=\"0\"/>") !=
          std::string::npos);
    CHECK_THROWS_AS(render_check(run, "xml", text, 4), UsageError);
    // JUnit text goes through the one markup escaper: a control character XML
    // forbids becomes a space.
    CHECK(markup_escape(std::string("a\x01" "b\"'")) == "a b&quot;&apos;");
}

TEST_CASE("Check record: a snapshot passes against the data it came from") {
    const auto csv = record_expectations(
        example(), {"describe measure=bpi_severity column=mean,sd", "change measure=bdi to=T3 column=pct_*,n"}, 4);
    const auto rows = parse_expectations("snap.csv", csv);
    CHECK(rows.size() == 8 * 2 + 2 * 3);  // pct_change_of_means, pct_change_of_means_available and n per group
    CHECK(rows[0].select_text == "describe measure=bpi_severity group=psychedelic time=T0 column=mean");
    CHECK(rows[0].tolerance.text == "decimals:4");
    const auto run = run_checks(rows, &example());
    CHECK(run.failed() == 0);
    CHECK_THROWS_AS(record_expectations(example(), {"describe measure=nothing"}, 4), UsageError);
    CHECK_THROWS_AS(record_expectations(example(), {"grim n=5"}, 4), UsageError);
    CHECK(wildcard_match("p_*", "p_signflip"));
    CHECK(wildcard_match("*_ci_*", "boot_ci_low"));
    CHECK_FALSE(wildcard_match("p_*", "dz"));
}
