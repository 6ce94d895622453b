// Two-sample Hodges–Lehmann shift estimate with its exact distribution-free
// confidence interval (inversion of the Wilcoxon rank-sum test).
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "pilotstat/core/interval.hpp"

namespace pilotstat::effects {

struct HodgesLehmann {
    double estimate = 0.0;       // median of all na*nb differences a_i - b_j
    core::Interval ci;                 // exact; ci.conf is the requested level
    double achieved_conf = 0.0;  // 1 - 2 P(U <= k - 1): the interval's exact coverage (untied data)
    bool ties = false;           // pooled sample has ties (see below)
};

// Hodges–Lehmann shift (A - B) = median{a_i - b_j} [1]. Interval: with U the
// Mann–Whitney count and k = qwilcox((1 - conf)/2, na, nb) (the smallest k with
// P(U <= k) >= (1 - conf)/2, set to 1 when it is 0), the closed interval
// [D(k), D(na nb - k + 1)] of the ordered differences [2] — exactly R's
// wilcox.test(a, b, conf.int = TRUE, exact = TRUE). Its coverage for
// continuous data is achieved_conf = 1 - 2 P(U <= k - 1), which may exceed the
// requested level (and falls below it when na nb is too small for any k).
// Ties: the same order statistics from the untied Wilcoxon distribution. The
// closed interval then covers at least achieved_conf (ties only widen the set of
// shifts not rejected), so it is conservative, not exact; R falls back to a
// normal approximation there instead. `ties` flags this case.
// Returns nullopt when a group is empty, a value is not finite, or conf is
// not in (0, 1).
// [1] Hodges J.L., Lehmann E.L. (1963). Ann. Math. Stat. 34(2), 598-611.
// [2] Bauer D.F. (1972). Constructing confidence sets using rank statistics.
//     JASA 67(339), 687-690.
std::optional<HodgesLehmann> hodges_lehmann(std::span<const double> a, std::span<const double> b,
                                            double conf = 0.95);

// Null distribution of the Mann–Whitney U (pairs with a_i > b_j) for sizes
// na, nb without ties: element u is the number of the C(na+nb, na) splits with
// U = u, u = 0..na nb (exact while the counts stay below 2^53).
std::vector<double> mann_whitney_counts(int na, int nb);

}  // namespace pilotstat::effects
