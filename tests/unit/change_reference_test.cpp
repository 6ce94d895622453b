// `change` end to end (CSV -> study -> analysis) against R on MASS::anorexia
// (scripts/reference/change.R), and its edge cases.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "fixture.hpp"
#include "pilotstat/analysis/change.hpp"
#include "pilotstat/data/study_builder.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/null/p_floor.hpp"

using namespace pilotstat;

namespace {
data::Study study_from(const std::string& csv) {
    io::CsvReader reader("t.csv", csv, io::CsvOptions{});
    return data::build_study(reader, data::StudyOptions{});
}

analysis::ChangeOptions defaults(const data::Study& st) { return analysis::change_options(st, {}); }
}  // namespace

TEST_CASE("change matches R on MASS::anorexia (exact p 1e-10, t-based 1e-12)") {
    const auto st = data::load_study(std::string(PILOTSTAT_TEST_DIR) + "/reference/data/anorexia_long.csv", {});
    const auto rows = analysis::change(st, defaults(st));
    REQUIRE(rows.size() == 3);
    int checked = 0;
    for (const auto& ref : fixture::read("reference/change_anorexia.csv")) {
        const auto g = *st.group_index(ref.str("group"));
        const auto& r = rows[g];
        CAPTURE(ref.str("group"));
        REQUIRE(r.pairs.differences.size() == static_cast<std::size_t>(ref.num("n")));
        CHECK(*r.mean_from == doctest::Approx(ref.num("mean_from")).epsilon(1e-13));
        CHECK(*r.mean_to == doctest::Approx(ref.num("mean_to")).epsilon(1e-13));
        CHECK(*r.mean_change == doctest::Approx(ref.num("mean_change")).epsilon(1e-12));
        CHECK(*r.sd_change == doctest::Approx(ref.num("sd_change")).epsilon(1e-12));
        CHECK(*r.pct_change_of_means == doctest::Approx(ref.num("pct_change_of_means")).epsilon(1e-12));
        CHECK(r.signflip->p_value == doctest::Approx(ref.num("p_signflip")).epsilon(1e-10));
        CHECK(r.signrank->p_value == doctest::Approx(ref.num("p_signrank")).epsilon(1e-10));
        CHECK(r.sign->p_value == doctest::Approx(ref.num("p_sign")).epsilon(1e-10));
        CHECK(r.t->test.p_value == doctest::Approx(ref.num("p_t")).epsilon(1e-12));
        CHECK(r.dz->estimate == doctest::Approx(ref.num("dz")).epsilon(1e-12));
        ++checked;
    }
    CHECK(checked == 3);
}

TEST_CASE("change: published percent change of the example is exactly -21.875") {
    const auto st = data::load_study(std::string(PILOTSTAT_TEST_DIR) + "/../data/examples/kap_pilot.csv", {});
    const auto m = std::size_t{1};  // bpi_severity
    REQUIRE(st.measures[m] == "bpi_severity");
    const auto r = analysis::change_row(st, m, 0, 0, 3, defaults(st));
    CHECK(*r.pct_change_of_means == -21.875);
    CHECK(r.boot.exact);
    CHECK(r.boot.method_label.find("exact enumeration (126 multisets)") != std::string::npos);
    CHECK(null::design_floor_paired(r.pairs.differences.size(), r.signflip->alternative) == 0.0625);
}

TEST_CASE("change edge cases give notes, never NaN") {
    const std::string h = "subject,group,time,measure,score\n";
    SUBCASE("no pairs") {
        const auto st = study_from(h + "a,g,T0,x,1\nb,g,T1,x,2\n");
        const auto r = analysis::change(st, defaults(st)).at(0);
        CHECK(r.pairs.differences.empty());
        CHECK(r.pairs.missing == 2);
        CHECK_FALSE(r.mean_change);
        CHECK_FALSE(r.signflip);
        CHECK(r.notes.back() == "no complete pairs");
    }
    SUBCASE("one pair") {
        const auto st = study_from(h + "a,g,T0,x,1\na,g,T1,x,3\n");
        const auto r = analysis::change(st, defaults(st)).at(0);
        CHECK(*r.mean_change == 2.0);
        CHECK_FALSE(r.sd_change);
        CHECK_FALSE(r.t);
        CHECK(r.signflip->p_value == 1.0);
    }
    SUBCASE("all differences zero") {
        const auto st = study_from(h + "a,g,T0,x,1\na,g,T1,x,1\nb,g,T0,x,2\nb,g,T1,x,2\n");
        const auto r = analysis::change(st, defaults(st)).at(0);
        CHECK(r.signflip->p_value == 1.0);
        CHECK(r.unchanged == 2);
        CHECK_FALSE(r.dz);
    }
    SUBCASE("all differences equal") {
        const auto st = study_from(h + "a,g,T0,x,1\na,g,T1,x,2\nb,g,T0,x,5\nb,g,T1,x,6\n");
        const auto r = analysis::change(st, defaults(st)).at(0);
        CHECK(*r.sd_change == 0.0);
        CHECK_FALSE(r.t);
        CHECK(r.signflip->p_value == 0.5);
    }
    SUBCASE("zero baseline excluded from percent changes, and mean zero at from") {
        const auto st = study_from(h + "a,g,T0,x,0\na,g,T1,x,2\nb,g,T0,x,0\nb,g,T1,x,1\n");
        const auto r = analysis::change(st, defaults(st)).at(0);
        CHECK(r.zero_baselines == 2);
        CHECK_FALSE(r.mean_pct_change);
        CHECK_FALSE(r.pct_change_of_means);
    }
    SUBCASE("improved / worsened follow the instrument's direction") {
        const auto st = study_from(h + "a,g,T0,bdi,10\na,g,T1,bdi,4\nb,g,T0,bdi,10\nb,g,T1,bdi,12\n");
        const auto r = analysis::change(st, defaults(st)).at(0);
        CHECK(r.improved == 1);
        CHECK(r.worsened == 1);
        CHECK(r.responders == 1);  // 60 % reduction >= 50 %
    }
    SUBCASE("unknown --from is a data error; same from and to a usage error") {
        const auto st = study_from(h + "a,g,T0,x,1\na,g,T1,x,3\n");
        CHECK_THROWS_AS(analysis::change_options(st, {{"from", "T9"}}), DataError);
        CHECK_THROWS_AS(analysis::change(st, analysis::change_options(st, {{"from", "T1"}, {"to", "T1"}})),
                        UsageError);
        CHECK_THROWS_AS(analysis::change_options(st, {{"zero_method", "x"}}), UsageError);
    }
}

TEST_CASE("change: percent change of means on complete pairs and on every available score") {
    // S3 missed T1. Pairs S1, S2: means 10 -> 8, -20 %. Available: T0 mean 40/3,
    // T1 mean 8: (8 - 40/3) / (40/3) = -40 % exactly.
    const auto st = study_from("subject,group,time,measure,score\n"
                               "S1,a,T0,x,8\nS1,a,T1,x,6\nS2,a,T0,x,12\nS2,a,T1,x,10\nS3,a,T0,x,20\n");
    const auto r = analysis::change_row(st, 0, 0, 0, 1, defaults(st));
    CHECK(*r.pct_change_of_means == -20.0);
    CHECK(*r.pct_change_of_means_available == -40.0);
    CHECK(r.n_from_available == 3);
    CHECK(r.n_to_available == 2);
}

TEST_CASE("change: with nobody missing both percent changes are the same number") {
    const auto st = data::load_study(std::string(PILOTSTAT_TEST_DIR) + "/../data/examples/kap_pilot.csv", {});
    const auto r = analysis::change_row(st, 1, 0, 0, 3, defaults(st));
    CHECK(*r.pct_change_of_means_available == *r.pct_change_of_means);
}
