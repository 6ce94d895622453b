// The paired t-test (one-sample t on the differences) and the summary of the
// differences shared with the paired effect sizes.
#pragma once

#include <cstddef>
#include <optional>
#include <span>

#include "pilotstat/core/interval.hpp"
#include "pilotstat/core/test_result.hpp"

namespace pilotstat::inference {

// n, mean and sd (n - 1 denominator) of the differences. When the values are
// exact decimals (integer_scaling succeeds) the sums use exact 128-bit
// integer arithmetic and round once at the end; otherwise a
// two-pass long-double computation. sd = 0 for n < 2.
struct DifferenceSummary {
    std::size_t n = 0;
    double mean = 0.0;
    double sd = 0.0;
};
DifferenceSummary summarize_differences(std::span<const double> differences);

struct PairedTResult {
    core::TestResult test;         // statistic = t, df = n - 1, method asymptotic
    double mean_difference;  // later minus earlier
    double se;               // sd / sqrt(n)
    core::Interval ci;    // t interval for the mean difference
};

// Paired t-test (Student 1908; as R's t.test(to, from, paired = TRUE)):
// t = mean(d) / (sd(d) / sqrt(n)), df = n - 1, p from Boost.Math's Student t.
// CI: mean ± t_{df, 1 - (1 - conf)/2} se (two-sided); for one-sided
// alternatives the unbounded end is ±infinity, as R reports it
// (ci.method "t (one-sided)"). Returns nullopt for n < 2 and for differences
// that are all equal but not zero (zero variance: t would be infinite); all
// differences zero gives t = 0, p = 1, CI [0, 0], note "all differences zero".
// Throws DataError for non-finite differences.
std::optional<PairedTResult> paired_t_test(std::span<const double> differences,
                                           core::Alternative alternative = core::Alternative::two_sided,
                                           double conf = 0.95);

}  // namespace pilotstat::inference
