// The omnibus test of a baseline-adjusted comparison of k >= 3 arms: the
// ANCOVA F for the arm factor in post = arm + beta * baseline (common slope),
// with its permutation distribution over all assignments of the arm labels
// to the participants (each keeps its own baseline and post pair), as the
// two-arm models::ancova permutes them. Under relabelling the residual SS of
// post ~ baseline is fixed, so F is an increasing function of the adjusted
// between-arm SS, RSS(post ~ baseline) - RSS(post ~ arm + baseline), which
// the null distribution is built on (Edgington & Onghena 2007, ch. 4 and 6
// [1]). Enumerated up to ExactOptions::max_enumeration assignments, else
// Monte Carlo with B = resamples random relabellings (p = (k+1)/(B+1)). An
// assignment with no within-arm baseline spread uses the unadjusted
// between-arm SS (as models::ancova's raw difference there). Upper tail only.
//
// [1] E. S. Edgington, P. Onghena. Randomization Tests, 4th ed. Chapman &
//     Hall/CRC, 2007.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "pilotstat/core/exact_options.hpp"
#include "pilotstat/inference/k_sample_tests.hpp"

namespace pilotstat::analysis {

// post[g] and baseline[g]: the arms' paired scores (equal lengths). test.statistic
// is F (ss_between: the adjusted between-arm SS; ss_within: the full model's
// residual SS; df_between = k - 1, df_within = N - k - 1). nullopt for fewer
// than 2 arms, an empty arm, N - k - 1 < 1, or a constant baseline.
std::optional<inference::OneWayResult> ancova_omnibus_test(std::span<const std::vector<double>> post,
                                                           std::span<const std::vector<double>> baseline,
                                                           const core::ExactOptions& options = {});

}  // namespace pilotstat::analysis
