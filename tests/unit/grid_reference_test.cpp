// Reference grid (issue 7): every case of tests/reference/grid_paired.csv and
// grid_two_sample.csv (written by scripts/reference/grid.R; the R calls are
// in the fixtures' comments) through the library's tests.
// Tolerances: exact p-values 1e-10 relative; t-based p-values 1e-12 relative
// and t intervals 1e-12 relative to max(|value|, 1); d_z 1e-12 relative;
// noncentral-t intervals 1e-6 relative to max(|value|, 1); adjusted p-values
// (R's p.adjust on the fixture's own four p-values) 1e-15 relative, i.e. the
// same arithmetic up to the last bit or so. An NA in the
// fixture (undefined, e.g. zero variance) must be nullopt here.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "fixture.hpp"
#include "pilotstat/effects/paired_effects.hpp"
#include "pilotstat/inference/paired_t_test.hpp"
#include "pilotstat/inference/permutation_test.hpp"
#include "pilotstat/inference/signflip_test.hpp"
#include "pilotstat/inference/signrank_test.hpp"
#include "pilotstat/inference/t_tests.hpp"
#include "pilotstat/inference/wmw_test.hpp"
#include "pilotstat/multiplicity/p_adjust.hpp"

using namespace pilotstat;

namespace {

core::Alternative alternative_of(const std::string& r) {
    if (r == "less") return core::Alternative::less;
    if (r == "greater") return core::Alternative::greater;
    return core::Alternative::two_sided;
}

bool rel_close(double got, double want, double tol) {
    return std::fabs(got - want) <= tol * std::max(std::fabs(got), std::fabs(want));
}
bool scaled_close(double got, double want, double tol) {
    return std::fabs(got - want) <= tol * std::max({std::fabs(got), std::fabs(want), 1.0});
}

// Checks an optional value against a fixture cell ("NA" = must be nullopt).
template <class Close>
void check_cell(const fixture::Row& row, const std::string& col, std::optional<double> got, double tol, Close close) {
    CAPTURE(col);
    if (row.is_na(col)) {
        CHECK_FALSE(got.has_value());
        return;
    }
    REQUIRE(got.has_value());
    CAPTURE(*got);
    CAPTURE(row.str(col));
    CHECK(close(*got, row.num(col), tol));
}

}  // namespace

TEST_CASE("grid: paired tests and d_z against R (180 cases)") {
    const auto rows = fixture::read("reference/grid_paired.csv");
    CHECK(rows.size() >= 150);
    for (const auto& row : rows) {
        CAPTURE(row.str("id"));
        CAPTURE(row.str("type"));
        CAPTURE(row.str("pattern"));
        const auto d = row.vec("d");
        REQUIRE(d.size() == static_cast<std::size_t>(row.num("n")));
        core::ExactOptions o;
        o.alternative = alternative_of(row.str("alternative"));
        const auto sf = inference::signflip_test(d, o);
        const auto sr = inference::signrank_test(d, o, inference::ZeroMethod::pratt);
        check_cell(row, "p_signflip", sf ? std::optional(sf->p_value) : std::nullopt, 1e-10, rel_close);
        check_cell(row, "p_signrank", sr ? std::optional(sr->p_value) : std::nullopt, 1e-10, rel_close);
        const auto t = inference::paired_t_test(d, o.alternative, 0.95);
        const auto t2 = inference::paired_t_test(d, core::Alternative::two_sided, 0.95);
        check_cell(row, "p_t", t ? std::optional(t->test.p_value) : std::nullopt, 1e-12, rel_close);
        check_cell(row, "t_ci_low", t2 ? std::optional(t2->ci.low) : std::nullopt, 1e-12, scaled_close);
        check_cell(row, "t_ci_high", t2 ? std::optional(t2->ci.high) : std::nullopt, 1e-12, scaled_close);
        const auto dz = effects::cohens_dz(d, 0.95);
        check_cell(row, "dz", dz ? std::optional(dz->estimate) : std::nullopt, 1e-12, rel_close);
        const auto ci = dz ? dz->ci : std::nullopt;
        check_cell(row, "dz_ci_low", ci ? std::optional(ci->low) : std::nullopt, 1e-6, scaled_close);
        check_cell(row, "dz_ci_high", ci ? std::optional(ci->high) : std::nullopt, 1e-6, scaled_close);
    }
}

TEST_CASE("grid: two-sample tests against R (216 cases)") {
    const auto rows = fixture::read("reference/grid_two_sample.csv");
    CHECK(rows.size() >= 150);
    for (const auto& row : rows) {
        CAPTURE(row.str("id"));
        CAPTURE(row.str("type"));
        CAPTURE(row.str("pattern"));
        const auto a = row.vec("a"), b = row.vec("b");
        core::ExactOptions o;
        o.alternative = alternative_of(row.str("alternative"));
        const auto perm = inference::permutation_test(a, b, o);
        const auto wmw = inference::wmw_test(a, b, o);
        check_cell(row, "p_perm", perm ? std::optional(perm->p_value) : std::nullopt, 1e-10, rel_close);
        check_cell(row, "p_wmw", wmw ? std::optional(wmw->test.p_value) : std::nullopt, 1e-10, rel_close);
        const auto w = inference::welch_t_test(a, b, o.alternative, 0.95);
        const auto w2 = inference::welch_t_test(a, b, core::Alternative::two_sided, 0.95);
        check_cell(row, "p_welch", w ? std::optional(w->test.p_value) : std::nullopt, 1e-12, rel_close);
        check_cell(row, "welch_ci_low", w2 ? std::optional(w2->ci.low) : std::nullopt, 1e-12, scaled_close);
        check_cell(row, "welch_ci_high", w2 ? std::optional(w2->ci.high) : std::nullopt, 1e-12, scaled_close);
        const auto s = inference::student_t_test(a, b, o.alternative, 0.95);
        const auto s2 = inference::student_t_test(a, b, core::Alternative::two_sided, 0.95);
        check_cell(row, "p_student", s ? std::optional(s->test.p_value) : std::nullopt, 1e-12, rel_close);
        check_cell(row, "student_ci_low", s2 ? std::optional(s2->ci.low) : std::nullopt, 1e-12, scaled_close);
        check_cell(row, "student_ci_high", s2 ? std::optional(s2->ci.high) : std::nullopt, 1e-12, scaled_close);
    }
}

TEST_CASE("grid: adjusted p-values against R's p.adjust") {
    const auto rows = fixture::read("reference/grid_two_sample.csv");
    std::size_t checked = 0;
    for (const auto& row : rows) {
        if (row.is_na("adj_holm")) continue;
        CAPTURE(row.str("id"));
        const std::vector<double> p{row.num("p_perm"), row.num("p_wmw"), row.num("p_welch"), row.num("p_student")};
        for (const auto& [col, method] : {std::pair{"adj_bonferroni", multiplicity::AdjustMethod::bonferroni},
                                          std::pair{"adj_holm", multiplicity::AdjustMethod::holm},
                                          std::pair{"adj_hochberg", multiplicity::AdjustMethod::hochberg},
                                          std::pair{"adj_BH", multiplicity::AdjustMethod::bh}}) {
            CAPTURE(col);
            const auto want = row.vec(col);
            const auto got = multiplicity::p_adjust(p, method);
            REQUIRE(got.size() == want.size());
            for (std::size_t i = 0; i < got.size(); ++i) CHECK(rel_close(got[i], want[i], 1e-15));
            ++checked;
        }
    }
    CHECK(checked >= 600);
}
