// Individual-level change (analysis/individual): Jacobson & Truax (1991)
// formulas against hand-worked values and R, categories at their edges, the
// example study, missing data and unknown knowledge, and the exact test on
// the category counts against R's fisher.test.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "fixture.hpp"
#include "pilotstat/analysis/individual.hpp"
#include "pilotstat/data/study_builder.hpp"
#include "pilotstat/error.hpp"

using namespace pilotstat;
using namespace pilotstat::analysis;

namespace {
data::Study build(const std::string& csv) {
    io::CsvReader reader("s.csv", csv, {});
    return data::build_study(reader, {});
}
}  // namespace

TEST_CASE("Individual: hand-worked Jacobson-Truax example (constructed from the formulas)") {
    // Not the paper's own example (whose numbers we could not verify): a
    // client on a scale where higher is better, pretest 32, posttest 53;
    // reference SD 7.5, test-retest r = .80.
    //   SE_m   = 7.5 * sqrt(1 - .80) = 7.5 * 0.4472136 = 3.3541020
    //   S_diff = sqrt(2) * 3.3541020               = 4.7434165
    //   RCI    = (53 - 32) / 4.7434165             = 4.4271887 > 1.96: reliable
    // Clinical population M = 30, SD = 8; functional M = 55, SD = 10:
    //   a = 30 + 2 * 8 = 46;  b = 55 - 2 * 10 = 35
    //   c = (8 * 55 + 10 * 30) / (8 + 10) = 740 / 18 = 41.111111
    // 32 < c (clinical) -> 53 > c (functional): recovered.
    CHECK(standard_error_of_measurement(7.5, 0.8) == doctest::Approx(3.3541020).epsilon(1e-7));
    const double sdiff = standard_error_of_difference(7.5, 0.8);
    CHECK(sdiff == doctest::Approx(4.7434165).epsilon(1e-7));
    const double rci = reliable_change_index(32, 53, sdiff);
    CHECK(rci == doctest::Approx(4.4271887).epsilon(1e-7));
    CHECK(criterion_a(30, 8, false) == 46.0);
    CHECK(criterion_b(55, 10, false) == 35.0);
    CHECK(criterion_c(30, 8, 55, 10) == doctest::Approx(41.111111).epsilon(1e-7));
    data::InstrumentNorms n;
    n.clinical_mean = 30, n.clinical_sd = 8, n.functional_mean = 55, n.functional_sd = 10;
    const auto cut = choose_cutoff(n, false);
    REQUIRE(cut.has_value());
    CHECK(cut->criterion == Criterion::c);
    const auto rel = classify_reliable(rci, 1.96, false);
    CHECK(rel == Reliable::improved);
    CHECK(classify_clinical(rel, in_clinical_range(32, *cut, false), in_clinical_range(53, *cut, false)) ==
          Clinical::recovered);
}

TEST_CASE("Individual: RCI and cut-offs match R (fixtures)") {
    for (const auto& row : fixture::read("reference/individual_rci.csv")) {
        CAPTURE(row.str("x1"));
        const double sd = row.num("sd"), r = row.num("r");
        // Closed forms: 1e-14 relative (a few ulps).
        CHECK(standard_error_of_measurement(sd, r) == doctest::Approx(row.num("se_m")).epsilon(1e-14));
        CHECK(standard_error_of_difference(sd, r) == doctest::Approx(row.num("s_diff")).epsilon(1e-14));
        const double rci = reliable_change_index(row.num("x1"), row.num("x2"), standard_error_of_difference(sd, r));
        CHECK(rci == doctest::Approx(row.num("rci")).epsilon(1e-14));
    }
    for (const auto& row : fixture::read("reference/individual_cutoffs.csv")) {
        const bool hiw = row.num("higher_is_worse") == 1;
        const double mc = row.num("m_clin"), sc = row.num("sd_clin"), mf = row.num("m_func"), sf = row.num("sd_func");
        CHECK(criterion_a(mc, sc, hiw) == doctest::Approx(row.num("a")).epsilon(1e-14));
        CHECK(criterion_b(mf, sf, hiw) == doctest::Approx(row.num("b")).epsilon(1e-14));
        CHECK(criterion_c(mc, sc, mf, sf) == doctest::Approx(row.num("c")).epsilon(1e-14));
        // c lies between the two means.
        CHECK(row.num("c") >= std::min(mc, mf));
        CHECK(row.num("c") <= std::max(mc, mf));
    }
}

TEST_CASE("Individual: cut-off choice, clinical range at the cut-off, categories at their edges") {
    data::InstrumentNorms n;
    CHECK_FALSE(choose_cutoff(n, true).has_value());
    n.clinical_mean = 28, n.clinical_sd = 9;
    CHECK(choose_cutoff(n, true)->criterion == Criterion::a);
    CHECK(choose_cutoff(n, true)->value == 10.0);
    n.functional_mean = 7, n.functional_sd = 6;
    n.cutoff = 14;
    CHECK(choose_cutoff(n, true)->criterion == Criterion::c);  // c preferred when both populations known
    n.clinical_mean.reset();
    CHECK(choose_cutoff(n, true)->criterion == Criterion::published);
    n.cutoff.reset();
    CHECK(choose_cutoff(n, true)->criterion == Criterion::b);
    CHECK(choose_cutoff(n, true)->value == 19.0);

    const Cutoff pub{10, Criterion::published, ""}, b{19, Criterion::b, ""};
    CHECK(in_clinical_range(10, pub, true));  // "score >= 10"
    CHECK_FALSE(in_clinical_range(9, pub, true));
    CHECK_FALSE(in_clinical_range(19, b, true));  // inside the functional 2-SD range
    CHECK(in_clinical_range(19.5, b, true));
    CHECK(in_clinical_range(10, pub, false));  // higher is better: clinical at or below
    CHECK_FALSE(in_clinical_range(11, pub, false));

    CHECK(classify_reliable(-1.96, 1.96, true) == Reliable::none);  // |RCI| must exceed z
    CHECK(classify_reliable(-1.97, 1.96, true) == Reliable::improved);
    CHECK(classify_reliable(1.97, 1.96, true) == Reliable::deteriorated);
    CHECK(classify_reliable(1.97, 1.96, false) == Reliable::improved);
    CHECK(classify_clinical(Reliable::improved, false, false) == Clinical::improved);  // started functional
    CHECK(classify_clinical(Reliable::improved, true, true) == Clinical::improved);
    CHECK(classify_clinical(Reliable::none, true, false) == Clinical::unchanged);  // crossed, not reliably
    CHECK(classify_clinical(Reliable::deteriorated, false, true) == Clinical::deteriorated);
}

TEST_CASE("Individual: the example study, BDI-II T0 to T3 with the baseline SD, matches R") {
    data::StudyOptions so;
    so.measures = {"bdi"};
    const auto st = data::load_study(std::string(PILOTSTAT_TEST_DIR) + "/../data/examples/kap_pilot.csv", so);
    IndividualOptions o;
    o.to = {"T3"};
    o.rci_sd = RciSd::baseline;
    const auto res = individual_change(st, data::NormsRegistry::builtin(), o);
    const auto ref = fixture::read("reference/individual_example.csv");
    REQUIRE(res.rows.size() == 10);
    for (std::size_t i = 0; i < 10; ++i) {
        const auto& r = res.rows[i];
        CAPTURE(r.subject);
        CHECK(r.subject == ref[i].str("subject"));
        CHECK(*r.sd == doctest::Approx(ref[i].num("sd")).epsilon(1e-14));
        CHECK(*r.rci == doctest::Approx(ref[i].num("rci")).epsilon(1e-13));
        CHECK(*r.pct_change == doctest::Approx(ref[i].num("pct_change")).epsilon(1e-14));
        CHECK(r.sd_source == "baseline (SD of 10 scores at T0)");
        CHECK(r.criterion == "c");  // both BDI-II manual populations are known
        CHECK(r.note.empty());
    }
    CHECK(res.rows[2].band_from == "moderate");  // P03: 24 -> 10
    CHECK(res.rows[2].band_to == "minimal");
    CHECK(*res.rows[2].clinical == Clinical::recovered);
    CHECK(*res.rows[0].clinical == Clinical::recovered);  // P01: 29 -> 14, below c = 16.89
    CHECK(*res.rows[0].mcid_reached);                   // 52% >= 17.5%
    CHECK_FALSE(*res.rows[6].mcid_reached);             // P07: 30 -> 31, worse
    CHECK(*res.rows[7].reliable == Reliable::none);     // P08: 23 -> 21, |RCI| < 1.96
    REQUIRE(res.summary.size() == 2);
    const auto& rel = res.summary[0];
    CHECK(rel.classification == "reliable_change");
    CHECK(rel.arms[0].counts == std::vector<long>{5, 0, 0});
    CHECK(rel.arms[1].counts == std::vector<long>{3, 2, 0});
    CHECK(rel.test == "fisher");
    // R: fisher.test(matrix(c(5, 3, 0, 2), 2))$p.value = 0.44444444444444459
    CHECK(*rel.p_value == doctest::Approx(0.44444444444444459).epsilon(1e-12));
}

TEST_CASE("Individual: unknown knowledge and missing scores give empty cells and notes") {
    const std::string csv =
        "subject,group,time,measure,score\n"
        "S1,a,T0,gad7,12\nS1,a,T1,gad7,2\nS1,a,T0,foo,0\nS1,a,T1,foo,3\n"
        "S2,b,T0,gad7,18\nS2,b,T1,gad7,NA\nS2,b,T0,foo,4\nS2,b,T1,foo,5\n";
    const auto st = build(csv);
    const auto res = individual_change(st, data::NormsRegistry::builtin(), {});
    REQUIRE(res.rows.size() == 4);
    const auto& bdi1 = res.rows[0];
    CHECK(bdi1.subject == "S1");
    CHECK(*bdi1.change == -10.0);
    CHECK_FALSE(bdi1.rci.has_value());  // no normative SD known for the GAD-7: never invented
    CHECK_FALSE(bdi1.reliable.has_value());
    CHECK(bdi1.note == "SD for the RCI unknown for gad7: supply sd with --instruments FILE or use --rci-sd baseline; "
                       "MCID unknown for gad7: supply mcid_points or mcid_percent with --instruments FILE");
    CHECK(bdi1.band_from == "moderate");
    const auto& bdi2 = res.rows[1];
    CHECK(bdi2.subject == "S2");
    CHECK(bdi2.score_from == 18.0);
    CHECK_FALSE(bdi2.score_to.has_value());
    CHECK_FALSE(bdi2.change.has_value());
    CHECK(bdi2.note == "score at T1 missing");
    const auto& foo = res.rows[2];
    CHECK(*foo.change == 3.0);
    CHECK_FALSE(foo.pct_change.has_value());
    CHECK(foo.note.find("pct_change undefined: score_from is 0") == 0);
    CHECK(foo.note.find("reliability and SD unknown for foo") != std::string::npos);
    CHECK(foo.note.find("severity bands unknown for foo") != std::string::npos);
    CHECK(foo.note.find("MCID unknown for foo") != std::string::npos);
    // Summary: nobody classified -> no test, said so.
    CHECK(res.summary[0].arms[0].not_classified == 1);
    CHECK(res.summary[0].arms[1].not_classified == 1);
    CHECK_FALSE(res.summary[0].p_value.has_value());
    CHECK(res.summary[0].note == "fewer than 2 arms with classified subjects: no test");
    // With a supplied SD and reliability for foo, the RCI appears.
    data::NormsRegistry reg = data::NormsRegistry::builtin();
    data::InstrumentNorms n;
    n.name = "foo";
    n.reliability = 0.5;
    n.sd = 2;
    reg.merge(n);
    const auto res2 = individual_change(st, reg, {});
    CHECK(*res2.rows[2].rci == doctest::Approx(1.5).epsilon(1e-14));  // 3 / (sqrt(2) * 2 * sqrt(.5))
    CHECK(*res2.rows[2].reliable == Reliable::none);
    // The table renders no NaN and empty cells for missing values.
    const auto table = individual_table(res.rows);
    CHECK(table.rows().size() == 4);
    CHECK(std::holds_alternative<std::monostate>(table.rows()[1][*table.column_index("change")]));
}

TEST_CASE("Individual: bad options are usage errors, unknown times data errors") {
    const auto st = build("subject,group,time,measure,score\nS1,a,T0,bdi,20\nS1,a,T1,bdi,10\n");
    IndividualOptions o;
    o.to = {"T9"};
    CHECK_THROWS_WITH_AS(individual_change(st, {}, o),
                         doctest::Contains("--to \"T9\" is not a time in the data (times: T0, T1)"), DataError);
    o.to = {"T0"};
    CHECK_THROWS_WITH_AS(individual_change(st, {}, o), "--to T0 is not after --from T0", UsageError);
    o.to.clear();
    o.rci_z = 0;
    CHECK_THROWS_AS(individual_change(st, {}, o), UsageError);
    CHECK_THROWS_AS(parse_rci_sd("pooled"), UsageError);
}

TEST_CASE("Individual: exact test on arms x categories matches R's fisher.test (fixture)") {
    data::Study st;
    st.groups = {"A", "B"};
    IndividualRow base;
    base.measure = "m";
    base.from = "T0";
    base.to = "T1";
    for (const auto& row : fixture::read("reference/individual_fisher.csv")) {
        CAPTURE(row.str("cells"));
        const auto cells = row.vec("cells");
        const auto k = static_cast<std::size_t>(row.num("ncol"));
        std::vector<IndividualRow> block;
        for (std::size_t arm = 0; arm < 2; ++arm)
            for (std::size_t j = 0; j < k; ++j)
                for (int i = 0; i < static_cast<int>(cells[arm * k + j]); ++i) {
                    IndividualRow r = base;
                    r.group = st.groups[arm];
                    if (k == 4) {
                        r.clinical = static_cast<Clinical>(j);
                        r.reliable = Reliable::improved;
                    } else {
                        r.reliable = static_cast<Reliable>(j);
                    }
                    block.push_back(r);
                }
        const auto s = summarize_categories(st, block);
        const auto& used = k == 4 ? s[1] : s[0];
        REQUIRE(used.p_value.has_value());
        // Exact p-values: 1e-10 relative.
        CHECK(*used.p_value == doctest::Approx(row.num("p")).epsilon(1e-10));
        CHECK(*used.p_floor <= *used.p_value * (1 + 1e-12));
        CHECK(used.method == "exact-enumeration");
    }
}

TEST_CASE("Individual: criterion c and the RCI on the BDI-II manual's published norms match R") {
    // Beck, Steer & Brown 1996: outpatients M 22.45, SD 12.75 (n = 500); college
    // students M 12.56, SD 9.93 (n = 120); test-retest r = .93.
    // R: (12.75 * 12.56 + 9.93 * 22.45) / (12.75 + 9.93) = 16.890145502645503
    //    sqrt(2) * 12.75 * sqrt(1 - 0.93) = 4.7706131681367738
    //    (14 - 29) / 4.7706131681367738 = -3.1442499048520527   (P01 in the example, T0 -> T3)
    const auto norms = data::NormsRegistry::builtin();  // find() points into it: keep it alive (ASan)
    const auto* bdi = norms.find("bdi");
    REQUIRE(bdi != nullptr);
    CHECK(criterion_c(*bdi->clinical_mean, *bdi->clinical_sd, *bdi->functional_mean, *bdi->functional_sd) ==
          doctest::Approx(16.890145502645503).epsilon(1e-14));
    const double s_diff = standard_error_of_difference(*bdi->sd, *bdi->reliability);
    CHECK(s_diff == doctest::Approx(4.7706131681367738).epsilon(1e-14));
    CHECK(reliable_change_index(29, 14, s_diff) == doctest::Approx(-3.1442499048520527).epsilon(1e-14));
    const auto cut = choose_cutoff(*bdi, true);
    REQUIRE(cut);
    CHECK(cut->criterion == Criterion::c);
}
