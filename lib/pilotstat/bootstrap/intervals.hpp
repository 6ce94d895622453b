// Confidence intervals over a weighted bootstrap distribution: percentile,
// BCa and expanded percentile, and the one-call entry points for a mean and
// a difference in means. Definitions and the coverage simulation behind the
// default are in docs/methods/bootstrap.md.
//
// References
// [1] Efron B (1987). Better bootstrap confidence intervals. JASA 82:171-185.
// [2] Efron B, Tibshirani RJ (1993). An Introduction to the Bootstrap, §13.3, §14.3.
// [3] Davison AC, Hinkley DV (1997). Bootstrap Methods and their Application, §3.2, §5.3.
// [4] Hesterberg TC (2015). What teachers should know about the bootstrap.
//     The American Statistician 69(4):371-386 (expanded percentile interval).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pilotstat/bootstrap/bootstrap_distribution.hpp"
#include "pilotstat/core/interval.hpp"
#include "pilotstat/resample/rng.hpp"

namespace pilotstat::bootstrap {

enum class IntervalMethod { percentile, bca, expanded_percentile };

// The default, chosen by the coverage simulation (docs/methods/bootstrap.md):
// at n = 5 the expanded percentile interval comes closest to 95%.
constexpr IntervalMethod default_method() noexcept { return IntervalMethod::expanded_percentile; }

// "percentile", "bca", "expanded-percentile"; parse_method accepts these.
std::string_view method_name(IntervalMethod method) noexcept;
std::optional<IntervalMethod> parse_method(std::string_view name) noexcept;

// Why an interval is degenerate or missing. Codes, not prose (explain/ words them).
enum class IntervalNote {
    none,
    too_few_observations,      // a sample has n < 2: no interval
    all_values_equal,          // every bootstrap value equals the estimate: [est, est]
    bca_bias_undefined,        // P(theta* < est) + P(tie)/2 is 0 or 1: z0 infinite
    bca_acceleration_undefined,// jackknife values all equal: a = 0/0
    bca_level_undefined,       // 1 - a (z0 + z) <= 0: adjusted level undefined
};
std::string_view note_code(IntervalNote note) noexcept;  // "BOOT_TOO_FEW", ...

// Weighted quantile, inverted-CDF definition: the smallest bootstrap value v
// with F(v) >= p, F the distribution's CDF (exact integer cumulative weights;
// p*total is compared with a relative fuzz of 1e-14 so that p = 0.025 with
// F = 1/40 exactly counts as reached). With equal weights this is R's
// quantile(type = 1) [2 §13.3]. p outside (0, 1] gives the first / last value.
double weighted_quantile(const BootstrapDistribution& dist, double p);

// BCa bias correction z0 = Phi^-1(P(theta* < est) + P(theta* = est) / 2):
// ties with the estimate count half (R's boot counts only values
// strictly below). Equality uses a relative tolerance of 1e-9 of the largest
// |value|. nullopt when the proportion is 0 or 1. [1], [2 §14.3]
std::optional<double> bca_bias_correction(const BootstrapDistribution& dist, double estimate);

// Jackknife (leave-one-out) values of the statistic, per sample: for two
// samples, leave out each observation of a (b intact), then of b (a intact).
struct Jackknife {
    std::vector<double> first;
    std::vector<double> second;  // empty for one sample
};

// Acceleration from jackknife influence values. One sample:
// a = sum d_i^3 / (6 (sum d_i^2)^(3/2)), d_i = mean(theta_(.)) - theta_(i) [2 eq. 14.15].
// Two samples: influence L_kj = (n_k - 1) d_kj scaled by 1/n_k per sample,
// a = sum (L/n)^3 / (6 (sum (L/n)^2)^(3/2)), the stratified form of [3 §5.3]
// (third over second cumulant of the linear approximation), which reduces to
// the one-sample formula. nullopt when all d are 0 (relative 1e-12).
std::optional<double> bca_acceleration(const Jackknife& jackknife);

// What an interval needs besides the distribution.
struct IntervalInputs {
    double estimate = 0.0;       // the statistic on the original data
    Jackknife jackknife;         // for BCa
    std::size_t expand_n = 0;    // n for the expanded percentile (two samples: min(n_a, n_b))
};

struct BootstrapOptions {
    IntervalMethod method = default_method();
    double conf = 0.95;
    std::uint64_t resamples = 10000;              // Monte Carlo B
    std::uint64_t seed = core::kDefaultSeed;  // Monte Carlo seed
    double max_exact = 1e6;                       // enumerate when #multisets (pairs) <= this
};

struct BootstrapInterval {
    std::optional<double> estimate;             // nullopt only when a sample is empty
    std::optional<core::Interval> interval;  // nullopt when undefined: see note
    bool exact = false;
    std::uint64_t resamples = 0;  // distinct multisets (pairs), or B
    std::uint64_t seed = 0;       // Monte Carlo only
    std::string method_label;     // "bca, exact enumeration (126 multisets)"
    IntervalNote note = IntervalNote::none;
};

// The interval of `method` at level conf over dist. Percentile: [Q(alpha/2),
// Q(1-alpha/2)]. BCa: Q(Phi(z0 + (z0+z)/(1 - a (z0+z)))) at z = z_{alpha/2},
// z_{1-alpha/2} [1]. Expanded percentile: the percentile interval at alpha'
// with z_{alpha'/2} = sqrt(n/(n-1)) t_{alpha/2, n-1}, n = expand_n [4].
// All bootstrap values equal -> [est, est] with all_values_equal.
BootstrapInterval interval_from(const BootstrapDistribution& dist, const IntervalInputs& inputs,
                                IntervalMethod method, double conf);

// Bootstrap interval for the mean of x (e.g. paired changes): exact
// enumeration when feasible (n <= 11 by default), else Monte Carlo.
// n < 2 -> no interval, note too_few_observations. Throws UsageError for conf
// outside (0, 1), DataError for non-finite values.
BootstrapInterval mean_interval(std::span<const double> x, const BootstrapOptions& options);

// Bootstrap interval for mean(a) - mean(b), resampling each sample separately
// (stratified bootstrap [3 §3.2]); exact at 5 v 5 (15,876 multiset pairs),
// computed on the two one-sample margins (ExactMeanDifference) with the
// result of interval_from(exact_mean_difference(a, b), ...), bit for bit.
BootstrapInterval mean_difference_interval(std::span<const double> a, std::span<const double> b,
                                           const BootstrapOptions& options);

}  // namespace pilotstat::bootstrap
