// Multiplicity adjustments against R (tests/reference/multiplicity_*.csv,
// written by scripts/reference/power_multiplicity.R): p.adjust to 1e-15
// relative, and the Westfall–Young step-down max-T against a brute force over
// all splits in R; Monte Carlo max-T against the exact one.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "fixture.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/multiplicity/p_adjust.hpp"
#include "pilotstat/multiplicity/westfall_young.hpp"
#include "pilotstat/resample/rng.hpp"
#include "pilotstat/resample/splits.hpp"

using namespace pilotstat::multiplicity;
namespace core = pilotstat::core;
using pilotstat::core::Alternative;
using pilotstat::core::ExactOptions;
using pilotstat::core::Method;

namespace {
constexpr double kAdjustRel = 1e-15;  // p.adjust: same operations, same doubles
constexpr double kExactRel = 1e-12;   // max-T: counts over the same splits; t: two-pass sums

bool rel_close(double a, double b, double rel) { return std::fabs(a - b) <= rel * std::fabs(b); }

struct Dataset {
    std::vector<std::vector<double>> values;
    std::vector<int> in_a;
};

Dataset dataset(const fixture::Row& r) {
    Dataset d;
    const auto g = r.vec("group");
    const auto v = r.vec("values");
    const auto m = static_cast<std::size_t>(r.num("measures"));
    for (std::size_t i = 0; i < g.size(); ++i) {
        d.in_a.push_back(static_cast<int>(g[i]));
        d.values.emplace_back(v.begin() + static_cast<std::ptrdiff_t>(i * m),
                              v.begin() + static_cast<std::ptrdiff_t>((i + 1) * m));
    }
    return d;
}
}  // namespace

TEST_CASE("Multiplicity/p_adjust matches R's p.adjust exactly") {
    const std::pair<AdjustMethod, std::string> methods[] = {{AdjustMethod::holm, "holm"},
                                                            {AdjustMethod::hochberg, "hochberg"},
                                                            {AdjustMethod::bh, "BH"},
                                                            {AdjustMethod::bonferroni, "bonferroni"}};
    for (const auto& row : fixture::read("reference/multiplicity_p_adjust.csv")) {
        const auto p = row.vec("p");
        for (const auto& [method, name] : methods) {
            INFO(row.str("id"), " ", name);
            const auto got = p_adjust(p, method);
            const auto want = row.vec(name);
            REQUIRE(got.size() == want.size());
            for (std::size_t i = 0; i < got.size(); ++i) CHECK(rel_close(got[i], want[i], kAdjustRel));
        }
        CHECK(p_adjust(p, AdjustMethod::none) == p);
    }
}

TEST_CASE("Multiplicity/p_adjust: missing values, names, invalid input") {
    const std::vector<std::optional<double>> p{0.01, std::nullopt, 0.04, 0.03};
    const auto got = p_adjust(std::span<const std::optional<double>>(p), AdjustMethod::holm);
    const std::vector<double> present{0.01, 0.04, 0.03};
    const auto want = p_adjust(present, AdjustMethod::holm);  // m = 3, as p.adjust's n
    REQUIRE(got.size() == 4);
    CHECK_FALSE(got[1].has_value());
    CHECK(*got[0] == want[0]);
    CHECK(*got[2] == want[1]);
    CHECK(*got[3] == want[2]);
    CHECK(p_adjust(std::vector<double>{}, AdjustMethod::bh).empty());
    CHECK(parse_adjust_method("fdr") == AdjustMethod::bh);
    CHECK(to_string(AdjustMethod::bh) == "BH");
    CHECK_THROWS_AS(parse_adjust_method("sidak"), pilotstat::UsageError);
    CHECK_THROWS_AS(p_adjust(std::vector<double>{0.2, 1.5}, AdjustMethod::holm), pilotstat::UsageError);
    CHECK_THROWS_AS(p_adjust(std::vector<double>{std::nan("")}, AdjustMethod::holm), pilotstat::UsageError);
}

TEST_CASE("Multiplicity/westfall_young_maxt matches a brute force over all splits in R") {
    for (const auto& row : fixture::read("reference/multiplicity_maxt.csv")) {
        CAPTURE(row.str("id"));
        const auto d = dataset(row);
        core::ExactOptions o;
        o.alternative = pilotstat::core::parse_alternative(row.str("alternative"));
        const auto r = westfall_young_maxt(d.values, d.in_a, o);
        REQUIRE(r.has_value());
        CHECK(r->method == core::Method::exact_enumeration);
        CHECK(r->excluded == static_cast<std::size_t>(row.num("excluded")));
        const auto t = row.vec("t"), raw = row.vec("p_raw"), adj = row.vec("p_adj");
        REQUIRE(r->statistic.size() == t.size());
        for (std::size_t j = 0; j < t.size(); ++j) {
            CHECK(rel_close(r->statistic[j], t[j], kExactRel));
            CHECK(rel_close(r->p_raw[j], raw[j], kExactRel));
            CHECK(rel_close(r->p_adjusted[j], adj[j], kExactRel));
            CHECK(r->p_adjusted[j] >= r->p_raw[j]);
        }
    }
}

TEST_CASE("Multiplicity/westfall_young_maxt: Monte Carlo agrees with enumeration (within 4 SE)") {
    const auto rows = fixture::read("reference/multiplicity_maxt.csv");
    const auto d = dataset(rows[2]);  // missing_6v6: 924 splits (the subject with one missing value stays in)
    core::ExactOptions mc;
    mc.max_enumeration = 0;
    mc.resamples = 20000;
    mc.seed = 11;
    const auto r = westfall_young_maxt(d.values, d.in_a, mc);
    REQUIRE(r.has_value());
    CHECK(r->method == core::Method::monte_carlo);
    CHECK(r->seed == std::optional<std::uint64_t>(11));
    const auto adj = rows[2].vec("p_adj");
    for (std::size_t j = 0; j < adj.size(); ++j) {
        const double se = std::sqrt(adj[j] * (1 - adj[j]) / 20000.0);
        CHECK(std::fabs(r->p_adjusted[j] - adj[j]) <= 4 * se + 1e-4);
    }
    const auto again = westfall_young_maxt(d.values, d.in_a, mc);
    CHECK(again->p_adjusted == r->p_adjusted);  // seeded: reproducible
}

TEST_CASE("Multiplicity/westfall_young_maxt: single measure, degenerate and bad input") {
    // one measure: the adjusted p is the raw permutation p of the mean difference
    std::vector<std::vector<double>> one{{3}, {5}, {4}, {8}, {9}, {7}};
    const std::vector<int> g{1, 1, 1, 0, 0, 0};
    const auto r = westfall_young_maxt(one, g);
    REQUIRE(r.has_value());
    CHECK(r->p_adjusted[0] == r->p_raw[0]);
    CHECK(r->p_raw[0] == doctest::Approx(2.0 / 20.0).epsilon(1e-15));
    // constant within groups: the pooled SD is not 0, the statistic is defined
    std::vector<std::vector<double>> flat{{1, 2}, {1, 3}, {1, 2}, {2, 5}, {2, 1}, {2, 4}};
    const auto f = westfall_young_maxt(flat, g);
    REQUIRE(f.has_value());
    CHECK(f->statistic[0] < 0);
    CHECK(f->p_raw[0] == doctest::Approx(2.0 / 20.0).epsilon(1e-15));
    CHECK(f->p_adjusted[0] <= f->p_adjusted[1]);
    // too few subjects with a value in a group
    std::vector<std::vector<double>> miss{{1}, {std::nan("")}, {3}, {4}, {5}};
    CHECK_FALSE(westfall_young_maxt(miss, std::vector<int>{1, 1, 0, 0, 0}).has_value());
    std::vector<std::vector<double>> ragged{{1, 2}, {1}, {3, 4}, {5, 6}};
    CHECK_THROWS_AS(westfall_young_maxt(ragged, std::vector<int>{1, 1, 0, 0}), pilotstat::UsageError);
    CHECK_THROWS_AS(westfall_young_maxt(one, std::vector<int>{1, 0}), pilotstat::UsageError);
}

namespace {
// Exact two-sided permutation p of the mean difference (deviation rule) on the
// available values of one measure at its observed arm sizes, by brute force.
double perm_p_available(const std::vector<std::vector<double>>& v, const std::vector<int>& g, std::size_t j) {
    std::vector<double> x;
    std::vector<int> a;
    for (std::size_t i = 0; i < v.size(); ++i)
        if (!std::isnan(v[i][j])) x.push_back(v[i][j]), a.push_back(g[i]);
    int na = 0;
    for (int f : a) na += f;
    auto diff = [&](const std::vector<int>& h) {
        double sa = 0, sb = 0;
        int ka = 0;
        for (std::size_t i = 0; i < x.size(); ++i) (h[i] ? (++ka, sa) : sb) += x[i];
        return sa / ka - sb / static_cast<double>(x.size() - static_cast<std::size_t>(ka));
    };
    const double obs = std::fabs(diff(a));
    double k = 0, total = 0;
    pilotstat::resample::for_each_split(static_cast<int>(x.size()), na, [&](const std::vector<int>& h) {
        total += 1;
        if (std::fabs(diff(h)) >= obs - 1e-9 * obs) k += 1;
    });
    return k / total;
}
}  // namespace

TEST_CASE("Multiplicity/westfall_young_maxt: property on random studies with missing values") {
    // adjusted >= its own marginal for every measure; with no missing value the
    // marginal is the exact permutation p of the mean difference (deviation
    // rule); with missing values it may differ (joint relabeling varies the
    // available arm sizes), which is why the report takes max(max-T, p).
    pilotstat::resample::Rng rng(2026);
    int rows_checked = 0, differs = 0;
    for (int rep = 0; rep < 60; ++rep) {
        const std::size_t n = 8 + rng.below(3), m = 2 + rng.below(2);
        std::vector<int> g(n, 0);
        for (std::size_t i = 0; i < n; ++i) g[i] = i < n / 2 ? 1 : 0;
        const bool with_missing = rep % 2 == 0;
        std::vector<std::vector<double>> v(n, std::vector<double>(m));
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < m; ++j) {
                v[i][j] = static_cast<double>(rng.below(7)) + (g[i] ? 1.5 * static_cast<double>(j) : 0.0);
                // at most one missing per measure among the first subjects of each arm
                if (with_missing && (i == j || i == n - 1 - j) && rng.below(2) == 0) v[i][j] = std::nan("");
            }
        const auto r = westfall_young_maxt(v, g);
        REQUIRE(r.has_value());
        for (std::size_t j = 0; j < m; ++j) {
            CAPTURE(rep);
            CAPTURE(j);
            const double p_perm = perm_p_available(v, g, j);
            CHECK(r->p_adjusted[j] >= r->p_raw[j]);
            if (!with_missing) CHECK(rel_close(r->p_raw[j], p_perm, 1e-12));
            else differs += !rel_close(r->p_raw[j], p_perm, 1e-12);
            ++rows_checked;
        }
    }
    CHECK(rows_checked > 100);
    MESSAGE("max-T marginal differs from the available-case permutation p in ", differs, " rows with missing values");
}
