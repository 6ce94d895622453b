// Size of a two-arm main trial from a target difference in points and an
// outcome SD: the two-sided two-sample (pooled-variance) t test at alpha with
// the given power, d = difference / sd, solved by t_sample_size (noncentral
// t, both tails; the n is pwr::pwr.t.test's n rounded up), and the number to
// randomize when only a share of participants provide the endpoint.
#pragma once

#include <optional>

#include "pilotstat/power/t_power.hpp"

namespace pilotstat::power {

// n per arm for the two-sided two-sample t test to detect `difference` points
// when the outcome SD is `sd` (d = difference / sd). nullopt when more than
// max_n per arm would be needed. Throws UsageError unless difference > 0,
// sd > 0, 0 < alpha < 1 and alpha < power < 1.
std::optional<SampleSize> main_trial_n(double difference, double sd, double alpha, double power,
                                       int max_n = 10'000'000);

// Participants to randomize per arm so that about n provide the endpoint when
// `retained` of `randomized` did in the pilot: ceiling(n / (retained /
// randomized)) = ceiling(n * randomized / retained), in integers (no
// rounding error at exact multiples). nullopt when retained is 0. Throws
// UsageError unless n >= 0 and 0 <= retained <= randomized, randomized > 0.
std::optional<long> attrition_adjusted(long n, long retained, long randomized);

}  // namespace pilotstat::power
