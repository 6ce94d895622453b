// The one entry point of the null-distribution engine. A test describes its
// null distribution (what each provider would cost, how to build it exactly
// by enumeration or DP, how to draw one random arrangement's statistic); run()
// chooses the provider (provider.hpp), computes p, p_floor and, for Monte
// Carlo, the SE and seed, and labels the method. An exact result that is not
// a number, or whose DP table lost its total (counts beyond the range of a
// double), is never reported as exact: run() then falls back to Monte Carlo
// and says so in the note.
#pragma once

#include <functional>
#include <optional>

#include "pilotstat/core/exact_options.hpp"
#include "pilotstat/core/test_result.hpp"
#include "pilotstat/null/exact_distribution.hpp"
#include "pilotstat/null/provider.hpp"
#include "pilotstat/resample/rng.hpp"

namespace pilotstat::null {

struct NullProblem {
    const char* name = "permutation test";  // for error messages
    double observed = 0.0;                   // the observed statistic
    Cost cost;
    // log2 of the number of arrangements, when known (checks a DP's total).
    std::optional<double> log2_arrangements;
    std::function<ExactDistribution()> enumerate;  // needed unless cost.arrangements is +inf
    std::function<ExactDistribution()> dp;         // needed when cost.dp is set
    // The statistic of one random arrangement (Monte Carlo); calls share one Rng.
    std::function<double(resample::Rng&)> draw;
    // E T under the null, for the deviation rule of Monte Carlo; nullopt:
    // the mean of the draws.
    std::optional<double> centre;
    // An upper bound of |T| over all arrangements (sum statistics:
    // |offset| + scale * sum|score|). With it and `centre`, Monte Carlo counts
    // as it draws instead of keeping B statistics (B may be 10^9); the tie
    // tolerance is then tie_tolerance(tie_scale).
    std::optional<double> tie_scale;
};

// The test of problem.observed under `options` (alternative, two-sided rule,
// limits, B, seed). Throws ComputeError when Monte Carlo is needed and
// options.resamples is 0.
core::TestResult run(const NullProblem& problem, const core::ExactOptions& options);

// The exact result of a distribution built by `provider`: dist.test() plus the
// method. Throws ComputeError when the result is not a valid p-value.
core::TestResult exact_test(const ExactDistribution& dist, double observed, Provider provider,
                            const core::ExactOptions& options);

// Validates and labels a result computed outside ExactDistribution (tables
// ordered by their probability, as Fisher's and Boschloo's tests): false when
// p or p_floor is not a number in [0, 1].
bool finish_exact(core::TestResult& r, Provider provider);

}  // namespace pilotstat::null
