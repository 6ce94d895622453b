// The exact Wilcoxon signed-rank test on mid-ranks, with Pratt's or
// Wilcoxon's handling of zero differences.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "pilotstat/core/exact_options.hpp"
#include "pilotstat/core/test_result.hpp"

namespace pilotstat::inference {

// pratt:    zeros are ranked with the others (|d| mid-ranks over all n), then
//           score 0 (Pratt 1959 [2]); coin's default.
// wilcoxon: zeros are dropped before ranking (Wilcoxon 1945).
enum class ZeroMethod { pratt, wilcoxon };

// Signed-rank scores: a_i = mid-rank of |d_i| (ties by the shared relative
// tolerance), 0 for a zero difference (pratt) or the zero dropped (wilcoxon).
std::vector<double> signed_rank_scores(std::span<const double> differences, ZeroMethod zero);

// Exact Wilcoxon signed-rank test (Hollander, Wolfe & Chicken 2014, §3.1 [1]).
// Statistic: V = sum of the scores of the positive differences (R's V).
// Null: the exact conditional distribution given the ties and zeros,
// V = (sum a_i + sum s_i a_i) / 2 over all 2^n sign vectors; mid-ranks are
// multiples of 1/2, so the DP applies beyond enumeration. Provider chosen by
// sign_flip_null_test. Two-sided: P(|V - E V| >= |v - E V|), as
// coin::wilcoxsign_test(distribution = "exact"). Unlike R's wilcox.test, which
// leaves exactness for a normal approximation with ties or zeros, and SciPy's
// "exact" mode, which ignores the zeros' effect, this is exact in every case.
// A difference is zero only when it is exactly 0.0. Returns nullopt for n = 0;
// all differences zero gives p = 1, note "all differences zero".
// [1] Hollander M., Wolfe D.A., Chicken E. (2014). Nonparametric Statistical
//     Methods, 3rd ed. Wiley.
// [2] Pratt J.W. (1959). Remarks on zeros and ties in the Wilcoxon signed rank
//     procedures. JASA 54, 655-667.
std::optional<core::TestResult> signrank_test(std::span<const double> differences,
                                        const core::ExactOptions& opts = {},
                                        ZeroMethod zero = ZeroMethod::pratt);

}  // namespace pilotstat::inference
