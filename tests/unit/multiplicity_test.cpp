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
        REQUIRE(r->t.size() == t.size());
        for (std::size_t j = 0; j < t.size(); ++j) {
            REQUIRE(r->t[j].has_value());
            CHECK(rel_close(*r->t[j], t[j], kExactRel));
            CHECK(rel_close(r->p_raw[j], raw[j], kExactRel));
            CHECK(rel_close(r->p_adjusted[j], adj[j], kExactRel));
            CHECK(r->p_adjusted[j] >= r->p_raw[j]);
        }
    }
}

TEST_CASE("Multiplicity/westfall_young_maxt: Monte Carlo agrees with enumeration (within 4 SE)") {
    const auto rows = fixture::read("reference/multiplicity_maxt.csv");
    const auto d = dataset(rows[2]);  // missing_6v6: 462 splits
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
    // one measure: the adjusted p is the raw permutation p of |t|
    std::vector<std::vector<double>> one{{3}, {5}, {4}, {8}, {9}, {7}};
    const std::vector<int> g{1, 1, 1, 0, 0, 0};
    const auto r = westfall_young_maxt(one, g);
    REQUIRE(r.has_value());
    CHECK(r->p_adjusted[0] == r->p_raw[0]);
    CHECK(r->p_raw[0] == doctest::Approx(2.0 / 20.0).epsilon(1e-15));
    // constant within groups: t is not finite (nullopt), p still defined
    std::vector<std::vector<double>> flat{{1, 2}, {1, 3}, {1, 2}, {2, 5}, {2, 1}, {2, 4}};
    const auto f = westfall_young_maxt(flat, g);
    REQUIRE(f.has_value());
    CHECK_FALSE(f->t[0].has_value());
    CHECK(f->p_raw[0] == doctest::Approx(2.0 / 20.0).epsilon(1e-15));
    CHECK(f->p_adjusted[0] <= f->p_adjusted[1]);
    // too few complete subjects in a group
    std::vector<std::vector<double>> miss{{1}, {std::nan("")}, {3}, {4}, {5}};
    CHECK_FALSE(westfall_young_maxt(miss, std::vector<int>{1, 1, 0, 0, 0}).has_value());
    std::vector<std::vector<double>> ragged{{1, 2}, {1}, {3, 4}, {5, 6}};
    CHECK_THROWS_AS(westfall_young_maxt(ragged, std::vector<int>{1, 1, 0, 0}), pilotstat::UsageError);
    CHECK_THROWS_AS(westfall_young_maxt(one, std::vector<int>{1, 0}), pilotstat::UsageError);
}
