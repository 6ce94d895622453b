// Exact null distribution of a sign-flip sum S = sum_i s_i u_i (s_i = ±1) for
// integer units u_i by dynamic programming over attainable sums: the shift
// algorithm's one-sample form (Streitberg & Röhmel 1986; Hollander, Wolfe &
// Chicken 2014, §3.1 for the signed-rank case). Cost n * (sum|u_i| + 1) cell
// updates on a table of sum|u_i| + 1 cells, polynomial where enumeration is
// 2^n. Counts are doubles (exact up to 2^53, i.e. n <= 53; beyond, relative
// accuracy ~1e-16 n); once they pass 2^600 the whole table is multiplied by
// a power of two (exact) and the exponent kept, so they never overflow.
#pragma once

#include <optional>
#include <span>

#include "pilotstat/null/exact_distribution.hpp"
#include "pilotstat/null/sign_flips.hpp"
#include "pilotstat/resample/integer_scaling.hpp"

namespace pilotstat::null {

using resample::IntegerScaling;

// integer_scaling(scores), accepted only when units * step reproduces every
// score to 1e-9 of the largest |score| (integer_scaling's absolute tolerance
// would otherwise turn uniformly tiny scores such as 1e-10 into zeros).
std::optional<IntegerScaling> sign_flip_scaling(std::span<const double> scores);

// Work of the DP: n * (sum_i |u_i| + 1) cell updates.
double sign_flip_dp_cells(const IntegerScaling& scaling);

// Table of the DP: sum_i |u_i| + 1 cells.
double sign_flip_dp_table(const IntegerScaling& scaling);

// The distribution of T = map(step * sum_i s_i |u_i|) over all 2^n sign
// vectors; weights are arrangement counts (times 2^-log2_scale when
// rescaled), total exactly 2^n. Zero units double every count (their sign does
// not move the sum).
ExactDistribution sign_flip_dp(const IntegerScaling& scaling, AffineMap map = {});

// Convenience: detects the integer scaling of `scores` (never assumed) and
// runs the DP; nullopt when the scores are not integers after scaling or the
// work would exceed max_cells.
std::optional<ExactDistribution> sign_flip_dp(std::span<const double> scores, AffineMap map,
                                              double max_cells);

}  // namespace pilotstat::null
