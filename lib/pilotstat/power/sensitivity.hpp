// Design sensitivity: the smallest true standardized effect a t test detects
// with a target power at the arm sizes and alpha of a study as run. It is a
// property of the design (sizes, alpha, alternative, residual df), never of
// the observed effect: "observed power" and "the n needed to detect the
// observed effect" are deliberately absent (Hoenig & Heisey 2001 [1]; sizing
// the main trial belongs to `plan`, from the MCID: Leon, Davis & Kraemer
// 2011 [2]).
//
// The t statistic has `df` degrees of freedom and noncentrality
// effect * sqrt(n_eff):
//   paired (n pairs)               df = n - 1,       n_eff = n        (effect: dz)
//   two-sample (n_a v n_b)         df = n_a + n_b - 2, n_eff = n_a n_b / (n_a + n_b)  (d)
//   ANCOVA (n_a v n_b, 1 covariate) df = n_a + n_b - 3, n_eff as two-sample, the
//     effect in units of the residual SD (balanced baseline assumed: the
//     covariate's variance inflation is taken as 1).
// For n_a = n_b = n the two-sample case is power.t.test's (n per arm).
//
// [1] Hoenig J.M., Heisey D.M. (2001). The abuse of power. Am Stat 55, 19-24.
// [2] Leon A.C., Davis L.L., Kraemer H.C. (2011). The role and interpretation
//     of pilot studies in clinical research. J Psychiatr Res 45, 626-629.
#pragma once

#include <cstddef>
#include <optional>

#include "pilotstat/power/t_power.hpp"

namespace pilotstat::power {

struct TDesign {
    double df = 0.0;
    double n_eff = 0.0;
};

TDesign paired_design(std::size_t n);
TDesign two_sample_design(std::size_t n_a, std::size_t n_b);
TDesign ancova_design(std::size_t n_a, std::size_t n_b);

// Power of the level-alpha t test of `design` at standardized effect
// `effect` (both tails for two-sided, as t_power). Throws UsageError for
// df <= 0 or an invalid alpha.
double design_power(const TDesign& design, double alpha, core::Alternative alternative, double effect);

// The minimal detectable effect at `power` (signed as the alternative:
// negative for "less", positive otherwise). nullopt when df <= 0. Throws
// UsageError unless alpha < power < 1.
std::optional<double> design_min_effect(const TDesign& design, double alpha, core::Alternative alternative,
                                        double power = 0.8);

}  // namespace pilotstat::power
