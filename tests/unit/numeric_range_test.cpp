// The one check of every numeric option: the value typed, or why not, with
// the valid range in the message.
#include <doctest/doctest.h>

#include <string>

#include "pilotstat/analysis/numeric_range.hpp"
#include "pilotstat/analysis/option_ranges.hpp"
#include "pilotstat/analysis/option_values.hpp"
#include "pilotstat/error.hpp"

using namespace pilotstat::analysis;

namespace {
template <class Range>
std::string why(std::string_view text, const Range& range, std::string_view name = "x") {
    std::string error;
    CHECK_FALSE(parse_in_range(name, text, range, &error).has_value());
    return error;
}
}  // namespace

TEST_CASE("numeric range: descriptions") {
    CHECK(describe_range("alpha", ranges::alpha) == "0 < alpha <= 0.5");
    CHECK(describe_range("conf", ranges::conf) == "0.5 <= conf <= 0.9999");
    CHECK(describe_range("mcid", ranges::mcid) == "mcid > 0");
    CHECK(describe_range("effect", ranges::effect) == "a finite number");
    CHECK(describe_range("x", RealRange{-1.0, 2.5, true, true}) == "-1 < x < 2.5");
    CHECK(describe_range("seed", ranges::seed) == "a whole number 0 <= seed <= 18446744073709551615");
}

TEST_CASE("numeric range: values inside") {
    CHECK(*parse_in_range("alpha", "0.5", ranges::alpha) == 0.5);
    CHECK(*parse_in_range("alpha", "1e-9", ranges::alpha) == 1e-9);
    CHECK(*parse_in_range("effect", "-2.25", ranges::effect) == -2.25);
    CHECK(*parse_in_range("seed", "18446744073709551615", ranges::seed) == 18446744073709551615ull);
    CHECK(*parse_in_range("resamples", "100", ranges::resamples) == 100u);
}

TEST_CASE("numeric range: every way to be wrong") {
    CHECK(why("0", ranges::alpha, "alpha") == "0 is out of range; valid: 0 < alpha <= 0.5");
    CHECK(why("0.51", ranges::alpha, "alpha") == "0.51 is out of range; valid: 0 < alpha <= 0.5");
    CHECK(why("abc", ranges::alpha, "alpha") == "\"abc\" is not a number; valid: 0 < alpha <= 0.5");
    CHECK(why("", ranges::alpha, "alpha") == "\"\" is not a number; valid: 0 < alpha <= 0.5");
    CHECK(why("nan", ranges::effect) == "\"nan\" is not a number; valid: a finite number");
    CHECK(why("1e400", ranges::effect) == "\"1e400\" is not a number; valid: a finite number");
    const CountRange r{100, 1000};
    CHECK(why("99", r) == "99 is out of range; valid: a whole number 100 <= x <= 1000");
    CHECK(why("-5", r) == "-5 is out of range; valid: a whole number 100 <= x <= 1000");
    CHECK(why("150.5", r) == "150.5 is not a whole number; valid: a whole number 100 <= x <= 1000");
    CHECK(why("ten", r) == "\"ten\" is not a number; valid: a whole number 100 <= x <= 1000");
    CHECK(why("18446744073709551616", ranges::seed, "seed") ==
          "18446744073709551616 is out of range; valid: a whole number 0 <= seed <= 18446744073709551615");
}

TEST_CASE("OptionReader: key=value options use the same check and message") {
    const OptionMap options{{"alpha", "0.7"}, {"resamples", "250.5"}};
    const OptionReader opt(options);
    CHECK_THROWS_WITH_AS(opt.real("alpha", 0.05, ranges::alpha), "alpha: 0.7 is out of range; valid: 0 < alpha <= 0.5",
                         pilotstat::UsageError);
    CHECK_THROWS_WITH_AS(opt.count("resamples", 1, ranges::resamples),
                         "resamples: 250.5 is not a whole number; valid: a whole number 100 <= resamples <= 1099511627776",
                         pilotstat::UsageError);
    CHECK(opt.real("conf", 0.95, ranges::conf) == 0.95);  // absent: the default
}
