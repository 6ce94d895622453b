// `compare` end to end against R on MASS::anorexia (scripts/reference/compare.R),
// and its edge cases.
#include <doctest/doctest.h>

#include <string>

#include "fixture.hpp"
#include "pilotstat/analysis/compare.hpp"
#include "pilotstat/data/study_builder.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/null/p_floor.hpp"

using namespace pilotstat;

namespace {
data::Study anorexia() {
    return data::load_study(std::string(PILOTSTAT_TEST_DIR) + "/reference/data/anorexia_long.csv", {});
}
data::Study study_from(const std::string& csv) {
    io::CsvReader reader("t.csv", csv, io::CsvOptions{});
    return data::build_study(reader, data::StudyOptions{});
}
const analysis::CompareRow& row_for(const std::vector<analysis::CompareRow>& rows, const data::Study& st,
                                    const std::string& a, const std::string& b) {
    for (const auto& r : rows)
        if (st.groups[r.group_a] == a && st.groups[r.group_b] == b) return r;
    throw std::runtime_error("no row " + a + " v " + b);
}
}  // namespace

TEST_CASE("compare matches R on MASS::anorexia: change scores and ANCOVA") {
    const auto st = anorexia();
    const auto change_rows = analysis::compare(st, analysis::compare_options(st, {}));
    const auto ancova_rows = analysis::compare(st, analysis::compare_options(st, {{"on", "ancova"}}));
    REQUIRE(change_rows.size() == 3);
    for (const auto& ref : fixture::read("reference/compare_anorexia.csv")) {
        CAPTURE(ref.str("group_a"));
        CAPTURE(ref.str("group_b"));
        const auto& r = row_for(change_rows, st, ref.str("group_a"), ref.str("group_b"));
        CHECK(*r.mean_diff == doctest::Approx(ref.num("mean_diff")).epsilon(1e-12));
        CHECK(r.perm->p_value == doctest::Approx(ref.num("p_perm")).epsilon(1e-10));
        CHECK(r.perm->method == core::Method::exact_dp);
        CHECK(r.wmw->test.p_value == doctest::Approx(ref.num("p_wmw")).epsilon(1e-10));
        CHECK(r.welch->test.p_value == doctest::Approx(ref.num("p_welch")).epsilon(1e-12));
        CHECK(r.student->test.p_value == doctest::Approx(ref.num("p_student")).epsilon(1e-12));
        CHECK(r.hedges.value->hedges_g == doctest::Approx(ref.num("hedges_g")).epsilon(1e-10));
        CHECK(r.k_groups == 3);
        REQUIRE(r.k_anova);
        const auto& f = *row_for(ancova_rows, st, ref.str("group_a"), ref.str("group_b")).ancova->fit;
        CHECK(f.difference == doctest::Approx(ref.num("adj_diff")).epsilon(1e-12));
        CHECK(f.ci.low == doctest::Approx(ref.num("adj_ci_low")).epsilon(1e-12));
        CHECK(f.ci.high == doctest::Approx(ref.num("adj_ci_high")).epsilon(1e-12));
        CHECK(f.p_value == doctest::Approx(ref.num("p_ancova_t")).epsilon(1e-10));
    }
}

TEST_CASE("compare on the example: 5 v 5 floors, exact bootstrap of both samples") {
    const auto st = data::load_study(std::string(PILOTSTAT_TEST_DIR) + "/../data/examples/kap_pilot.csv", {});
    const auto rows = analysis::compare(st, analysis::compare_options(st, {}));
    REQUIRE(rows.size() == 5);
    for (const auto& r : rows) {
        CHECK(null::design_floor_two_sample(r.a.values.size(), r.b.values.size(), r.perm->alternative) ==
              doctest::Approx(2.0 / 252).epsilon(1e-15));
        CHECK(r.boot->exact);
    }
}

TEST_CASE("compare edge cases") {
    const std::string h = "subject,group,time,measure,score\n";
    SUBCASE("one group only is a usage error (a single-arm study has no between-arm comparison)") {
        const auto st = study_from(h + "a,g,T0,x,1\na,g,T1,x,2\n");
        CHECK_THROWS_WITH_AS(analysis::compare(st, analysis::compare_options(st, {})),
                             doctest::Contains("compare needs at least two groups"), UsageError);
    }
    SUBCASE("a group with no complete data gives a note, not a crash") {
        const auto st = study_from(h + "a,g,T0,x,1\na,g,T1,x,2\nb,h,T0,x,1\nc,h,T1,x,4\n");
        const auto rows = analysis::compare(st, analysis::compare_options(st, {}));
        REQUIRE(rows.size() == 1);
        CHECK_FALSE(rows[0].perm);
        CHECK(rows[0].b.missing == 2);
    }
    SUBCASE("zero variance in both groups: p = 1 or undefined, never NaN") {
        const auto st = study_from(h + "a,g,T0,x,1\na,g,T1,x,2\nb,g,T0,x,1\nb,g,T1,x,2\n"
                                       "c,h,T0,x,1\nc,h,T1,x,2\nd,h,T0,x,1\nd,h,T1,x,2\n");
        const auto rows = analysis::compare(st, analysis::compare_options(st, {}));
        CHECK(rows[0].perm->p_value == 1.0);
        CHECK_FALSE(rows[0].welch);
        CHECK_FALSE(rows[0].hedges.value);
    }
    SUBCASE("ancova with a constant baseline is singular: a note") {
        const auto st = study_from(h + "a,g,T0,x,1\na,g,T1,x,2\nb,g,T0,x,1\nb,g,T1,x,3\n"
                                       "c,h,T0,x,1\nc,h,T1,x,5\nd,h,T0,x,1\nd,h,T1,x,7\n");
        const auto rows = analysis::compare(st, analysis::compare_options(st, {{"on", "ancova"}}));
        REQUIRE(rows[0].ancova);
        CHECK_FALSE(rows[0].ancova->fit);
        CHECK_FALSE(rows[0].ancova->note.empty());
    }
    SUBCASE("option errors") {
        const auto st = study_from(h + "a,g,T0,x,1\na,g,T1,x,2\nb,h,T0,x,1\nb,h,T1,x,2\n");
        CHECK_THROWS_AS(analysis::compare_options(st, {{"on", "median"}}), UsageError);
        CHECK_THROWS_AS(analysis::compare_options(st, {{"time_values", "0,1,2"}}), UsageError);
        CHECK_THROWS_AS(analysis::compare_options(st, {{"time_values", "1,0"}}), UsageError);
        CHECK_THROWS_AS(analysis::compare_options(st, {{"at", "T7"}, {"on", "raw"}}), DataError);
    }
}
