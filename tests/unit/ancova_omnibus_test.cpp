// The omnibus ANCOVA F permutation test over k arms (analysis/ancova_omnibus)
// against R: anova(lm(post ~ base + factor(arm))) for F and a brute-force
// permutation p over all 1680 assignments (scripts/reference/ancova_omnibus.R).
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <vector>

#include "fixture.hpp"
#include "pilotstat/analysis/ancova_omnibus.hpp"

using namespace pilotstat;

TEST_CASE("ancova omnibus: F and the exact permutation p match R (3 x 3)") {
    std::map<std::string, double> ref;
    for (const auto& row : fixture::read("reference/ancova_omnibus.csv")) ref[row.str("name")] = row.num("value");
    const std::vector<std::vector<double>> post{{12, 15, 11}, {9, 8, 10}, {4, 6, 5}};
    const std::vector<std::vector<double>> base{{20, 24, 19}, {21, 18, 22}, {20, 23, 19}};
    const auto r = analysis::ancova_omnibus_test(post, base);
    REQUIRE(r);
    REQUIRE(r->f);
    CHECK(*r->f == doctest::Approx(ref.at("f")).epsilon(1e-10));
    CHECK(r->test.p_value == doctest::Approx(ref.at("p")).epsilon(1e-12));
    CHECK(r->test.arrangements == ref.at("total"));
    CHECK(r->test.method == core::Method::exact_enumeration);
    CHECK(r->df_between == 2.0);
    CHECK(r->df_within == 5.0);
    // Monte Carlo when enumeration is not allowed: within 4 SE of the exact p
    core::ExactOptions mc;
    mc.max_enumeration = 100;
    mc.resamples = 20000;
    const auto m = analysis::ancova_omnibus_test(post, base, mc);
    REQUIRE(m);
    CHECK(m->test.method == core::Method::monte_carlo);
    CHECK(std::fabs(m->test.p_value - ref.at("p")) < 4 * std::sqrt(ref.at("p") / 20000) + 1.0 / 20001);
    CHECK(*m->f == *r->f);
}

TEST_CASE("ancova omnibus: no test for a constant baseline, an empty arm or no residual df") {
    const std::vector<std::vector<double>> post{{1, 2}, {3, 4}, {5, 6}};
    CHECK_FALSE(analysis::ancova_omnibus_test(post, std::vector<std::vector<double>>{{1, 1}, {1, 1}, {1, 1}}));
    CHECK_FALSE(analysis::ancova_omnibus_test(std::vector<std::vector<double>>{{1, 2}, {}, {5, 6}},
                                              std::vector<std::vector<double>>{{1, 2}, {}, {5, 6}}));
    // N = 4, k = 3: N - k - 1 = 0
    CHECK_FALSE(analysis::ancova_omnibus_test(std::vector<std::vector<double>>{{1, 2}, {3}, {5}},
                                              std::vector<std::vector<double>>{{1, 3}, {2}, {4}}));
    // lengths that do not match
    CHECK_FALSE(analysis::ancova_omnibus_test(post, std::vector<std::vector<double>>{{1, 2}, {3}, {5, 6}}));
}
