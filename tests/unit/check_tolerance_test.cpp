// Tolerances and expected values of expectations files, each at its boundary.
#include <doctest/doctest.h>

#include "pilotstat/check/tolerance.hpp"

using namespace pilotstat::check;

namespace {
bool passes(const char* expected, const char* tolerance, double computed) {
    const auto t = parse_tolerance(tolerance);
    REQUIRE(t);
    const auto e = parse_expected(expected, t->kind == ToleranceKind::pvalue);
    REQUIRE(e);
    return accepts(acceptance(*e, *t), computed, computed);
}
}  // namespace

TEST_CASE("Check tolerance: parsing") {
    CHECK(parse_tolerance("abs:0.01")->kind == ToleranceKind::absolute);
    CHECK(parse_tolerance("abs:0.01")->amount == 0.01);
    CHECK(parse_tolerance("rel:5%")->kind == ToleranceKind::relative);
    CHECK(parse_tolerance("rel:5%")->amount == 5);
    CHECK(parse_tolerance("decimals:2")->decimals == 2);
    CHECK(parse_tolerance("p:3")->kind == ToleranceKind::pvalue);
    CHECK(parse_tolerance("exact")->kind == ToleranceKind::exact);
    for (const char* bad : {"", "abs", "abs:", "abs:-1", "abs:x", "rel:5", "rel:%", "decimals:-1", "decimals:16",
                            "decimals:2.5", "p:", "exactly", "tol:1", "abs:nan", "abs:inf"})
        CHECK_MESSAGE(!parse_tolerance(bad), bad);
}

TEST_CASE("Check tolerance: expected values are parsed strictly") {
    CHECK(parse_expected("-21.88", false)->value == -21.88);
    CHECK(parse_expected("-21.88", false)->decimals == 2);
    CHECK(parse_expected("5.0", false)->decimals == 1);
    for (const char* bad : {"", "abc", "1,5", "nan", "inf", "0x10", "<0.05", "1 2", " 3"})
        CHECK_MESSAGE(!parse_expected(bad, false), bad);
    CHECK(parse_expected("<0.05", true)->bound == Bound::below);
    CHECK(parse_expected("<=0.05", true)->bound == Bound::at_most);
    CHECK(parse_expected(">.05", true)->bound == Bound::above);
    CHECK(parse_expected(">=0.1", true)->bound == Bound::at_least);
    CHECK(!parse_expected("<", true));
    CHECK(!parse_expected("<x", true));
}

TEST_CASE("Check tolerance: decimals:K passes exactly at +-0.5*10^-K and fails just beyond") {
    CHECK(passes("1.23", "decimals:2", 1.225));
    CHECK(passes("1.23", "decimals:2", 1.235));  // 1.235 - 1.23 is 0.0050000000000001 in doubles
    CHECK(passes("-21.88", "decimals:2", -21.875));
    CHECK(passes("-21.88", "decimals:2", -21.885));
    CHECK_FALSE(passes("1.23", "decimals:2", 1.2351));
    CHECK_FALSE(passes("1.23", "decimals:2", 1.22499));
    CHECK_FALSE(passes("1.23", "decimals:2", 1.235 + 1e-9));
    CHECK(passes("-36", "decimals:0", -36.5));
    CHECK(passes("-36", "decimals:0", -35.5));
    CHECK_FALSE(passes("-36", "decimals:0", -36.5000001));
    CHECK(passes("1000.5", "decimals:1", 1000.55));
    CHECK(passes("0.0625", "decimals:4", 0.06245));
}

TEST_CASE("Check tolerance: abs and rel at their boundaries") {
    CHECK(passes("10", "abs:0.1", 10.1));
    CHECK(passes("10", "abs:0.1", 9.9));
    CHECK_FALSE(passes("10", "abs:0.1", 10.1001));
    CHECK_FALSE(passes("10", "abs:0.1", 9.8999));
    CHECK(passes("200", "rel:5%", 210));
    CHECK(passes("200", "rel:5%", 190));
    CHECK(passes("-200", "rel:5%", -210));
    CHECK_FALSE(passes("200", "rel:5%", 210.001));
    CHECK_FALSE(passes("-200", "rel:5%", -189.999));
    CHECK(passes("0", "rel:5%", 0));
    CHECK_FALSE(passes("0", "rel:5%", 1e-300));
    CHECK(passes("3", "abs:0", 3));
}

TEST_CASE("Check tolerance: exact is equality of doubles") {
    CHECK(passes("6.4", "exact", 6.4));
    CHECK(passes("0.0625", "exact", 1.0 / 16));
    CHECK_FALSE(passes("6.4", "exact", 6.4 + 1e-15));
    CHECK_FALSE(passes("0.3", "exact", 0.1 + 0.2));
}

TEST_CASE("Check tolerance: p:K for numbers and for bounds") {
    CHECK(passes("0.04", "p:2", 0.045));
    CHECK(passes("0.04", "p:2", 0.035));
    CHECK_FALSE(passes("0.04", "p:2", 0.0451));
    CHECK(passes("0.000", "p:3", 0.0005));
    CHECK_FALSE(passes("0.000", "p:3", 0.00051));
    CHECK(passes("<0.05", "p:3", 0.0499));
    CHECK_FALSE(passes("<0.05", "p:3", 0.05));
    CHECK(passes("<=0.05", "p:3", 0.05));
    CHECK(passes(">0.05", "p:3", 0.0625));
    CHECK_FALSE(passes(">0.05", "p:3", 0.05));
    CHECK(passes(">=0.05", "p:3", 0.05));
    CHECK(passes("<.001", "p:3", 0.0002));
    // a computed range passes when it meets the interval
    const auto a = acceptance(*parse_expected("0.03", true), *parse_tolerance("p:2"));
    CHECK(accepts(a, 0.0349, 0.04));
    CHECK_FALSE(accepts(a, 0.0351, 0.04));
}
