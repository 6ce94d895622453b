// The plain record every hypothesis test returns: a statistic,
// where it falls in its null distribution, and which provider gave that
// distribution. The method label is derived from `method`, never typed by hand.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pilotstat::core {

enum class Alternative { two_sided, less, greater };

// How the two-sided p-value is formed from an asymmetric null distribution.
//  deviation: P(|T - E T| >= |t - E T|), as R's coin (the default).
//  doubled:   min(1, 2 * smaller one-sided p), as SciPy.
enum class TwoSidedRule { deviation, doubled };

// The provider of the null distribution.
enum class Method { exact_enumeration, exact_dp, monte_carlo, asymptotic };

std::string_view to_string(Alternative a);
std::string_view to_string(TwoSidedRule r);
std::string_view to_string(Method m);  // "exact-enumeration", "exact-dp", ...
// The method with its Monte Carlo draws and seed: "monte-carlo (B=10000, seed=7)".
std::string method_label(Method m, double arrangements, const std::optional<std::uint64_t>& seed);
Alternative parse_alternative(std::string_view text);  // throws UsageError

struct TestResult {
    double statistic = 0.0;
    double p_value = 1.0;
    Alternative alternative = Alternative::two_sided;
    TwoSidedRule two_sided_rule = TwoSidedRule::deviation;
    Method method = Method::asymptotic;

    // Exact and Monte Carlo: the number of arrangements in the null
    // distribution (all of them, or B for Monte Carlo) and how many of them
    // are as or more extreme than the observed statistic (weighted count for
    // exact distributions; k in p = (k+1)/(B+1) for Monte Carlo).
    double arrangements = 0.0;
    double count_extreme = 0.0;

    // Smallest p-value any data of this size could give with this test
    // (exact: the mass of the most extreme support point(s); Monte Carlo:
    // 1/(B+1); asymptotic: 0).
    double p_floor = 0.0;

    // Monte Carlo only: standard error of p, sqrt(p (1 - p) / B), and the
    // seed used.
    std::optional<double> mc_se;
    std::optional<std::uint64_t> seed;

    // Degrees of freedom for t-based tests.
    std::optional<double> df;

    // A short machine-readable note ("all differences zero", ...), empty if none.
    std::string note;

    // "exact-enumeration", "monte-carlo (B=10000, seed=7)", ...
    std::string method_label() const;
};

}  // namespace pilotstat::core
