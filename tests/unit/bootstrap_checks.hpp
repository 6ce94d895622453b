// Shared assertion for tests that compare a fast bootstrap path with the
// general one: same note, label, resample count and interval, bit for bit.
#pragma once

#include <doctest/doctest.h>

#include "pilotstat/bootstrap/intervals.hpp"

inline void check_same_interval(const pilotstat::bootstrap::BootstrapInterval& fast,
                                const pilotstat::bootstrap::BootstrapInterval& slow) {
    CHECK(fast.note == slow.note);
    CHECK(fast.method_label == slow.method_label);
    CHECK(fast.resamples == slow.resamples);
    REQUIRE(fast.interval.has_value() == slow.interval.has_value());
    if (fast.interval) {
        CHECK(fast.interval->low == slow.interval->low);
        CHECK(fast.interval->high == slow.interval->high);
    }
}
