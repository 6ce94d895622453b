// Descriptive summary of one sample: the `describe` row.
#pragma once

#include <cstddef>
#include <optional>
#include <span>

#include "pilotstat/data/rational.hpp"

namespace pilotstat::stats {

struct Summary {
    std::size_t n = 0;
    std::optional<double> mean, sd, se, ci_low, ci_high, median, q1, q3, min, max;
};

// n, mean, sample SD (n - 1), SE = sd / sqrt(n), t-based `conf` interval of the
// mean (mean ± t_{(1+conf)/2, n-1} se; Student 1908), median and quartiles by
// R's type 7, min, max. Undefined entries (n = 0; sd, se, CI at n = 1) are
// nullopt, never NaN. `exact`: empty or one exact rational per value (see moments()).
Summary summarize(std::span<const double> x, std::span<const data::Rational> exact, double conf);

// True when no value is NaN or infinite (the effects' degenerate-input guard).
bool all_finite(std::span<const double> x);

}  // namespace pilotstat::stats
