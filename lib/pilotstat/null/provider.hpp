// Which provider gives a test its null distribution, chosen in one place by
// counting the cost of each:
//   enumeration  visits every arrangement: cost = number of arrangements;
//   shift/DP     exists when the scores are integers after scaling: cost =
//                its work (steps x cells), memory = its table;
//   Monte Carlo  B random arrangements from the project's RNG.
// The DP is used whenever it is possible and cheaper than enumeration (and
// its table fits), enumeration while it stays within
// ExactOptions::max_enumeration, and Monte Carlo only when neither exact
// provider fits. The method label of every result follows from the provider
// (method_of), never from the caller.
#pragma once

#include <optional>

#include "pilotstat/core/exact_options.hpp"
#include "pilotstat/core/test_result.hpp"

namespace pilotstat::null {

enum class Provider { enumeration, dp, monte_carlo };

struct DpCost {
    double table = 0.0;  // cells held at once
    double work = 0.0;   // cell updates in all
};

struct Cost {
    double arrangements = 0.0;   // enumeration: arrangements visited (may be +inf)
    std::optional<DpCost> dp;    // nullopt when no DP applies to these scores
};

// The provider for this cost under these options (see above). Monte Carlo
// with options.resamples == 0 is still returned; run() reports that as an
// error, because then no provider is possible.
Provider choose_provider(const Cost& cost, const core::ExactOptions& options);

// The method of a result from that provider.
core::Method method_of(Provider p);

}  // namespace pilotstat::null
