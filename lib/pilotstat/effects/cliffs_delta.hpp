// Cliff's delta, the dominance effect size for two independent samples, and
// its bootstrap interval (exact enumeration of both samples' multisets at
// small n, Monte Carlo beyond).
//
// References
// [1] Cliff N (1993). Dominance statistics: ordinal analyses to answer ordinal
//     questions. Psychological Bulletin 114(3):494-509.
// [2] Fisher NI, Hall P (1991). Bootstrap algorithms for small samples.
//     J Stat Plan Inference 27:157-169 (exact enumeration).
#pragma once

#include <optional>
#include <span>

#include "pilotstat/bootstrap/intervals.hpp"

namespace pilotstat::effects {

// delta = P(A > B) - P(A < B) = (#{a_i > b_j} - #{a_i < b_j}) / (n_a n_b) over
// all pairs [1]; in [-1, 1], positive when A tends to be larger (group A minus
// group B, as every comparison here). Values closer than 1e-9 of the largest
// |value| tie (as stats::mid_ranks), so computed change scores that differ by
// rounding noise count as equal. Equals the rank-biserial correlation of R's
// effectsize::cliffs_delta. nullopt when a sample is empty.
std::optional<double> cliffs_delta(std::span<const double> a, std::span<const double> b);

// Bootstrap interval for Cliff's delta, resampling each sample separately:
// exact over all multiset pairs when bootstrap::exact_feasible(n_a, n_b,
// max_exact) (5 v 5: 15,876 pairs), else Monte Carlo with options.resamples
// and options.seed. The method is options.method (default
// bootstrap::default_method()); BCa uses the two-sample jackknife (leave out
// each observation of a, then of b); the expanded percentile uses
// m = min(n_a, n_b). A sample with n < 2 gives no interval
// (note too_few_observations); all bootstrap values equal (e.g. complete
// separation, delta = +-1) gives [delta, delta] with all_values_equal.
bootstrap::BootstrapInterval cliffs_delta_interval(std::span<const double> a, std::span<const double> b,
                                                   const bootstrap::BootstrapOptions& options);

}  // namespace pilotstat::effects
