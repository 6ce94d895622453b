// models/mmrm against lme4 + pbkrtest + emmeans (cs) and nlme::gls (un):
// fixtures written by scripts/reference/mmrm.R (the calls are cited there
// and in each fixture's first line).
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <string>
#include <utility>

#include "fixture.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/models/mmrm.hpp"
#include "pilotstat/models/mmrm_randomization.hpp"

namespace models = pilotstat::models;

namespace {

// tests/reference/mmrm_data.csv: one row per score; subjects in order of appearance.
std::map<std::string, models::MmrmData> mmrm_datasets() {
    std::map<std::string, models::MmrmData> out;
    std::map<std::string, std::map<std::string, std::size_t>> index;
    for (const auto& r : fixture::read("reference/mmrm_data.csv")) {
        auto& d = out[r.str("dataset")];
        d.visits = 3;
        auto& ids = index[r.str("dataset")];
        auto it = ids.find(r.str("subject"));
        if (it == ids.end()) {
            it = ids.emplace(r.str("subject"), d.subjects.size()).first;
            auto& s = d.subjects.emplace_back();
            s.baseline = r.num("baseline");
            s.arm_a = r.str("arm") == "a";
        }
        auto& s = d.subjects[it->second];
        s.visits.push_back(static_cast<std::size_t>(r.num("visit")));
        s.scores.push_back(r.num("score"));
    }
    return out;
}

const models::MmrmContrast& contrast_at(const models::MmrmFit& f, double visit) {
    return visit < 0 ? f.average : f.difference[static_cast<std::size_t>(visit)];
}

}  // namespace

TEST_CASE("mmrm cs: estimate, Kenward-Roger SE and df match lmer + pbkrtest + emmeans (fixture)") {
    const auto sets = mmrm_datasets();
    const auto rows = fixture::read("reference/mmrm_cs.csv");
    CHECK(rows.size() == 20);
    for (const auto& row : rows) {
        CAPTURE(row.str("dataset"));
        CAPTURE(row.str("visit"));
        models::MmrmOptions o;
        o.covariance = models::Covariance::cs;
        const auto f = models::fit_mmrm(sets.at(row.str("dataset")), o);
        REQUIRE(f.converged);
        const auto& c = contrast_at(f, row.num("visit"));
        // estimate and SE to 1e-6, KR df to 1e-3 (relative)
        CHECK(c.estimate == doctest::Approx(row.num("estimate")).epsilon(1e-6));
        CHECK(c.se == doctest::Approx(row.num("se")).epsilon(1e-6));
        CHECK(c.df == doctest::Approx(row.num("df")).epsilon(1e-3));
        CHECK(f.reml.value.deviance == doctest::Approx(row.num("remlcrit")).epsilon(1e-8));
        if (!row.is_na("se_model")) {
            CHECK(c.se_model == doctest::Approx(row.num("se_model")).epsilon(1e-6));
            const auto j = static_cast<std::size_t>(row.num("visit"));
            CHECK(f.mean_a[j].estimate == doctest::Approx(row.num("mean_a")).epsilon(1e-6));
            CHECK(f.mean_b[j].estimate == doctest::Approx(row.num("mean_b")).epsilon(1e-6));
            // the adjusted means' KR SE, df and 95% interval (what plot trajectories --on mmrm draws)
            for (const auto& [mean, arm] : {std::pair{&f.mean_a[j], "mean_a"}, std::pair{&f.mean_b[j], "mean_b"}}) {
                const std::string a = arm;
                CHECK(mean->se == doctest::Approx(row.num(a + "_se")).epsilon(1e-6));
                CHECK(mean->df == doctest::Approx(row.num(a + "_df")).epsilon(1e-3));
                CHECK(mean->ci.low == doctest::Approx(row.num(a + "_low")).epsilon(1e-4));
                CHECK(mean->ci.high == doctest::Approx(row.num(a + "_high")).epsilon(1e-4));
            }
        }
        // lme4 calls the boundary fit singular; we say so in a note
        const bool boundary = !f.reml.boundary.empty();
        CHECK(boundary == (row.num("singular") == 1.0));
    }
}

TEST_CASE("mmrm un: estimate and model-based SE match nlme::gls(corSymm, varIdent, REML) (fixture)") {
    const auto sets = mmrm_datasets();
    const auto rows = fixture::read("reference/mmrm_un.csv");
    CHECK(rows.size() == 20);
    for (const auto& row : rows) {
        CAPTURE(row.str("dataset"));
        CAPTURE(row.str("visit"));
        models::MmrmOptions o;
        o.covariance = models::Covariance::un;
        o.df = models::DfMethod::residual;
        const auto f = models::fit_mmrm(sets.at(row.str("dataset")), o);
        REQUIRE(f.converged);
        const auto& c = contrast_at(f, row.num("visit"));
        CHECK(c.estimate == doctest::Approx(row.num("estimate")).epsilon(1e-5));
        CHECK(c.se_model == doctest::Approx(row.num("se")).epsilon(1e-4));
        CHECK(c.se == c.se_model);
    }
}

TEST_CASE("mmrm ar1 and toeplitz: estimate and model-based SE match nlme::gls(corAR1 / corARMA(p = 2)) (fixture)") {
    const auto sets = mmrm_datasets();
    const auto rows = fixture::read("reference/mmrm_ar1_toeplitz.csv");
    CHECK(rows.size() == 30);
    for (const auto& row : rows) {
        CAPTURE(row.str("dataset"));
        CAPTURE(row.str("covariance"));
        CAPTURE(row.str("visit"));
        models::MmrmOptions o;
        o.covariance = models::parse_covariance(row.str("covariance"));
        for (auto df : {models::DfMethod::kenward_roger, models::DfMethod::satterthwaite}) {
            o.df = df;
            const auto f = models::fit_mmrm(sets.at(row.str("dataset")), o);
            REQUIRE(f.converged);
            const auto& c = contrast_at(f, row.num("visit"));
            CHECK(c.estimate == doctest::Approx(row.num("estimate")).epsilon(1e-5));
            CHECK(c.se_model == doctest::Approx(row.num("se")).epsilon(1e-4));
            CHECK(c.df > 0.0);
            CHECK(std::isfinite(c.p_value));
        }
    }
}

TEST_CASE("mmrm: Satterthwaite df of cs agrees with Kenward-Roger's where the KR SE adjustment vanishes") {
    // Complete, balanced data: the KR df is the Satterthwaite df with the
    // expected information; with the observed information they differ by
    // the curvature of the likelihood only, so they are close, not equal.
    const auto sets = mmrm_datasets();
    models::MmrmOptions o;
    o.covariance = models::Covariance::cs;
    const auto kr = models::fit_mmrm(sets.at("complete"), o);
    o.df = models::DfMethod::satterthwaite;
    const auto sat = models::fit_mmrm(sets.at("complete"), o);
    REQUIRE(kr.converged);
    REQUIRE(sat.converged);
    for (std::size_t j = 0; j < 3; ++j) CHECK(sat.difference[j].df == doctest::Approx(kr.difference[j].df).epsilon(0.2));
    o.df = models::DfMethod::residual;
    const auto res = models::fit_mmrm(sets.at("complete"), o);
    CHECK(res.difference[2].df == 30.0 - 7.0);
}

TEST_CASE("mmrm: the pre-specified covariance rule and degenerate data") {
    CHECK(models::default_covariance(10, 3) == models::Covariance::un);  // 10 - 3 >= 6
    CHECK(models::default_covariance(8, 3) == models::Covariance::cs);   // 8 - 3 < 6
    CHECK(models::default_covariance(2, 1) == models::Covariance::cs);
    CHECK_THROWS_AS(models::parse_covariance("ante"), pilotstat::UsageError);
    CHECK_THROWS_AS(models::parse_df_method("between-within"), pilotstat::UsageError);

    auto d = mmrm_datasets().at("complete");
    // a visit without any arm-A score: the effect there is not estimable
    for (auto& s : d.subjects)
        if (s.arm_a) {
            s.visits.pop_back();
            s.scores.pop_back();
        }
    const auto f = models::fit_mmrm(d);
    CHECK_FALSE(f.converged);
    REQUIRE_FALSE(f.notes.empty());
    CHECK(f.notes.back().find("not all estimable") != std::string::npos);

    // scores that the model fits exactly: no residual variance
    models::MmrmData exact;
    exact.visits = 2;
    for (int i = 0; i < 8; ++i) {
        auto& s = exact.subjects.emplace_back();
        s.baseline = 10.0 + i;
        s.arm_a = i < 4;
        s.visits = {0, 1};
        s.scores = {s.baseline, s.baseline + 1.0};
    }
    const auto e = models::fit_mmrm(exact);
    CHECK_FALSE(e.converged);
    REQUIRE_FALSE(e.notes.empty());
}

TEST_CASE("mmrm randomization p: every relabeling refitted, as R's refits (fixture)") {
    const auto sets = mmrm_datasets();
    for (const auto& row : fixture::read("reference/mmrm_perm.csv")) {
        CAPTURE(row.str("dataset"));
        models::MmrmOptions o;
        o.covariance = models::parse_covariance(row.str("covariance"));
        const auto f = models::fit_mmrm(sets.at(row.str("dataset")), o);
        REQUIRE(f.converged);
        const auto r = models::mmrm_randomization(sets.at(row.str("dataset")), f, {});
        CHECK(r.relabelings == row.num("relabelings"));
        CHECK(r.failed == row.num("failed"));
        const auto& last = r.visit.back();
        CHECK(last.method == pilotstat::core::Method::exact_enumeration);
        CHECK(last.statistic == doctest::Approx(row.num("statistic")).epsilon(1e-5));
        CHECK(last.count_extreme == row.num("count"));  // identical p
        CHECK(last.p_value == doctest::Approx(row.num("p")).epsilon(1e-12));
    }
}

TEST_CASE("mmrm randomization: Monte Carlo is seeded, reproducible and near the enumeration") {
    const auto d = mmrm_datasets().at("complete");
    models::MmrmOptions mo;
    mo.covariance = models::Covariance::cs;
    const auto f = models::fit_mmrm(d, mo);
    REQUIRE(f.converged);
    const auto exact = models::mmrm_randomization(d, f, {});
    pilotstat::core::ExactOptions o;
    o.max_enumeration = 100;
    o.resamples = 2000;
    o.seed = 7;
    const auto mc = models::mmrm_randomization(d, f, o);
    const auto again = models::mmrm_randomization(d, f, o);
    CHECK(mc.visit.back().method == pilotstat::core::Method::monte_carlo);
    CHECK(mc.visit.back().method_label() == "monte-carlo (B=2000, seed=7)");
    CHECK(mc.visit.back().p_value == again.visit.back().p_value);
    for (std::size_t j = 0; j < 3; ++j)
        CHECK(std::fabs(mc.visit[j].p_value - exact.visit[j].p_value) < 5.0 * *mc.visit[j].mc_se + 1.0 / 2001.0);
    o.resamples = 0;
    CHECK_THROWS_AS(models::mmrm_randomization(d, f, o), pilotstat::ComputeError);
}
