// Every reason code, triggered and not triggered, on small constructed studies;
// and the example report end to end (issue 15's rules).
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "fixture.hpp"
#include "pilotstat/study_report/study_report.hpp"
#include "pilotstat/data/study_builder.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/explain/explain.hpp"
#include "pilotstat/explain/individual_reason.hpp"
#include "pilotstat/power/sensitivity.hpp"

using namespace pilotstat;

namespace {
using Rows = std::vector<std::tuple<std::string, std::string, std::string, std::string>>;

// A long-format study from "subject group from to" quadruples of one measure.
data::Study paired_study(const std::string& measure, const Rows& rows) {
    std::string csv = "subject,group,time,measure,score\n";
    for (const auto& [s, g, a, b] : rows) {
        csv += s + "," + g + ",T0," + measure + "," + a + "\n";
        csv += s + "," + g + ",T1," + measure + "," + b + "\n";
    }
    io::CsvReader reader("t.csv", csv, io::CsvOptions{});
    return data::build_study(reader, data::StudyOptions{});
}

// One arm with these changes from a baseline of 30.
data::Study changes_study(const std::vector<int>& d) {
    Rows rows;
    for (std::size_t i = 0; i < d.size(); ++i)
        rows.push_back({"s" + std::to_string(i), "g", "30", std::to_string(30 + d[i])});
    return paired_study("x", rows);
}

// Two arms of change scores from a baseline of 30.
data::Study two_arms(const std::vector<int>& da, const std::vector<int>& db) {
    Rows v;
    for (std::size_t i = 0; i < da.size(); ++i) v.push_back({"a" + std::to_string(i), "A", "30", std::to_string(30 + da[i])});
    for (std::size_t i = 0; i < db.size(); ++i) v.push_back({"b" + std::to_string(i), "B", "30", std::to_string(30 + db[i])});
    return paired_study("x", v);
}

explain::Explanation change_expl(const data::Study& st, explain::Adjustment adj = {}, explain::MeasureKnowledge k = {}) {
    const auto o = analysis::change_options(st, {});
    const auto rows = analysis::change(st, o);
    return explain::explain_change(st, rows.at(0), o, explain::Settings{}, adj, k);
}

explain::Explanation compare_expl(const data::Study& st, const analysis::OptionMap& opts = {},
                                  explain::Adjustment adj = {}, explain::MeasureKnowledge k = {}) {
    const auto o = analysis::compare_options(st, opts);
    const auto rows = analysis::compare(st, o);
    return explain::explain_compare(st, rows.at(0), o, explain::Settings{}, adj, k);
}

explain::MeasureKnowledge mcid5() {
    explain::MeasureKnowledge k;
    k.mcid = explain::NamedValue{5.0, "the MCID of 5 points (test)"};
    k.sd = explain::NamedValue{10.0, "a test SD of 10 points"};
    return k;
}

const explain::Reason* find(const std::vector<explain::Reason>& reasons, const std::string& code) {
    for (const auto& r : reasons)
        if (r.code == code) return &r;
    return nullptr;
}

double number(const explain::Reason& r, const std::string& name) {
    for (const auto& x : r.numbers)
        if (x.name == name) return x.value;
    FAIL("no number " << name << " in " << r.code);
    return 0;
}

bool has_note(const explain::Explanation& e, const std::string& code) { return find(e.notes, code) != nullptr; }

std::vector<int> ten_falls() {
    std::vector<int> d;
    for (int i = 0; i < 10; ++i) d.push_back(-10 - i % 3);
    return d;
}
}  // namespace

TEST_CASE("explain: P_FLOOR fires at the primary test's own floor: 5 pairs yes, 10 pairs no, 3 v 3 yes, 5 v 5 no") {
    const auto e5 = change_expl(changes_study({-5, -5, -8, -7, -7}));
    CHECK_FALSE(e5.significant);
    REQUIRE(e5.has("P_FLOOR"));
    CHECK(number(*find(e5.reasons, "P_FLOOR"), "p_floor") == doctest::Approx(0.0625).epsilon(1e-15));
    CHECK(e5.has("NO_CONTROL"));
    CHECK_FALSE(e5.has("INCONSISTENT_DIRECTION"));  // all improved
    const auto e10 = change_expl(changes_study(ten_falls()));
    CHECK(e10.significant);  // p = 2/1024
    CHECK_FALSE(e10.has("P_FLOOR"));
    CHECK(compare_expl(two_arms({-5, -6, -7}, {1, 2, 3})).has("P_FLOOR"));  // 2/20 = 0.1
    const auto c55 = compare_expl(two_arms({-5, -6, -7, -8, -9}, {1, 2, 3, 4, 0}));
    CHECK_FALSE(c55.has("P_FLOOR"));  // 0.0079 is attainable
    CHECK(has_note(c55, "COARSE"));   // ... but only a handful of p-values lie below 0.05
    CHECK_FALSE(c55.has("COARSE"));   // a note, never a reason
    CHECK_FALSE(has_note(change_expl(changes_study(ten_falls())), "COARSE"));  // 2/1024: fine resolution
}

TEST_CASE("explain: ZEROS only when zero changes raise the sign-flip floor; TIES only when ties raise the permutation floor") {
    // 6 pairs: floor 2/64; one zero makes it 2/32 = 0.0625 >= alpha (P_FLOOR in its data form)
    const auto z = change_expl(changes_study({-5, -6, -7, -8, -9, 0}));
    REQUIRE(z.has("ZEROS"));
    CHECK(number(*find(z.reasons, "ZEROS"), "p_floor_data") == doctest::Approx(0.0625).epsilon(1e-12));
    CHECK(z.has("P_FLOOR"));
    CHECK_FALSE(z.has("INCONSISTENT_DIRECTION"));  // a zero change is not a change in the other direction
    const auto nz = change_expl(changes_study({-5, -6, -7, -8, -9, -4}));
    CHECK_FALSE(nz.has("ZEROS"));
    CHECK_FALSE(nz.has("TIES"));
    // tied |differences| leave the sign-flip test's floor alone: no TIES
    CHECK_FALSE(change_expl(changes_study({-5, -5, -5, -7, -7})).has("TIES"));
    // six 1s and four 0s pooled: the extreme split is not unique
    const auto t = compare_expl(two_arms({1, 1, 1, 1, 1}, {0, 0, 0, 0, 1}));
    REQUIRE(t.has("TIES"));
    CHECK(number(*find(t.reasons, "TIES"), "p_floor_data") > number(*find(t.reasons, "TIES"), "p_floor"));
    CHECK_FALSE(compare_expl(two_arms({-5, -6, -7, -8, -9}, {1, 2, 3, 4, 0})).has("TIES"));
}

TEST_CASE("explain: the interval reason says what the interval is compatible with, MCID included") {
    // spans 0 and reaches -5: inconclusive
    const auto inc = change_expl(changes_study({-9, 2, -8, 1, -4}), {}, mcid5());
    REQUIRE(inc.has("INCONCLUSIVE"));
    CHECK(number(*find(inc.reasons, "INCONCLUSIVE"), "includes_mcid") == 1.0);
    CHECK(number(*find(inc.reasons, "INCONCLUSIVE"), "mcid") == 5.0);
    // spans 0 but stays well inside +-5: evidence against an improvement that large
    const auto ex = change_expl(changes_study({-1, 1, -2, 2, 1}), {}, mcid5());
    REQUIRE(ex.has("EXCLUDES_MCID"));
    CHECK(find(ex.reasons, "EXCLUDES_MCID")->sentence.find("evidence against") != std::string::npos);
    CHECK_FALSE(ex.has("INCONCLUSIVE"));
    // no MCID sourced: CI_SPANS, and it says clinical importance is not judged
    const auto sp = change_expl(changes_study({-1, 1, -2, 2, 1}));
    REQUIRE(sp.has("CI_SPANS"));
    CHECK_FALSE(sp.has("EXCLUDES_MCID"));
    // excludes 0 although not significant: explained
    const auto ez = change_expl(changes_study({-5, -5, -8, -7, -7}), {}, mcid5());
    REQUIRE(ez.has("CI_EXCLUDES_ZERO"));
    CHECK(find(ez.reasons, "CI_EXCLUDES_ZERO")->sentence.find("different method") != std::string::npos);
    CHECK_FALSE(ez.has("CI_SPANS"));
    // significant rows carry no interval reason
    const auto sig = change_expl(changes_study(ten_falls()), {}, mcid5());
    for (const char* code : {"CI_SPANS", "INCONCLUSIVE", "EXCLUDES_MCID", "CI_EXCLUDES_ZERO"}) CHECK_FALSE(sig.has(code));
    // between arms: an important difference in favour of either arm
    const auto between = compare_expl(two_arms({-9, 2, -8, 1, -4}, {-1, 2, -3, 0, 1}), {}, {}, mcid5());
    REQUIRE(between.has("INCONCLUSIVE"));
    CHECK(find(between.reasons, "INCONCLUSIVE")->sentence.find("in favour of A") != std::string::npos);
}

TEST_CASE("explain: DESIGN_SENSITIVITY is the design's, matches R, and never speaks of the n needed") {
    std::map<std::string, double> ref;
    for (const auto& row : fixture::read("reference/explain_numbers.csv")) ref[row.str("name")] = row.num("value");
    // two different data sets of the same design give the same sensitivity
    const auto a = change_expl(changes_study({-1, 1, -2, 2, 1}), {}, mcid5());
    const auto b = change_expl(changes_study({-9, 2, -8, 1, -4}), {}, mcid5());
    REQUIRE(a.has("DESIGN_SENSITIVITY"));
    REQUIRE(b.has("DESIGN_SENSITIVITY"));
    const auto& ra = *find(a.reasons, "DESIGN_SENSITIVITY");
    CHECK(number(ra, "mde_sd") == doctest::Approx(ref.at("mde_paired_5")).epsilon(1e-9));
    CHECK(number(ra, "mde_sd") == number(*find(b.reasons, "DESIGN_SENSITIVITY"), "mde_sd"));
    CHECK(number(ra, "mde_points") == doctest::Approx(10.0 * ref.at("mde_paired_5")).epsilon(1e-9));
    CHECK(number(ra, "primary_power") == 0.0);  // the sign-flip test cannot reach 0.05 with 5 pairs
    for (const auto& x : ra.numbers) CHECK(x.name.find("n_needed") == std::string::npos);
    CHECK(ra.sentence.find("need") == std::string::npos);
    CHECK(ra.sentence.find("observed") != std::string::npos);  // "... not of the observed effect"
    // 5 v 5 between arms: power.t.test's delta
    const auto c = compare_expl(two_arms({-9, 2, -8, 1, -4}, {-1, 2, -3, 0, 1}));
    REQUIRE(c.has("DESIGN_SENSITIVITY"));
    {
        // the t figure beside it is power.t.test's delta; the exact test's own is simulated
        const auto& r = *find(c.reasons, "DESIGN_SENSITIVITY");
        CHECK(number(r, "mde_sd_t") == doctest::Approx(ref.at("mde_two_5")).epsilon(1e-9));
        CHECK(number(r, "replicates") == 2000.0);
        CHECK(number(r, "mde_sd") > number(r, "mde_sd_t") - 0.1);  // the permutation test is not stronger than t
        CHECK(number(r, "simulated_power") >= 0.8);
        CHECK(r.sentence.find("by simulation under a normal model, 2000 replicates, seed") != std::string::npos);
        CHECK(r.sentence.find("the exact permutation test detects") != std::string::npos);
        // the same design gives the same figure whatever the data
        const auto c2 = compare_expl(two_arms({-5, -6, -7, -8, -9}, {1, 2, 3, 4, 5}));
        CHECK(c2.significant);  // significant: no DESIGN_SENSITIVITY
        CHECK_FALSE(c2.has("DESIGN_SENSITIVITY"));
        const auto c3 = compare_expl(two_arms({-1, 2, -3, 0, 1}, {-9, 2, -8, 1, -4}));
        CHECK(number(*find(c3.reasons, "DESIGN_SENSITIVITY"), "mde_sd") == number(r, "mde_sd"));
    }
    // ANCOVA (baselines that vary): residual df and residual SD
    Rows rows;
    const int da[] = {-9, 2, -8, 1, -4}, db[] = {-1, 2, -3, 0, 1};
    for (int i = 0; i < 5; ++i) {
        rows.push_back({"a" + std::to_string(i), "A", std::to_string(25 + i), std::to_string(25 + i + da[i])});
        rows.push_back({"b" + std::to_string(i), "B", std::to_string(26 + 2 * i % 5), std::to_string(26 + 2 * i % 5 + db[i])});
    }
    const auto anc = compare_expl(paired_study("x", rows), {{"on", "ancova"}});
    REQUIRE(anc.has("DESIGN_SENSITIVITY"));
    {
        const auto& r = *find(anc.reasons, "DESIGN_SENSITIVITY");
        CHECK(number(r, "df") == 7.0);
        CHECK(r.sentence.find("ANCOVA residual SD") != std::string::npos);
        CHECK(number(r, "mde_sd_t") == doctest::Approx(*power::design_min_effect(power::ancova_design(5, 5), 0.05,
                                                                                  core::Alternative::two_sided)).epsilon(1e-12));
        CHECK(r.sentence.find("given these baselines") != std::string::npos);
        CHECK(r.sentence.find("residual SDs or more (by simulation") != std::string::npos);
    }
    // one-sided: a smaller effect suffices, and the sentence says which side
    const auto one = compare_expl(two_arms({-9, 2, -8, 1, -4}, {-1, 2, -3, 0, 1}), {{"alternative", "less"}});
    REQUIRE(one.has("DESIGN_SENSITIVITY"));
    CHECK(number(*find(one.reasons, "DESIGN_SENSITIVITY"), "mde_sd") < number(*find(c.reasons, "DESIGN_SENSITIVITY"), "mde_sd"));
    CHECK(number(*find(one.reasons, "DESIGN_SENSITIVITY"), "mde_sd_t") < ref.at("mde_two_5"));
    CHECK(find(one.reasons, "DESIGN_SENSITIVITY")->sentence.find("one-sided") != std::string::npos);
    CHECK_FALSE(change_expl(changes_study(ten_falls())).has("DESIGN_SENSITIVITY"));  // significant
}

TEST_CASE("explain: INCONSISTENT_DIRECTION needs changes in both directions") {
    CHECK(change_expl(changes_study({-9, 2, -8, 1, -4})).has("INCONSISTENT_DIRECTION"));
    CHECK_FALSE(change_expl(changes_study({-9, 0, -8, -1, -4})).has("INCONSISTENT_DIRECTION"));
}

TEST_CASE("explain: MISSING_DATA and FLOOR_CEILING") {
    auto st = paired_study("bdi", {{"a", "g", "10", "0"}, {"b", "g", "11", "NA"}, {"c", "g", "12", "0"},
                                   {"d", "g", "9", "1"}, {"e", "g", "63", "2"}});
    const auto e = change_expl(st);
    CHECK(e.has("MISSING_DATA"));
    CHECK(e.has("FLOOR_CEILING"));
    auto clean = paired_study("bdi", {{"a", "g", "10", "5"}, {"b", "g", "11", "6"}});
    CHECK_FALSE(change_expl(clean).has("MISSING_DATA"));
    CHECK_FALSE(change_expl(clean).has("FLOOR_CEILING"));
}

TEST_CASE("explain: MULTIPLICITY only when adjustment removes significance") {
    const auto st = changes_study(ten_falls());
    const auto e = change_expl(st, {0.2, "Holm", 5, "measures", {}});
    CHECK_FALSE(e.significant);
    CHECK(e.p == 0.2);
    CHECK(e.has("MULTIPLICITY"));
    const auto k = change_expl(st, {0.01, "Holm", 5, "measures", {}});
    CHECK(k.significant);
    CHECK_FALSE(k.has("MULTIPLICITY"));
}

TEST_CASE("explain: robustness is information on every row; FRAGILE only for a significant adjusted verdict") {
    // leave-one-out means of -5 -5 -8 -7 -7: -6.75 (without a -5) to -6 (without the -8)
    const auto e = change_expl(changes_study({-5, -5, -8, -7, -7}));
    REQUIRE(e.robustness.has_value());
    CHECK(e.robustness->left_out == 5);
    CHECK(e.robustness->estimate_min == doctest::Approx(-6.75).epsilon(1e-12));
    CHECK(e.robustness->estimate_max == doctest::Approx(-6.0).epsilon(1e-12));
    CHECK(e.robustness->without_max == "s2");
    // 5 v 5, p = 10/252 = 0.0397: leaving out the one worsening B subject gives 0.0794
    const auto f = compare_expl(two_arms({-15, -6, -14, -5, -16}, {-7, 1, -2, -4, -4}));
    CHECK(f.significant);
    REQUIRE(f.has("FRAGILE"));
    CHECK(f.robustness->verdict_changes);
    CHECK(find(f.reasons, "FRAGILE")->sentence.find("adjusted") == std::string::npos);  // no family: plain p
    // the same row inside a family where it is not significant after adjustment (p x 4, Holm-like):
    // leaving anyone out cannot make the adjusted p significant, and nothing is counted as a reason
    explain::Adjustment fam{4 * 10.0 / 252, "Holm", 4, "measures", [](double p) { return std::min(1.0, 4 * p); }};
    const auto g = compare_expl(two_arms({-15, -6, -14, -5, -16}, {-7, 1, -2, -4, -4}), {}, fam);
    CHECK_FALSE(g.significant);
    CHECK_FALSE(g.has("FRAGILE"));
    CHECK_FALSE(g.has("INFLUENTIAL_SUBJECT"));
    REQUIRE(g.robustness.has_value());
    CHECK_FALSE(g.robustness->verdict_changes);
    // 6 v 6 with one overlapping subject: dropping any one keeps p <= 0.05
    const auto h = compare_expl(two_arms({-10, -9, -8, -7, -6, 1}, {-1, 0, 2, 3, 4, 5}));
    CHECK(h.significant);
    CHECK_FALSE(h.has("FRAGILE"));
    CHECK(h.has("WIDE_INTERVAL"));
    CHECK_FALSE(g.has("WIDE_INTERVAL"));  // not significant
    // Westfall-Young max-T cannot be redone per subject: said, and no FRAGILE drawn from it
    const auto w = compare_expl(two_arms({-15, -6, -14, -5, -16}, {-7, 1, -2, -4, -4}), {},
                                {0.04, "Westfall-Young max-T", 5, "measures", {}});
    REQUIRE(w.robustness.has_value());
    CHECK_FALSE(w.robustness->verdict_recomputed);
    CHECK_FALSE(w.has("FRAGILE"));
}

TEST_CASE("explain: NO_CONTROL for every within-arm change, never between arms; BASELINE_IMBALANCE for raw comparisons only") {
    CHECK(change_expl(changes_study(ten_falls())).has("NO_CONTROL"));
    CHECK_FALSE(compare_expl(two_arms({-5, -6, -7, -8, -9}, {1, 2, 3, 4, 0})).has("NO_CONTROL"));
    Rows rows;
    for (int i = 0; i < 5; ++i) rows.push_back({"a" + std::to_string(i), "A", std::to_string(10 + i), std::to_string(8 + i)});
    for (int i = 0; i < 5; ++i) rows.push_back({"b" + std::to_string(i), "B", std::to_string(20 + i), std::to_string(18 + i)});
    const auto st = paired_study("x", rows);
    CHECK(compare_expl(st, {{"on", "raw"}}).has("BASELINE_IMBALANCE"));
    CHECK_FALSE(compare_expl(st, {{"on", "change"}}).has("BASELINE_IMBALANCE"));
    CHECK_FALSE(compare_expl(st, {{"on", "raw"}, {"at", "T0"}}).has("BASELINE_IMBALANCE"));
}

namespace {
data::Study example() {
    return data::load_study(std::string(PILOTSTAT_TEST_DIR) + "/../data/examples/kap_pilot.csv", {});
}
}  // namespace

TEST_CASE("report on the example: one primary analysis, secondary rows outside its family") {
    const auto st = example();
    const auto r = study_report::build_report(st, study_report::report_options(st, {}));
    REQUIRE(r.change_expl.explanations.size() == 10);
    for (const auto& e : r.change_expl.explanations) {
        CHECK(e.has("P_FLOOR"));
        CHECK(e.has("NO_CONTROL"));
        CHECK(e.role == "secondary");
        CHECK_FALSE(e.significant);
    }
    for (const auto& e : r.ancova_expl.explanations) CHECK(e.role == "primary");
    for (const auto& e : r.compare_expl.explanations) CHECK(e.role == "secondary");
    for (const auto* section : {&r.change_expl, &r.compare_expl, &r.ancova_expl})
        for (const auto& e : section->explanations) {
            CHECK_FALSE(e.reasons.empty());
            CHECK_FALSE(e.headline.empty());
            CHECK(e.robustness.has_value());
            for (const char* gone : {"UNDERPOWERED", "INFLUENTIAL_SUBJECT"}) CHECK_FALSE(e.has(gone));
            if (e.has("DESIGN_SENSITIVITY") || e.has("P_FLOOR")) CHECK_FALSE(e.significant);
        }
    CHECK(r.summary.find("Primary analysis") == 0);
    CHECK(r.summary.find("ANCOVA") != std::string::npos);
    CHECK(r.summary.find("Holm") != std::string::npos);
    // --primary change: the change-score comparison is primary, ANCOVA secondary
    const auto c = study_report::build_report(st, study_report::report_options(st, {{"primary", "change"}}));
    for (const auto& e : c.compare_expl.explanations) CHECK(e.role == "primary");
    for (const auto& e : c.ancova_expl.explanations) CHECK(e.role == "secondary");
    CHECK(c.summary.find("--primary change") != std::string::npos);
    CHECK_THROWS_AS(study_report::report_options(st, {{"primary", "both"}}), UsageError);
}

TEST_CASE("report families: --family all puts the within-arm changes into the primary family only") {
    const auto st = example();
    const auto r = study_report::build_report(st, study_report::report_options(st, {{"family", "all"}}));
    const auto primary = study_report::build_report(st, study_report::report_options(st, {}));
    // 10 within-arm changes + 5 primary ANCOVA comparisons; the secondary change comparison is not in it
    for (std::size_t i = 0; i < r.ancova_expl.explanations.size(); ++i)
        CHECK(r.ancova_expl.explanations[i].p >= primary.ancova_expl.explanations[i].p - 1e-15);
    CHECK(r.adjust_label.find("15") != std::string::npos);
    for (std::size_t i = 0; i < r.compare_expl.explanations.size(); ++i)
        CHECK(r.compare_expl.explanations[i].p == primary.compare_expl.explanations[i].p);
    for (const char* adjust : {"holm", "hochberg", "BH", "bonferroni", "none", "maxT"})
        for (const char* family : {"measures", "times", "all"}) {
            CAPTURE(adjust);
            CAPTURE(family);
            const auto x = study_report::build_report(st, study_report::report_options(st, {{"adjust", adjust}, {"family", family}}));
            CHECK(x.compare_expl.explanations.size() == 5);
            for (const auto& e : x.compare_expl.explanations) CHECK(e.p >= e.p_unadjusted - 1e-15);
        }
    CHECK_THROWS_AS(study_report::report_options(st, {{"adjust", "sidak"}}), UsageError);
    CHECK_THROWS_AS(study_report::report_options(st, {{"family", "arms"}}), UsageError);
}

TEST_CASE("explain: INDIVIDUAL_CHANGE (a note) counts reliable improvers per arm, or says what is unknown") {
    analysis::IndividualSummary s;
    s.classification = "reliable_change";
    s.categories = {"improved", "deteriorated", "none"};
    analysis::CategoryCounts a, b;
    a.group = "A";
    a.n = 5;
    a.counts = {3, 0, 2};
    b.group = "B";
    b.n = 5;
    b.counts = {0, 0, 5};
    s.arms = {a, b};
    s.test = "fisher";
    s.p_value = 1.0 / 6;
    s.p_floor = 1.0 / 6;
    const auto r = explain::individual_change_reason(s, "BDI-II", 1.96, "");
    REQUIRE(r.has_value());
    CHECK(r->code == "INDIVIDUAL_CHANGE");
    CHECK(number(*r, "improved_A") == 3.0);
    CHECK(r->sentence.find("3 of 5 in the A arm and 0 of 5 in the B arm") != std::string::npos);
    s.arms = {a};
    CHECK_FALSE(explain::individual_change_reason(s, "BDI-II", 1.96, "").has_value());  // one arm: nothing to compare
    a.n = b.n = 0;
    s.arms = {a, b};
    const auto unknown = explain::individual_change_reason(s, "GAD-7", 1.96, "SD for the RCI unknown for gad7");
    REQUIRE(unknown.has_value());
    CHECK(unknown->sentence.find("not assessed") != std::string::npos);
}

TEST_CASE("explain: RELIABLE_CHANGE (a note) counts changes beyond the reliable-change threshold, only where classified") {
    std::vector<analysis::IndividualRow> rows;
    for (int i = 0; i < 5; ++i) {
        analysis::IndividualRow r;
        r.subject = "s" + std::to_string(i);
        r.group = "A";
        r.measure = "bdi";
        r.from = "T0";
        r.to = "T3";
        r.reliability = 0.9;
        r.sd = 8.0;
        r.sd_source = "test norms";
        r.reliable = i < 3 ? analysis::Reliable::improved : i == 3 ? analysis::Reliable::deteriorated : analysis::Reliable::none;
        rows.push_back(r);
    }
    const auto n = explain::reliable_change_note(rows, "bdi", "A", "T0", "T3", 1.96);
    REQUIRE(n.has_value());
    CHECK(number(*n, "improved_reliably") == 3.0);
    CHECK(number(*n, "worsened_reliably") == 1.0);
    CHECK(n->sentence.find("3 of 5 improved and 1 worsened by more than the reliable-change threshold") == 0);
    CHECK_FALSE(explain::reliable_change_note(rows, "bdi", "B", "T0", "T3", 1.96).has_value());  // another arm
    for (auto& r : rows) r.reliable.reset();  // reliability or SD unknown: nobody classified
    CHECK_FALSE(explain::reliable_change_note(rows, "bdi", "A", "T0", "T3", 1.96).has_value());
}
