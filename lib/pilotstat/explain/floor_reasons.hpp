// Reasons and notes about the discreteness of the primary exact test: its
// smallest attainable p-value for any data of this size (the design floor)
// and for these data (the data floor, raised by zeros and ties).
#pragma once

#include <optional>
#include <string>

#include "pilotstat/explain/reason.hpp"

namespace pilotstat::explain {

struct FloorInfo {
    std::string test;          // "exact sign-flip test"
    std::string size;          // "5 pairs", "5 v 5"
    std::string unit;          // "sign patterns", "splits"
    double design_floor = 0;   // smallest p any data of this size could give
    double data_floor = 0;     // smallest p attainable with these data's ties and zeros
    double arrangements = 0;   // 2^n or C(N, n_a)
    std::size_t zeros = 0;     // zero differences (paired designs)
    // Another test on the same data, to show that the floor is this test's own
    // (empty name: none given).
    std::string other_test;
    double other_p = 1;
};

// P_FLOOR: the primary test's design floor or data floor is >= alpha, so no
// data of this size (or no rearrangement of these data) reaches alpha with it.
std::optional<Reason> p_floor_reason(const FloorInfo& f, double alpha);

// COARSE (a note, not a reason): the design floor is below alpha but at most
// 10 attainable p-values lie below it.
std::optional<Reason> coarse_note(const FloorInfo& f, double alpha);

// ZEROS (when the data have zero differences) or TIES: the data floor is
// above the design floor, i.e. these values raise the primary test's
// smallest attainable p-value. Ties that leave the floor alone do not fire.
std::optional<Reason> zeros_ties_reason(const FloorInfo& f);

}  // namespace pilotstat::explain
