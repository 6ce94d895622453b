// The confidence interval printed for Cliff's delta: Newcombe's score-type
// interval for the Mann-Whitney effect size theta = P(A > B) + P(A = B) / 2,
// carried over to delta = 2 theta - 1. It is valid at complete separation
// (delta = +-1 gives a half-open interval of non-zero width), where every
// bootstrap delta equals the estimate and the bootstrap interval collapses.
// Chosen over the bootstrap and the Brunner-Munzel interval by measured
// coverage (scripts/coverage/, docs/methods/intervals.md).
//
// References
// [1] Newcombe RG (2006). Confidence intervals for an effect size measure
//     based on the Mann-Whitney statistic. Part 2: asymptotic methods and
//     evaluation. Statistics in Medicine 25:559-573 (method 5: the score
//     interval with the variance of [2] and N* = (m + n) / 2).
// [2] Hanley JA, McNeil BJ (1982). The meaning and use of the area under a
//     receiver operating characteristic (ROC) curve. Radiology 143:29-36.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "pilotstat/core/interval.hpp"

namespace pilotstat::effects {

struct DeltaInterval {
    double delta = 0.0;           // Cliff's delta, = 2 theta - 1
    double theta = 0.5;           // P(A > B) + P(A = B) / 2 (ties as cliffs_delta: 1e-9 relative)
    std::optional<core::Interval> ci;  // nullopt when a group has fewer than 2 values (see note)
    std::string note;             // "too few observations" when ci is nullopt
};

// Newcombe's score interval [1]: the set of theta in [0, 1] with
//     (theta_hat - theta)^2 <= z^2 V(theta),  z = Phi^-1((1 + conf) / 2),
//     V(theta) = theta (1 - theta) [1 + (N* - 1) ((1 - theta)/(2 - theta) + theta/(1 + theta))] / (m n),
// N* = (m + n) / 2, m = |a|, n = |b| — the Hanley-McNeil variance [2] under
// the exponential model, evaluated at the hypothesised theta (not at
// theta_hat, which is what makes the interval non-degenerate at theta_hat = 0
// or 1), with m - 1 and n - 1 both replaced by N* - 1. Multiplying by
// (2 - theta)(1 + theta) > 0 turns the condition into a quartic polynomial
// inequality; its ends are found by bisection (to 1e-15) after locating every
// sign change on a grid of 4096 cells of [0, 1]; the ends of the hull of the
// set are reported, in delta = 2 theta - 1. Sign: A minus B, as cliffs_delta.
// ci->method is "newcombe score". Throws DataError on a non-finite value;
// nullopt ci when a group has fewer than 2 values or conf is not in (0, 1).
DeltaInterval cliffs_delta_score_interval(std::span<const double> a, std::span<const double> b,
                                          double conf = 0.95);

// theta_hat = P(A > B) + P(A = B)/2 over all pairs, with the tie tolerance of
// cliffs_delta (exposed for the coverage simulation and tests).
double mann_whitney_theta(std::span<const double> a, std::span<const double> b);

}  // namespace pilotstat::effects
