// The double nearest to the square root of an exact rational, for SDs: the
// variance of exact scores is a rational N / D, and sqrt(nearest_double(N / D))
// rounds twice (it can be 1 ulp off). Here the candidate from the double
// square root is moved until its rounding interval holds sqrt(N / D), checked
// exactly: a midpoint m between adjacent doubles is a dyadic rational, and
// m^2 D <= N is compared in multi-word integers (no long double, so the same
// bits on any platform). Ties (N / D exactly a midpoint squared) go to the
// even mantissa, as IEEE rounding does.
#pragma once

#include <initializer_list>

#include "pilotstat/data/rational.hpp"

namespace pilotstat::data {

__extension__ using uint128 = unsigned __int128;

// sqrt(num / (d_1 d_2 ... d_k)) rounded once; num >= 0, every d_i > 0.
double sqrt_nearest(uint128 num, std::initializer_list<uint128> den_factors);

}  // namespace pilotstat::data
