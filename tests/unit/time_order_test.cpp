#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "pilotstat/data/time_order.hpp"

using pilotstat::data::natural_time_order;

namespace {
// The labels in the order natural_time_order puts them, or {} when it has none.
std::vector<std::string> ordered(const std::vector<std::string>& labels) {
    const auto order = natural_time_order(labels);
    if (!order) return {};
    std::vector<std::string> out;
    for (auto i : *order) out.push_back(labels[i]);
    return out;
}
using V = std::vector<std::string>;
}  // namespace

TEST_CASE("natural time order: baseline words first, then by the number in the label") {
    CHECK(ordered({"week 6", "baseline", "week 2"}) == V{"baseline", "week 2", "week 6"});
    CHECK(ordered({"T2", "T0", "T10", "T1"}) == V{"T0", "T1", "T2", "T10"});  // numbers, not text
    CHECK(ordered({"session 3", "session 1", "screening", "session 6"}) ==
          V{"screening", "session 1", "session 3", "session 6"});
    CHECK(ordered({"Visit10", "visit2"}) == V{"visit2", "Visit10"});
    CHECK(ordered({"T1", "baseline", "T0"}) == V{"baseline", "T0", "T1"});
}

TEST_CASE("natural time order: durations in different units share a scale of days") {
    CHECK(ordered({"month 3", "day 7", "week 2", "baseline"}) == V{"baseline", "day 7", "week 2", "month 3"});
    CHECK(ordered({"6mo", "w6", "12 weeks"}) == V{"w6", "12 weeks", "6mo"});
    CHECK(ordered({"week_2", "week_6", "week_12"}) == V{"week_2", "week_6", "week_12"});
}

TEST_CASE("natural time order: none when labels do not share one scale") {
    CHECK_FALSE(natural_time_order({"pre", "post"}));          // "post" has no number
    CHECK_FALSE(natural_time_order({"baseline", "follow-up"}));
    CHECK_FALSE(natural_time_order({"T1", "week 6"}));         // an ordinal beside a duration
    CHECK_FALSE(natural_time_order({"session 1", "visit 2"}));  // two families of ordinals
    CHECK_FALSE(natural_time_order({"week 2", "wk2"}));         // a tie
    CHECK_FALSE(natural_time_order({"2023-01-05", "2023-02-05"}));  // dates hold several numbers
    CHECK_FALSE(natural_time_order({"baseline", "bl"}));        // two baselines
}
