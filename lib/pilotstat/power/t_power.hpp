// Power of the paired and two-sample t tests from the noncentral t
// distribution, and the two solvers built on it: the minimal detectable
// effect at a given n and the n needed for a given effect (Cohen 1988 [1],
// ch. 2; the same computations as R's power.t.test(strict = TRUE) [2] and
// pwr::pwr.t.test [3]).
//
// Conventions (docs/methods/power_multiplicity.md):
//  - effects are standardized: dz = mean(d)/sd(d) for the paired design
//    (one-sample t on the n differences), d = (mu_A - mu_B)/sigma for two
//    samples of n per arm (pooled-variance t);
//  - n is the number of pairs (paired) or the size of EACH arm (two-sample),
//    as power.t.test;
//  - two-sided power counts BOTH rejection tails, as pwr and
//    power.t.test(strict = TRUE) (power.t.test's default strict = FALSE
//    ignores the far tail);
//  - effects keep their sign: "greater" has power for effect > 0, "less"
//    for effect < 0; the solvers return an effect of the matching sign
//    (positive for two-sided).
//
// [1] J. Cohen. Statistical Power Analysis for the Behavioral Sciences, 2nd ed.
//     Erlbaum, 1988.
// [2] R Core Team. stats::power.t.test.
// [3] S. Champely. pwr: Basic Functions for Power Analysis (R package).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pilotstat/core/test_result.hpp"

namespace pilotstat::power {

enum class Design { paired, two_sample };

std::string_view to_string(Design d);           // "paired", "two-sample"
Design parse_design(std::string_view text);     // throws UsageError

// The fixed part of every power question: design, level and direction.
struct PowerSettings {
    Design design = Design::two_sample;
    double alpha = 0.05;
    core::Alternative alternative = core::Alternative::two_sided;
};

// Throws UsageError unless 0 < alpha < 1.
void validate(const PowerSettings& s);

// Degrees of freedom and noncentrality of the t statistic at standardized
// effect `effect`: paired df = n - 1, ncp = dz sqrt(n); two-sample
// df = 2 (n - 1), ncp = d sqrt(n / 2). n may be real (> 1).
double t_df(Design design, double n);
double t_ncp(Design design, double n, double effect);

// Power of the level-alpha t test when the true standardized effect is
// `effect` and the sample size is n (real n > 1 allowed, as power.t.test):
//   two-sided  P(T > q) + P(T < -q),  q = t_{1 - alpha/2, df}
//   greater    P(T > q),              q = t_{1 - alpha, df}
//   less       P(T < -q),             q = t_{1 - alpha, df}
// with T ~ noncentral t(df, ncp) (Boost.Math). Throws UsageError for n <= 1
// or an invalid alpha.
double t_power(const PowerSettings& s, double n, double effect);

// The same power for a t statistic with `df` degrees of freedom and
// noncentrality `ncp` (any design: sensitivity.hpp builds df and ncp for
// unequal arms and ANCOVA). Throws UsageError for df <= 0 or a bad alpha.
double t_power_df(double df, double ncp, double alpha, core::Alternative alternative);

// The noncentrality at which t_power_df reaches `power` (signed as the
// alternative); nullopt when none does. Throws UsageError unless alpha < power < 1.
std::optional<double> t_min_ncp(double df, double alpha, core::Alternative alternative, double power);

// Minimal detectable effect: the standardized effect at which the test has
// power `power` with n per arm / pairs; TOMS 748 root finding on the effect to
// ~1e-14 relative. nullopt when no effect reaches the power (never for
// alpha < power < 1). Throws UsageError unless alpha < power < 1 and n >= 2.
std::optional<double> t_min_effect(const PowerSettings& s, double n, double power);

// Sample size for a power target: `n` is the smallest integer n >= 2 with
// t_power(n) >= power; `n_real` the real-valued root of t_power(n) = power,
// as power.t.test reports it (n_real = 2 when n = 2 already suffices);
// `achieved` is the power at `n`.
struct SampleSize {
    int n = 0;
    double n_real = 0.0;
    double achieved = 0.0;
};

// nullopt when `effect` is zero or points against a one-sided alternative
// (power never exceeds alpha), or when more than `max_n` would be needed.
// Throws UsageError unless alpha < power < 1.
std::optional<SampleSize> t_sample_size(const PowerSettings& s, double effect, double power,
                                        int max_n = 10'000'000);

}  // namespace pilotstat::power
