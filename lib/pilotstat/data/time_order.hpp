// The order of a study's time labels when --times does not give one. Order of
// first appearance in the file is not an order: when the first participant
// missed week 2, it would put week 6 before week 2. Labels are ordered
// naturally instead — baseline words first, then by the number in the label,
// on a common scale of days when the labels name units (day 7 < week 2 <
// month 3) — and only when no natural order exists does the file's order
// count, and then only if every subject agrees with it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace pilotstat::data {

// A permutation `order` of 0..labels.size()-1 (order[k] = index of the k-th
// label in time) when every label has a place on one scale: baseline words
// (screening < baseline, bl, pre, pretreatment, intake) and labels holding one
// number, either all with duration units (day, week, month, year; "w6",
// "week_6", "6 months") or all sharing one prefix/suffix (T0 < T1, session 1
// < session 3, visit 2 < visit 10). nullopt otherwise (e.g. "post",
// "follow-up", or T1 beside week 6), and when two labels tie (week 2, wk2).
std::optional<std::vector<std::size_t>> natural_time_order(const std::vector<std::string>& labels);

}  // namespace pilotstat::data
