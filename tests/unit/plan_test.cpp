// `plan` against R (scripts/reference/plan.R): the SD's upper confidence
// limit (qchisq), the main trial's n per arm (pwr::pwr.t.test, rounded up),
// Clopper-Pearson retention (binom.test) and attrition, and the whole plan on
// data/examples/kap_pilot.csv for each endpoint; then its edge cases.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "fixture.hpp"
#include "pilotstat/analysis/plan.hpp"
#include "pilotstat/data/study_builder.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/power/main_trial_size.hpp"
#include "pilotstat/power/planning_sd.hpp"
#include "pilotstat/stats/proportions.hpp"

using namespace pilotstat;

namespace {
data::Study study_from(const std::string& csv) {
    io::CsvReader reader("t.csv", csv, io::CsvOptions{});
    return data::build_study(reader, data::StudyOptions{});
}
}  // namespace

TEST_CASE("sd_upper_limit and main_trial_n match R over a grid (UCL 1e-12 relative, n exact)") {
    int checked = 0;
    for (const auto& r : fixture::read("reference/plan_grid.csv")) {
        const double u = power::sd_upper_limit(r.num("sd"), r.num("df"), r.num("conf"));
        CHECK(u == doctest::Approx(r.num("sd_ucl")).epsilon(1e-12));
        const auto n = power::main_trial_n(r.num("mcid"), u, r.num("alpha"), r.num("power"));
        const auto n0 = power::main_trial_n(r.num("mcid"), r.num("sd"), r.num("alpha"), r.num("power"));
        REQUIRE(n);
        REQUIRE(n0);
        CHECK(n->n == static_cast<int>(r.num("n_per_arm")));
        CHECK(n0->n == static_cast<int>(r.num("n_per_arm_pooled_sd")));
        ++checked;
    }
    CHECK(checked == 360);
}

TEST_CASE("retention intervals and attrition match R (CI 1e-12 absolute, n exact)") {
    int checked = 0;
    for (const auto& r : fixture::read("reference/plan_retention.csv")) {
        const long x = static_cast<long>(r.num("retained")), N = static_cast<long>(r.num("randomized"));
        const auto ci = stats::clopper_pearson(x, N, 0.95);
        REQUIRE(ci);
        CHECK(ci->low == doctest::Approx(r.num("ci_low")).epsilon(1e-12));
        CHECK(ci->high == doctest::Approx(r.num("ci_high")).epsilon(1e-12));
        const auto n = power::attrition_adjusted(static_cast<long>(r.num("n")), x, N);
        if (r.is_na("n_attrition")) CHECK_FALSE(n);
        else CHECK(n == static_cast<long>(r.num("n_attrition")));
        ++checked;
    }
    CHECK(checked == 90);
}

TEST_CASE("plan on the example study matches R for every measure and endpoint (1e-12 relative)") {
    const auto st = data::load_study(std::string(PILOTSTAT_TEST_DIR) + "/../data/examples/kap_pilot.csv", {});
    const auto norms = data::NormsRegistry::builtin();
    int checked = 0;
    for (const auto& ref : fixture::read("reference/plan_kap_pilot.csv")) {
        analysis::PlanOptions o;
        o.endpoint = analysis::parse_endpoint(ref.str("endpoint"));
        o.from = *st.time_index("T0");
        o.to = *st.time_index("T3");
        const auto res = analysis::plan(st, norms, o);
        const auto m = static_cast<std::size_t>(
            std::find(st.measures.begin(), st.measures.end(), ref.str("measure")) - st.measures.begin());
        REQUIRE(m < res.rows.size());
        const auto& r = res.rows[m];
        CAPTURE(ref.str("measure"));
        CAPTURE(ref.str("endpoint"));
        CHECK(r.sd_pooled == doctest::Approx(ref.num("sd_pooled")).epsilon(1e-12));
        CHECK(r.df == ref.num("df"));
        CHECK(r.sd_ucl == doctest::Approx(ref.num("sd_ucl")).epsilon(1e-12));
        if (ref.is_na("mcid")) {
            CHECK_FALSE(r.mcid);
            CHECK_FALSE(r.n_per_arm);
            CHECK_FALSE(r.notes.empty());
        } else {
            REQUIRE(r.mcid);
            CHECK(*r.mcid == doctest::Approx(ref.num("mcid")).epsilon(1e-12));
            CHECK(r.n_per_arm == static_cast<int>(ref.num("n_per_arm")));
            CHECK(r.n_per_arm_pooled_sd == static_cast<int>(ref.num("n_per_arm_pooled_sd")));
            CHECK(r.n_per_arm_attrition == static_cast<long>(ref.num("n_per_arm")));  // retention is 10 of 10
        }
        CHECK(r.retention.retained == 10);
        ++checked;
    }
    CHECK(checked == 15);
}

TEST_CASE("plan: retention counts missing endpoints per arm; --mcid overrides the instrument") {
    const auto st = study_from(
        "subject,group,time,measure,score\n"
        "a1,A,T0,bdi,20\na1,A,T1,bdi,15\na2,A,T0,bdi,22\na2,A,T1,bdi,19\na3,A,T0,bdi,30\na3,A,T1,bdi,NA\n"
        "b1,B,T0,bdi,25\nb1,B,T1,bdi,24\nb2,B,T0,bdi,21\nb2,B,T1,bdi,16\nb3,B,T0,bdi,28\nb3,B,T1,bdi,27\n");
    analysis::PlanOptions o;
    o.to = 1;
    o.mcid = 3.0;
    const auto res = analysis::plan(st, data::NormsRegistry::builtin(), o);
    REQUIRE(res.rows.size() == 1);
    const auto& r = res.rows[0];
    CHECK(r.n_a == 2);
    CHECK(r.n_b == 3);
    CHECK(r.df == 3.0);
    CHECK(r.retention.retained == 5);
    CHECK(r.retention.randomized == 6);
    CHECK(r.retention_a.retained == 2);
    CHECK(r.retention_b.retained == 3);
    CHECK(r.mcid_source == "--mcid");
    REQUIRE(r.n_per_arm);
    CHECK(r.n_per_arm_attrition == (*r.n_per_arm * 6 + 4) / 5);
    CHECK(*r.power_achieved >= 0.9);
}

TEST_CASE("plan refuses bad options and too few pairs") {
    const auto st = study_from(
        "subject,group,time,measure,score\n"
        "a1,A,T0,x,1\na1,A,T1,x,2\na2,A,T0,x,3\na2,A,T1,x,NA\n"
        "b1,B,T0,x,1\nb1,B,T1,x,2\nb2,B,T0,x,2\nb2,B,T1,x,5\n");
    analysis::PlanOptions o;
    o.to = 1;
    CHECK_THROWS_AS(analysis::plan(st, data::NormsRegistry::builtin(), o), DataError);  // arm A: 1 pair
    o.mcid = 0.0;
    CHECK_THROWS_AS(analysis::validate(o), UsageError);
    o.mcid = 2.0;
    o.power = 1.0;
    CHECK_THROWS_AS(analysis::validate(o), UsageError);
    o.power = 0.9;
    o.sd_conf = 0.0;
    CHECK_THROWS_AS(analysis::validate(o), UsageError);
    CHECK_THROWS_AS(power::sd_upper_limit(1.0, 0.0, 0.8), UsageError);
    CHECK_THROWS_AS(power::main_trial_n(-1.0, 1.0, 0.05, 0.9), UsageError);
}
