// Exact p of a published Mann–Whitney U from the group sizes alone, for `pvalue test=U`
// rows and `check --scan` (docs/check.md, "p-values"). Without ties every assignment of
// the ranks 1..n1+n2 to the groups is equally likely under H0, so the null distribution
// of U depends on n1 and n2 only: R's pwilcox, and the exact p of wilcox.test(x, y) when
// there are no ties. A U with a half (ties) has no such distribution and is refused.
#pragma once

#include <cstdint>

namespace pilotstat::check {

// Largest n1 + n2 for which the exact distribution is computed (a 200-by-10^4 table at most).
inline constexpr std::int64_t kMaxUGroups = 100;

// p as R's wilcox.test(exact = TRUE) reports it: two-sided min(1, 2 P(U' <= min(u, n1 n2 - u)));
// one-sided (tails = 1) the smaller tail P(U' <= min(u, n1 n2 - u)), the direction not being
// in the text. Requires 1 <= n1, n2, n1 + n2 <= kMaxUGroups and 0 <= u <= n1 n2.
double mann_whitney_u_p(std::int64_t u, std::int64_t n1, std::int64_t n2, int tails);

}  // namespace pilotstat::check
