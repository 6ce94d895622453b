// The noncentral t distribution as used for standardized-mean-difference
// intervals, and Hedges' exact small-sample bias correction.
#pragma once

#include <optional>

#include "pilotstat/core/interval.hpp"

namespace pilotstat::stats {

// Confidence interval for the noncentrality parameter of a noncentral t with
// `df` degrees of freedom given an observed t ("pivoting the cdf", Steiger &
// Fouladi 1997 [1]; as R's effectsize / MBESS): [ncp_lo, ncp_hi] with
//   P(T <= t | ncp_lo) = (1 + conf) / 2  and  P(T <= t | ncp_hi) = (1 - conf) / 2.
// The cdf is Boost.Math's non_central_t; each bound is found by expanding a
// bracket around t and then TOMS 748 root finding to ~1e-13 relative.
// Returns nullopt when t or df is not finite, df <= 0, conf is not in (0, 1),
// or a root cannot be bracketed. Interval.method = "noncentral-t".
// [1] Steiger J.H., Fouladi R.T. (1997). Noncentrality interval estimation and
//     the evaluation of statistical models. In: What if there were no
//     significance tests? Erlbaum, 221-257.
std::optional<core::Interval> noncentral_t_ncp_interval(double t, double df, double conf);

// P(T <= t) for T ~ noncentral t(df, ncp) (Boost.Math).
double noncentral_t_cdf(double t, double df, double ncp);

// Hedges' exact small-sample correction J(df) = Γ(df/2) / (sqrt(df/2) Γ((df-1)/2))
// [Hedges 1981, eq. 6e], computed through lgamma; as R's effectsize. Not the
// 1 - 3/(4 df - 1) approximation. Requires df > 1 (returns NaN otherwise,
// callers check n first).
// Hedges L.V. (1981). Distribution theory for Glass's estimator of effect size
// and related estimators. J. Educ. Stat. 6(2), 107-128.
double hedges_j(double df);

}  // namespace pilotstat::stats
