// A weighted bootstrap distribution of a statistic: one value per distinct
// resample with its probability. Exact enumeration (all multisets of each
// sample, Fisher & Hall 1991) where the number of multisets is within a limit;
// Monte Carlo (B resamples, weight 1/B each) beyond, drawn with the project's
// Rng only. The record says which, so results can name their method.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace pilotstat::resample {
class MultisetTable;
}

namespace pilotstat::bootstrap {

// values ascending; weights[i] are integers (multinomial coefficients, their
// products for two samples, or 1 per Monte Carlo draw) summing to `total`, so
// P(value i) = weights[i] / total and cumulative sums are exact.
struct BootstrapDistribution {
    std::vector<double> values;
    std::vector<std::uint64_t> weights;
    std::uint64_t total = 0;
    bool exact = false;
    std::uint64_t resamples = 0;  // distinct resamples (exact) or B (Monte Carlo)
    std::uint64_t seed = 0;       // Monte Carlo only
    std::string label;            // "exact enumeration (126 multisets)", "monte-carlo (B=10000, seed=1)"

    std::size_t size() const noexcept { return values.size(); }
    double probability(std::size_t i) const noexcept {
        return static_cast<double>(weights[i]) / static_cast<double>(total);
    }
};

// A statistic of one resample, or of one resample of each of two samples.
using OneSampleStatistic = std::function<double(std::span<const double>)>;
using TwoSampleStatistic = std::function<double(std::span<const double>, std::span<const double>)>;

// Whether exact enumeration is used: C(2n-1, n) (two samples: the product)
// at most max_exact, and the ordered-resample total n^n (product) fits in 64
// bits. With the default limit 1e6 that is n <= 11, 5 v 5, 6 v 6, 4 v 9.
bool exact_feasible(std::size_t n, double max_exact) noexcept;
bool exact_feasible(std::size_t n_a, std::size_t n_b, double max_exact) noexcept;

// The label of an exact distribution: "exact enumeration (126 multisets)"
// (rows_b = 0) or "exact enumeration (126 x 126 = 15876 multiset pairs)".
std::string exact_label(std::size_t rows_a, std::size_t rows_b);

// The mean of each multiset of t (row order), sum_i c_i x_i / n, summed in the
// order of x: the values exact_mean() and exact_mean_difference() use.
std::vector<double> multiset_means(std::span<const double> x, const resample::MultisetTable& t);

// An exact distribution given as a tally: distinct values ascending with the
// summed weights of the multisets (pairs) that give them, labelled as
// exact_one_sample / exact_two_sample label theirs (rows_b = 0: one sample).
// Interval results over it equal those over the unmerged distribution: they
// depend only on the mass at or below each value.
BootstrapDistribution exact_from_tally(std::vector<double> values, std::vector<std::uint64_t> weights,
                                       std::uint64_t total, std::size_t rows_a, std::size_t rows_b);

// Exact bootstrap distribution of the mean, sum c_i x_i / n over all
// multisets (fast path). Throws UsageError if x is empty or n > 15.
BootstrapDistribution exact_mean(std::span<const double> x);

// Exact bootstrap distribution of stat(resample) over all multisets; the
// resample passed holds x_i repeated c_i times, in the order of x.
BootstrapDistribution exact_one_sample(std::span<const double> x, const OneSampleStatistic& stat);

// Exact distribution of mean(a*) - mean(b*) over all pairs of multisets
// (126 x 126 = 15,876 at 5 v 5), weights the products of both.
BootstrapDistribution exact_mean_difference(std::span<const double> a, std::span<const double> b);

// Exact distribution of stat(a*, b*) over all pairs of multisets.
BootstrapDistribution exact_two_sample(std::span<const double> a, std::span<const double> b,
                                       const TwoSampleStatistic& stat);

// Monte Carlo: B resamples from one Rng(seed); each resample draws its n
// indices in blocks of k = resample::DigitDraw::block_size(n, n) (the largest
// k <= n with n^k <= 2^48; n = 5: k = 5), each block the base-n digits, most
// significant first, of one draw below(n^k), and a last block of the
// remaining n mod k indices likewise -- exactly uniform over the n^n ordered
// resamples. For two samples: a's indices, then b's, per resample. Weight 1/B.
BootstrapDistribution monte_carlo_mean(std::span<const double> x, std::uint64_t resamples,
                                       std::uint64_t seed);
BootstrapDistribution monte_carlo_one_sample(std::span<const double> x, const OneSampleStatistic& stat,
                                             std::uint64_t resamples, std::uint64_t seed);
BootstrapDistribution monte_carlo_mean_difference(std::span<const double> a, std::span<const double> b,
                                                  std::uint64_t resamples, std::uint64_t seed);
BootstrapDistribution monte_carlo_two_sample(std::span<const double> a, std::span<const double> b,
                                             const TwoSampleStatistic& stat, std::uint64_t resamples,
                                             std::uint64_t seed);

}  // namespace pilotstat::bootstrap
