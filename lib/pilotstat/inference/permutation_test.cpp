#include "pilotstat/inference/permutation_test.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "pilotstat/error.hpp"
#include "pilotstat/null/run.hpp"
#include "pilotstat/resample/integer_scaling.hpp"
#include "pilotstat/resample/rng.hpp"
#include "pilotstat/resample/splits.hpp"
#include "pilotstat/resample/two_sample_dp.hpp"

namespace pilotstat::inference {

namespace {

__extension__ using int128 = __int128;

// The pooled scores in the two forms the providers need.
struct Pooled {
    std::size_t n = 0, n_a = 0;
    std::vector<long double> centered;  // x_i - mean(x): S_A - E S_A = sum over A
    std::optional<resample::IntegerScaling> scaling;
    std::int64_t total_units = 0;
    SumStatistic map;

    // Statistic from an integer group-A sum: S_A - E S_A = (S N - n_a T) step / N,
    // with the numerator exact in 128 bits so that a zero deviation is exactly 0.
    double from_units(std::int64_t sum) const {
        const int128 num = static_cast<int128>(sum) * static_cast<int128>(n) -
                           static_cast<int128>(n_a) * total_units;
        const double dev = static_cast<double>(num) * scaling->step / static_cast<double>(n);
        return map.center + map.slope * dev;
    }
    double from_deviation(long double dev) const {
        return map.center + map.slope * static_cast<double>(dev);
    }
    double observed() const {
        if (scaling) {
            const auto& u = scaling->units;
            return from_units(std::accumulate(u.begin(), u.begin() + static_cast<std::ptrdiff_t>(n_a), std::int64_t{0}));
        }
        return from_deviation(std::accumulate(centered.begin(), centered.begin() + static_cast<std::ptrdiff_t>(n_a), 0.0L));
    }
};

Pooled pool(std::span<const double> scores, std::size_t n_a, SumStatistic map) {
    Pooled p;
    p.n = scores.size();
    p.n_a = n_a;
    p.map = map;
    long double sum = 0;
    for (double x : scores) sum += x;
    const long double mean = sum / static_cast<long double>(p.n);
    for (double x : scores) p.centered.push_back(static_cast<long double>(x) - mean);
    p.scaling = resample::integer_scaling(scores);
    if (p.scaling)
        for (auto u : p.scaling->units) p.total_units += u;
    return p;
}

null::ExactDistribution from_counts(const Pooled& p, const resample::SubsetSumCounts& c) {
    std::vector<double> support;
    support.reserve(c.sums.size());
    for (auto s : c.sums) support.push_back(p.from_units(s));
    return null::ExactDistribution::from_weights(std::move(support), c.counts, c.log2_scale);
}

null::ExactDistribution enumerate(const Pooled& p) {
    const int k = static_cast<int>(p.n_a);
    if (p.scaling) return from_counts(p, resample::subset_sums_by_enumeration(p.scaling->units, k));
    std::vector<double> values;
    values.reserve(static_cast<std::size_t>(resample::binomial_coefficient(static_cast<int>(p.n), k)));
    resample::for_each_subset_sum(std::span<const long double>(p.centered), k,
                                  [&](long double dev) { values.push_back(p.from_deviation(dev)); });
    return null::ExactDistribution::from_values(std::move(values));
}

// Random splits: a partial Fisher–Yates shuffle of the index vector puts a
// uniformly random n_a-subset in front (continuing from the previous
// permutation keeps it uniform).
struct RandomSplit {
    const Pooled& p;
    std::vector<std::size_t> idx;
    explicit RandomSplit(const Pooled& pooled) : p(pooled), idx(pooled.n) {
        std::iota(idx.begin(), idx.end(), std::size_t{0});
    }
    double operator()(resample::Rng& rng) {
        long double dev = 0;
        for (std::size_t i = 0; i < p.n_a; ++i) {
            std::swap(idx[i], idx[i + rng.below(p.n - i)]);
            dev += p.centered[idx[i]];
        }
        return p.from_deviation(dev);
    }
};

// log2 C(n, k) (lgamma: relative 1e-13, never overflows).
double log2_binomial(std::size_t n, std::size_t k) {
    const double a = static_cast<double>(n), b = static_cast<double>(k);
    return (std::lgamma(a + 1) - std::lgamma(b + 1) - std::lgamma(a - b + 1)) / std::log(2.0);
}

}  // namespace

core::TestResult sum_statistic_test(std::span<const double> scores, std::size_t n_a, SumStatistic statistic,
                              const core::ExactOptions& options) {
    if (n_a < 1 || n_a >= scores.size())
        throw ComputeError("two-sample test: each group needs at least one value");
    if (!(statistic.slope > 0.0)) throw ComputeError("two-sample test: statistic slope must be positive");
    const Pooled p = pool(scores, n_a, statistic);
    const int n = static_cast<int>(p.n), k = static_cast<int>(n_a);
    null::NullProblem problem;
    problem.name = "two-sample test";
    problem.observed = p.observed();
    problem.cost.arrangements = resample::binomial_coefficient(n, k);
    if (p.scaling)
        problem.cost.dp = null::DpCost{resample::subset_sum_dp_table(p.scaling->units, k),
                                       resample::subset_sum_dp_cost(p.scaling->units, k)};
    problem.log2_arrangements = log2_binomial(p.n, n_a);
    problem.enumerate = [&] { return enumerate(p); };
    problem.dp = [&] {
        const auto c = resample::subset_sums_by_dp(p.scaling->units, k, std::numeric_limits<double>::infinity());
        if (!c) throw ComputeError("two-sample test: DP table too large");
        return from_counts(p, *c);
    };
    problem.draw = RandomSplit(p);
    problem.centre = statistic.center;
    long double spread = 0;
    for (auto c : p.centered) spread += std::fabs(c);
    problem.tie_scale = std::fabs(statistic.center) + statistic.slope * static_cast<double>(spread);
    return null::run(problem, options);
}

std::optional<core::TestResult> permutation_test(std::span<const double> a, std::span<const double> b,
                                           const core::ExactOptions& options) {
    if (a.empty() || b.empty()) return std::nullopt;
    std::vector<double> pooled(a.begin(), a.end());
    pooled.insert(pooled.end(), b.begin(), b.end());
    const double na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());
    // mean(a) - mean(b) = (S_A - E S_A) * N / (n_a n_b)
    core::TestResult r = sum_statistic_test(pooled, a.size(), {0.0, (na + nb) / (na * nb)}, options);
    const auto [lo, hi] = std::minmax_element(pooled.begin(), pooled.end());
    if (*lo == *hi) r.note = "all values equal";
    return r;
}

}  // namespace pilotstat::inference
