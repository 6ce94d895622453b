// check --scan: extraction of APA results, means and percent changes from text, and agreement
// with R's statcheck on tests/reference/data/scan_statcheck.txt (scripts/reference/scan.R).
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fixture.hpp"
#include "pilotstat/check/runner.hpp"
#include "pilotstat/check/scan.hpp"
#include "pilotstat/error.hpp"

using namespace pilotstat;
using namespace pilotstat::check;

namespace {
std::string slurp(const std::string& name) {
    std::ifstream in(std::string(PILOTSTAT_TEST_DIR) + "/" + name);
    std::ostringstream b;
    b << in.rdbuf();
    return b.str();
}
}  // namespace

TEST_CASE("scan agrees with statcheck on which results are inconsistent, the recomputed p and decision errors") {
    const auto scanned = scan_text("scan_statcheck.txt", slurp("reference/data/scan_statcheck.txt"), {});
    // the p rows only: the text also states t(28) = 2.20 twice (lines 3 and 4, p = .04 and .03),
    // which the scan adds as a `same` row, something statcheck does not do
    std::vector<Expectation> pvalues;
    for (const auto& e : scanned.expectations)
        if (e.select.command == "pvalue") pvalues.push_back(e);
    CHECK(pvalues.size() + 1 == scanned.expectations.size());
    const auto run = run_checks(pvalues, nullptr);
    const auto ref = fixture::read("reference/check_scan_statcheck.csv");
    // statcheck finds one result per line here; so must the scan
    REQUIRE(run.rows.size() == ref.size());
    int inconsistent = 0, decision = 0;
    for (std::size_t i = 0; i < ref.size(); ++i) {
        const auto& r = ref[i];
        const auto& row = run.rows[i];
        CAPTURE(r.str("line"));
        CAPTURE(row.expectation.select_text);
        CHECK(row.expectation.where.line == static_cast<std::size_t>(r.num("line")));
        const bool error = r.str("error") == "1";
        CHECK(row.outcome.pass == !error);
        CHECK((row.outcome.message.find("decision error") != std::string::npos) == (r.str("decision_error") == "1"));
        // statcheck reports the one-tailed p when a one-tailed line is consistent that way,
        // the two-tailed p otherwise; the scan computes the one-tailed p on such lines.
        const bool one_tailed = row.expectation.select_text.find("tails=1") != std::string::npos;
        CHECK(one_tailed == (r.str("one_tailed") == "1"));
        const double mine = (one_tailed && error) ? 2 * *row.outcome.computed : *row.outcome.computed;
        CHECK(std::fabs(mine - r.num("computed_p")) <= 1e-9 * r.num("computed_p") + 1e-15);
        inconsistent += error;
        decision += r.str("decision_error") == "1";
    }
    CHECK(inconsistent >= 8);  // the text holds both kinds, so agreement is not trivial
    CHECK(decision >= 4);
}

TEST_CASE("scan: typographic minus, chi squared, F, bounds and leading points") {
    const auto s = scan_text("x.txt", "a: t(8) = \xE2\x88\x92" "2.10, p = .07; b: \xCF\x87\xC2\xB2(1) = 3.84, p = .05;\n"
                                      "c: F(1, 8) = 5.32, p < .05, d: r(28) = -.31, p = .10\n", {});
    REQUIRE(s.expectations.size() == 4);
    CHECK(s.expectations[0].select_text == "pvalue test=t df=8 stat=-2.10");
    CHECK(s.expectations[1].select_text == "pvalue test=chisq df=1 stat=3.84");
    CHECK(s.expectations[2].select_text == "pvalue test=F df1=1 df2=8 stat=5.32");
    CHECK(s.expectations[2].expected.text == "<0.05");
    CHECK(s.expectations[3].select_text == "pvalue test=r df=28 stat=-0.31");
    CHECK(s.expectations[3].where.line == 2);
    CHECK(s.expectations[3].note == "x.txt:2: r(28) = -.31, p = .10");
}

TEST_CASE("scan: means with SD and n become GRIM and GRIMMER rows only when the grid is known") {
    const std::string text = "Severity was M = 5.90, SD = 1.23 (n = 5) and 3.45 \xC2\xB1 1.10 (n = 5).\n";
    CHECK_THROWS_AS(scan_text("m.txt", text, {}), DataError);  // no grid: nothing to check
    ScanOptions o;
    o.step = "1";
    const auto s = scan_text("m.txt", text, o);
    REQUIRE(s.expectations.size() == 4);
    CHECK(s.expectations[0].select_text == "grim n=5 step=1");
    CHECK(s.expectations[1].select_text == "grimmer n=5 step=1 mean=5.90");
    const auto run = run_checks(s.expectations, nullptr);
    CHECK_FALSE(run.rows[0].outcome.pass);  // 5.90 is not k/5 ... 5.9 = 29.5/5: GRIM-impossible
    CHECK_FALSE(run.rows[2].outcome.pass);  // 3.45 likewise
    o.step = "0.25";
    CHECK(run_checks(scan_text("m.txt", text, o).expectations, nullptr).rows[0].outcome.pass);  // 5.90 = 118/20
}

TEST_CASE("scan: signed percentages and worded changes need n and the range") {
    ScanOptions o;
    o.step = "0.25";
    o.max = 10;
    const auto s = scan_text("p.txt", "Severity fell -32.81% (n = 5); a reduction of 3.39% overall, n = 5; 95% CI.\n", o);
    REQUIRE(s.expectations.size() == 2);
    CHECK(s.expectations[0].select_text == "pct_change n=5 step=0.25 max=10");
    CHECK(s.expectations[0].expected.value == doctest::Approx(-32.81));
    CHECK(s.expectations[1].expected.text == "-3.39");
    o.max.reset();
    CHECK_THROWS_AS(scan_text("p.txt", "Severity fell -32.81% (n = 5).\n", o), DataError);
}

TEST_CASE("scan: percent changes naming their times become one means row; n from the paragraph") {
    const std::string text = "In the arm (n = 5), severity changed by -32.81% from session 1 to session 3\n"
                             "and by +24.56% from session 3 to session 6.\n\nAnother paragraph: -3.39% from A to B.\n";
    ScanOptions o;
    o.step = "0.25";
    o.max = 10;
    const auto s = scan_text("q.txt", text, o);
    REQUIRE(s.expectations.size() == 3);  // two pct_change rows and one means row; -3.39% has no n
    CHECK(s.expectations[1].select_text ==
          "means n=5 step=0.25 max=10 times=session_1,session_3,session_6 "
          "pct=session_1:session_3:-32.81,session_3:session_6:24.56");
    CHECK(s.expectations[2].select_text == "pct_change n=5 step=0.25 max=10");
    CHECK(s.expectations[2].where.line == 2);
    const auto run = run_checks(s.expectations, nullptr);
    CHECK_FALSE(run.rows[1].outcome.pass);  // the chain is impossible on the grid
    // without the grid: arithmetic mode, which the chain passes
    const auto a = scan_text("q.txt", text, {});
    REQUIRE(a.expectations.size() == 1);
    CHECK(a.expectations[0].select_text.rfind("means times=", 0) == 0);
    CHECK(run_checks(a.expectations, nullptr).rows[0].outcome.pass);
}

TEST_CASE("scan: one-tailed counts for the result whose clause says so, not for its neighbour") {
    const auto s = scan_text("o.txt", "A differed, t(8) = 2.31, p = .05, and the one-tailed test gave t(8) = 2.00, p = .04.\n"
                                      "B gave t(10) = 1.90, p = .04, one-tailed.\n", {});
    REQUIRE(s.expectations.size() == 3);
    CHECK(s.expectations[0].select_text.find("tails") == std::string::npos);
    CHECK(s.expectations[1].select_text.find("tails=1") != std::string::npos);
    CHECK(s.expectations[2].select_text.find("tails=1") != std::string::npos);
}

TEST_CASE("scan: U results with both group sizes become exact pvalue rows; without them a note") {
    const std::string text =
        "Pain fell more in the psychedelic arm (n1 = 5, n2 = 5), U = 3, p = .03.\n"
        "Anxiety too, U = 2, p = .03.\n\n"
        "Sleep differed between the arms (n = 5 and n = 4), U = 2, p = .06 (one-tailed).\n"
        "Mood differed (n = 6 per group), U = 5.5, p = .04.\n\n"
        "Nothing: U = 3, p = .03.\n";
    const auto s = scan_text("u.txt", text, {});
    REQUIRE(s.expectations.size() == 3);
    CHECK(s.expectations[0].select_text == "pvalue test=U n1=5 n2=5 stat=3");
    CHECK(s.expectations[1].select_text == "pvalue test=U n1=5 n2=5 stat=2");  // n1, n2 earlier in the paragraph
    CHECK(s.expectations[2].select_text == "pvalue test=U n1=5 n2=4 stat=2 tails=1");
    REQUIRE(s.notes.size() == 2);
    // U = 5.5 has ties: no exact distribution without the data
    CHECK(s.notes[0].find("u.txt:5: U = 5.5, p = .04 not checked: test=U needs a whole U") == 0);
    CHECK(s.notes[1] == "u.txt:7: U = 3, p = .03 not checked: the group sizes are not in the text "
                        "(write n1 = A, n2 = B near it)");
    const auto run = run_checks(s.expectations, nullptr);
    CHECK_FALSE(run.rows[0].outcome.pass);  // exact p = 0.0556 (R: wilcox.test), published .03
    CHECK(run.rows[1].outcome.pass);        // 0.0317
    CHECK_FALSE(run.rows[2].outcome.pass);  // one-sided 0.0317, published .06
    CHECK_THROWS_WITH(scan_text("v.txt", "Only U = 3, p = .03.\n", {}),
                      doctest::Contains("v.txt:1: U = 3, p = .03 not checked"));
}

TEST_CASE("scan: the same quantity stated in different places becomes one same row with every line") {
    const std::string text =
        "Abstract: severity changed by -32.8% from session 1 to session 3; t(8) = 2.31, p = .05.\n\n"
        "Results: severity changed by -30.50% from session 1 to session 3.\n"
        "Interference differed, t(8) = 2.31, p = .04, and t(8) = 1.10, p < .05; again t(8) = 1.10, p = .30.\n"
        "Repeated: -32.81% from session 1 to session 3.\n";
    const auto s = scan_text("r.txt", text, {});
    std::vector<const Expectation*> same;
    for (const auto& e : s.expectations)
        if (e.select.command == "same") same.push_back(&e);
    REQUIRE(same.size() == 2);  // a bound (p < .05) is not a value to compare
    CHECK(same[0]->select_text == "same what='pct session_1 to session_3' values=-32.8,-30.50,-32.81 lines=1,3,5");
    CHECK(same[0]->where.line == 1);
    CHECK(same[0]->note == "r.txt:1: -32.8% | line 3: -30.50% | line 5: -32.81%");
    CHECK(same[1]->select_text == "same what='p of t(8)=2.31' values=0.05,0.04 lines=1,4");
    const auto run = run_checks(s.expectations, nullptr);
    for (const auto& r : run.rows) {
        if (r.expectation.select.command != "same") continue;
        if (r.expectation.where.line == 1 && r.expectation.select_text.find("pct") != std::string::npos) {
            CHECK_FALSE(r.outcome.pass);  // -30.50 is not -32.8 at any rounding
            CHECK(r.outcome.message == "the same quantity (pct session_1 to session_3) is stated as -32.8 (line 1), "
                                       "-30.50 (line 3) and -32.81 (line 5); no number rounds to all of them");
        } else {
            CHECK(r.outcome.pass);  // .05 and .04 share 0.045, which rounds to either (ends included)
        }
    }
}

TEST_CASE("same rows: agreement of rounding intervals; malformed rows refused") {
    const auto rows = parse_expectations("s.csv",
        "id,select,expected,tolerance,note\n"
        "a,\"same what=x values=-32.8,-32.81\",1,exact,\n"
        "b,\"same what=x values=-32.8,-32.86\",1,exact,\n"
        "c,\"same what=x values=-32.8,-32.86\",0,exact,\n"
        "d,\"same what=x values=3,3.4,2.6\",1,exact,\n");
    const auto run = run_checks(rows, nullptr);
    CHECK(run.rows[0].outcome.pass);
    CHECK_FALSE(run.rows[1].outcome.pass);  // [-32.85, -32.75] and [-32.865, -32.855] do not meet
    CHECK(run.rows[2].outcome.pass);
    CHECK_FALSE(run.rows[3].outcome.pass);  // 3.4 and 2.6 each meet 3 but not each other
    auto bad = [](const std::string& select, const std::string& rest = "1,exact,") {
        return "id,select,expected,tolerance,note\na,\"" + select + "\"," + rest + "\n";
    };
    CHECK_THROWS_WITH(parse_expectations("s.csv", bad("same what=x values=1")), doctest::Contains("at least two values"));
    CHECK_THROWS_WITH(parse_expectations("s.csv", bad("same what=x values=1,2 lines=3")),
                      doctest::Contains("one line per value"));
    CHECK_THROWS_WITH(parse_expectations("s.csv", bad("same values=1,2")), doctest::Contains("same needs what="));
    CHECK_THROWS_WITH(parse_expectations("s.csv", bad("same what=x values=1,abc")),
                      doctest::Contains("values must hold numbers"));
    CHECK_THROWS_WITH(parse_expectations("s.csv", bad("same what=x values=1,2", "1,decimals:2,")),
                      doctest::Contains("same rows take expected 1"));
}
