// The outcome SD a pilot gives for planning a main trial, and its upper
// confidence limit. A pilot's SD is itself very imprecise (with 8 degrees of
// freedom its two-sided 80% interval runs from 0.77 to 1.51 times the estimate), so
// sizing on the point estimate gives an underpowered main trial about half
// of the time; Browne [1] proposed sizing on an upper confidence limit
// instead, and Sim & Lewis [2] recommend the one-sided 80% limit for pilots.
//
// [1] Browne R.H. (1995). On the use of a pilot sample for sample size
//     determination. Statistics in Medicine 14(17), 1933-1940.
// [2] Sim J., Lewis M. (2012). The size of a pilot study for a clinical trial
//     should be calculated in relation to considerations of precision and
//     efficiency. Journal of Clinical Epidemiology 65(3), 301-308.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace pilotstat::power {

// Pooled within-arm SD: s^2 = sum_i sum_j (x_ij - mean_i)^2 / df with
// df = sum_i (n_i - 1) over the arms (the pooled-variance t test's SD;
// every SD is the n - 1 sample SD). Arms with fewer than one value add
// nothing; nullopt when df < 1.
struct PooledSd {
    double sd = 0.0;
    double df = 0.0;
};
std::optional<PooledSd> pooled_sd(std::span<const std::vector<double>> arms);

// One-sided upper `conf` confidence limit of sigma from an SD estimate with
// df degrees of freedom, df s^2 / sigma^2 ~ chi-squared(df) [1, 2]:
//   UCL = sqrt(df s^2 / chi2_{1 - conf, df})
// (R: sqrt(df * s^2 / qchisq(1 - conf, df))). Throws UsageError unless
// sd >= 0, df > 0 and 0 < conf < 1.
double sd_upper_limit(double sd, double df, double conf);

}  // namespace pilotstat::power
