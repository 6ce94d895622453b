// Confidence intervals for a binomial proportion and for the difference of
// two independent proportions (responder rates per arm).
#pragma once

#include <optional>

#include "pilotstat/core/interval.hpp"

namespace pilotstat::stats {

// Clopper–Pearson "exact" interval for x successes in n trials [1]:
// low = Beta^-1((1 - conf)/2; x, n - x + 1) (0 when x = 0),
// high = Beta^-1((1 + conf)/2; x + 1, n - x) (1 when x = n); as R's
// binom.test(x, n)$conf.int. Guaranteed coverage >= conf (conservative).
// nullopt when n <= 0, x < 0, x > n or conf not in (0, 1).
// [1] Clopper C.J., Pearson E.S. (1934). Biometrika 26(4), 404-413.
std::optional<core::Interval> clopper_pearson(long x, long n, double conf = 0.95);

// Wilson score interval without continuity correction [2]:
// (p + z^2/2n -/+ z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n), z = Φ^-1((1+conf)/2);
// as R's prop.test(x, n, correct = FALSE)$conf.int. Same nullopt rules.
// [2] Wilson E.B. (1927). JASA 22(158), 209-212.
std::optional<core::Interval> wilson(long x, long n, double conf = 0.95);

// Newcombe's hybrid score interval for p1 - p2 (x1/n1 - x2/n2), method 10 of
// [3]: with Wilson limits (l1, u1), (l2, u2) at level conf,
//   low  = p1 - p2 - sqrt((p1 - l1)^2 + (u2 - p2)^2),
//   high = p1 - p2 + sqrt((u1 - p1)^2 + (p2 - l2)^2).
// Sign: group 1 minus group 2 (A - B). nullopt when either wilson() is.
// [3] Newcombe R.G. (1998). Interval estimation for the difference between
//     independent proportions: comparison of eleven methods. Stat. Med. 17,
//     873-890.
std::optional<core::Interval> newcombe_difference(long x1, long n1, long x2, long n2,
                                                     double conf = 0.95);

}  // namespace pilotstat::stats
