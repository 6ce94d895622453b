// The exact null distribution of a two-sample sum statistic: how many of the
// C(N, m) subsets of size m of N integer scores have each possible sum.
// Two providers give the same object so that they can be compared:
//  - the shift / dynamic-programming algorithm of Streitberg & Röhmel [1]
//    (polynomial in N, m and the range of sums; counts held as doubles), and
//  - revolving-door enumeration of all subsets with an O(1) update per
//    subset (splits.hpp).
// Scores must be integers: callers obtain them with integer_scaling() and
// fall back (named in the result) when that fails.
//
// [1] B. Streitberg, J. Röhmel. Exact distributions for permutation and rank
//     tests: an introduction to some recently published algorithms.
//     Statistical Software Newsletter 12 (1986) 10-17.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace pilotstat::resample {

// Sparse distribution of the subset sum: sums[i] (ascending, distinct) is
// reached by counts[i] * 2^log2_scale > 0 of the subsets (the DP rescales its
// table by a power of two, exactly, once counts pass 2^600, so that
// C(1040, 520) ~ 10^311 does not overflow).
struct SubsetSumCounts {
    std::vector<std::int64_t> sums;
    std::vector<double> counts;
    int log2_scale = 0;
};

// Cells of the DP table: (m' + 1) x (range of sums / g + 1), g the gcd of the
// scores' differences from the smallest.
double subset_sum_dp_table(std::span<const std::int64_t> units, int m);

// Work of the DP for these scores: N x (m' + 1) x (range of sums + 1), with
// m' = min(m, N - m). Compare with ExactOptions::max_dp_cells.
double subset_sum_dp_cost(std::span<const std::int64_t> units, int m);

// Shift/DP algorithm [1]. Returns nullopt when the cost exceeds max_cost or
// the table exceeds core::kMaxDpTableCells. Counts sum to C(N, m) (exact
// while the counts stay below 2^53, relatively accurate to ~1e-15 N beyond).
std::optional<SubsetSumCounts> subset_sums_by_dp(std::span<const std::int64_t> units, int m,
                                                 double max_cost);

// Enumeration of all C(N, m) subsets; identical output to the DP.
SubsetSumCounts subset_sums_by_enumeration(std::span<const std::int64_t> units, int m);

}  // namespace pilotstat::resample
