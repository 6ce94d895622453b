// Exact scores: a score on an instrument's grid is a rational k/q (41/7), a
// score written as a plain decimal is m/10^s. Sums, differences and means of
// them are computed in 128-bit integers and rounded once to the nearest double.
#pragma once

#include <cstdint>
#include <optional>

#include "pilotstat/data/decimal.hpp"

namespace pilotstat::data {

__extension__ using int128 = __int128;

struct Rational {
    std::int64_t num = 0;
    std::int64_t den = 1;  // > 0; num/den in lowest terms
};

Rational reduced(std::int64_t num, std::int64_t den);
Rational to_rational(const Decimal& d);  // m / 10^s, reduced

// The double nearest to num/den (round half to even), den != 0. One
// rounding: 65/12 gives 5.416666666666667.
double nearest_double(int128 num, int128 den);
inline double to_double(const Rational& r) { return nearest_double(r.num, r.den); }

// Least common multiple, nullopt on overflow.
std::optional<int128> lcm128(int128 a, int128 b);

// b - a, exactly, rounded once.
std::optional<Rational> difference(const Rational& a, const Rational& b);

}  // namespace pilotstat::data
