// Exact randomization inference for the mixed model for repeated measures:
// the model is refitted under relabelings of the arms (each subject keeps
// its baseline and all its visits), and the statistic t_j = delta_j /
// SE_REML(delta_j) -- the adjusted difference at visit j over its
// model-based (not Kenward-Roger adjusted) standard error -- is referred to
// its distribution over the relabelings. Under the sharp null hypothesis
// that the treatment changes no subject's score at any visit, every
// relabeling was as likely as the one observed, so the p-value is exact
// whatever the covariance structure or the df method: the model only
// shapes the statistic (Fisher 1935; Edgington & Onghena 2007, ch. 3 [1]).
//
// All C(n, n_a) relabelings when there are at most opts.max_enumeration,
// else opts.resamples random ones (Monte Carlo, the project's RNG seeded
// with opts.seed, p = (k + 1) / (B + 1)). Two-sided p by opts'
// two_sided_rule (deviation: P(|T - E T| >= |t - E T|), E T the mean over
// the relabelings), as every exact test of the project.
//
// A relabeling whose model cannot be fitted (no convergence, or a visit
// without scores in an arm) is counted in `failed` and left out: under the
// sharp null the set of relabelings that can be fitted is fixed by the
// data, the observed one belongs to it, and the labels are uniform over
// it, so the p-value over that set is still exact (conditionally on it).
//
// [1] E. S. Edgington, P. Onghena. Randomization Tests, 4th ed. Chapman &
//     Hall/CRC, 2007.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "pilotstat/core/exact_options.hpp"
#include "pilotstat/core/test_result.hpp"
#include "pilotstat/models/mmrm.hpp"

namespace pilotstat::models {

struct MmrmRandomization {
    std::vector<core::TestResult> visit;  // per visit j: t_j
    core::TestResult average;             // the average effect over its model-based SE
    double relabelings = 0;               // enumerated or drawn (B), the observed one included when enumerated
    double failed = 0;                    // of those, how many could not be fitted
};

// `observed` must be a converged fit_mmrm(data, ...) (its covariance
// structure and estimates warm-start every refit). Throws ComputeError when
// Monte Carlo is needed and opts.resamples = 0.
MmrmRandomization mmrm_randomization(const MmrmData& data, const MmrmFit& observed, const core::ExactOptions& opts);

// The relabeling loop, on its own so that a shared null-distribution engine
// can replace it: calls statistic(in_a, out) for every split of n subjects
// (the first n_a in arm A first, i.e. the observed labels, when enumerating)
// or for opts.resamples random splits; `statistic` writes k values to out
// and returns false when they cannot be computed. Returns one TestResult per
// value (observed = `observed[j]`) and the count of failures.
std::vector<core::TestResult> relabeling_tests(std::size_t n, std::size_t n_a, const std::vector<double>& observed,
                                               const std::function<bool(const std::vector<int>&, std::vector<double>&)>& statistic,
                                               const core::ExactOptions& opts, double& relabelings, double& failed);

}  // namespace pilotstat::models
