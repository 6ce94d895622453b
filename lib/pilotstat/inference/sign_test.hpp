// The exact binomial sign test for paired differences.
#pragma once

#include <optional>
#include <span>

#include "pilotstat/core/exact_options.hpp"
#include "pilotstat/core/test_result.hpp"

namespace pilotstat::inference {

// Exact sign test (Hollander, Wolfe & Chicken 2014, §3.4 [1]). Zeros are
// dropped; statistic: the number of positive differences among the m nonzero
// ones; null Binomial(m, 1/2), i.e. the 2^m sign vectors counted by their
// number of + signs (weights C(m, k), total 2^m; method exact-enumeration).
// Two-sided: R's binom.test sums the probabilities not above the observed
// one ("probability" rule, relErr 1 + 1e-7); at p = 1/2 the binomial is
// symmetric, so that equals the deviation rule P(|K - m/2| >= |k - m/2|) used
// here, and the doubled rule as well. p_floor: 2/2^m two-sided, 1/2^m
// one-sided. Returns nullopt for n = 0; all differences zero gives p = 1 with
// note "all differences zero". Only exactly-0.0 differences count as zero.
// [1] Hollander M., Wolfe D.A., Chicken E. (2014). Nonparametric Statistical
//     Methods, 3rd ed. Wiley.
std::optional<core::TestResult> sign_test(std::span<const double> differences,
                                    const core::ExactOptions& opts = {});

}  // namespace pilotstat::inference
