#include "pilotstat/inference/k_sample_tests.hpp"

#include <boost/math/distributions/chi_squared.hpp>
#include <cmath>
#include <numeric>

#include "pilotstat/error.hpp"
#include "pilotstat/null/run.hpp"
#include "pilotstat/resample/rng.hpp"
#include "pilotstat/resample/splits.hpp"

namespace pilotstat::inference {

namespace {

// Pooled scores centred at their mean, so that the between-group SS is
// sum_g S_g^2 / n_g with S_g the group sums of centred scores (no
// cancellation against N mean^2).
struct Layout {
    std::vector<long double> centered;
    std::vector<std::size_t> sizes;
    long double sst = 0;  // total sum of squares
};

Layout layout(std::span<const double> pooled, std::vector<std::size_t> sizes) {
    Layout l;
    l.sizes = std::move(sizes);
    long double sum = 0;
    for (double x : pooled) sum += x;
    const long double mean = sum / static_cast<long double>(pooled.size());
    for (double x : pooled) {
        l.centered.push_back(x - mean);
        l.sst += l.centered.back() * l.centered.back();
    }
    return l;
}

// Between-group SS of the assignment "group g = consecutive block g of idx".
template <class Index>
long double between_ss(const Layout& l, const Index& idx) {
    long double q = 0;
    std::size_t pos = 0;
    for (std::size_t n : l.sizes) {
        long double s = 0;
        for (std::size_t i = 0; i < n; ++i) s += l.centered[idx[pos++]];
        q += s * s / static_cast<long double>(n);
    }
    return q;
}

double assignments(const std::vector<std::size_t>& sizes) {
    double total = 1.0;
    int left = static_cast<int>(std::accumulate(sizes.begin(), sizes.end(), std::size_t{0}));
    for (std::size_t n : sizes) {
        total *= resample::binomial_coefficient(left, static_cast<int>(n));
        left -= static_cast<int>(n);
    }
    return total;
}

// Chooses group `level` among `remaining` by revolving-door splits and
// recurses; the last two groups are split with O(1) sum updates, the second
// sum being the remainder.
void enumerate(const Layout& l, std::size_t level, const std::vector<std::size_t>& remaining,
               long double partial, std::vector<double>& out) {
    const auto n_here = static_cast<long double>(l.sizes[level]);
    const int m = static_cast<int>(l.sizes[level]);
    if (level + 2 == l.sizes.size()) {
        std::vector<long double> vals;
        for (auto i : remaining) vals.push_back(l.centered[i]);
        const long double total = std::accumulate(vals.begin(), vals.end(), 0.0L);
        const auto n_last = static_cast<long double>(l.sizes[level + 1]);
        resample::for_each_subset_sum(std::span<const long double>(vals), m, [&](long double s) {
            const long double r = total - s;
            out.push_back(static_cast<double>(partial + s * s / n_here + r * r / n_last));
        });
        return;
    }
    std::vector<std::size_t> rest;
    resample::for_each_split(static_cast<int>(remaining.size()), m, [&](const std::vector<int>& in) {
        long double s = 0;
        rest.clear();
        for (std::size_t i = 0; i < remaining.size(); ++i) {
            if (in[i]) s += l.centered[remaining[i]];
            else rest.push_back(remaining[i]);
        }
        enumerate(l, level + 1, rest, partial + s * s / n_here, out);
    });
}

// Random label permutations: a partial Fisher–Yates shuffle of all but the
// last group's positions (the last group takes what is left).
struct RandomLabels {
    const Layout& l;
    std::vector<std::size_t> idx;
    explicit RandomLabels(const Layout& layout) : l(layout), idx(layout.centered.size()) {
        std::iota(idx.begin(), idx.end(), std::size_t{0});
    }
    double operator()(resample::Rng& rng) {
        const std::size_t n = idx.size(), shuffled = n - l.sizes.back();
        for (std::size_t i = 0; i < shuffled; ++i) std::swap(idx[i], idx[i + rng.below(n - i)]);
        return static_cast<double>(between_ss(l, idx));
    }
};

// Permutation test of the between-group SS (upper tail); statistic = SSB
// (callers map it).
core::TestResult between_ss_test(const Layout& l, core::ExactOptions o) {
    std::vector<std::size_t> all(l.centered.size());
    std::iota(all.begin(), all.end(), std::size_t{0});
    o.alternative = core::Alternative::greater;
    o.two_sided_rule = core::TwoSidedRule::deviation;  // unused by "greater"; reported as such
    null::NullProblem problem;
    problem.name = "k-sample test";
    problem.observed = static_cast<double>(between_ss(l, all));
    problem.cost.arrangements = assignments(l.sizes);
    problem.enumerate = [&] {
        std::vector<double> values;
        values.reserve(static_cast<std::size_t>(assignments(l.sizes)));
        enumerate(l, 0, all, 0.0L, values);
        return null::ExactDistribution::from_values(std::move(values));
    };
    problem.draw = RandomLabels(l);
    problem.centre = 0.0;  // upper tail only: the centre is not used
    problem.tie_scale = static_cast<double>(l.sst);  // SSB <= SST
    return null::run(problem, o);
}

// Pools the groups; nullopt when fewer than 2 groups or one is empty.
std::optional<std::pair<std::vector<double>, std::vector<std::size_t>>> pool(
    std::span<const std::vector<double>> groups) {
    if (groups.size() < 2) return std::nullopt;
    std::vector<double> pooled;
    std::vector<std::size_t> sizes;
    for (const auto& g : groups) {
        if (g.empty()) return std::nullopt;
        pooled.insert(pooled.end(), g.begin(), g.end());
        sizes.push_back(g.size());
    }
    return std::make_pair(std::move(pooled), std::move(sizes));
}

}  // namespace

std::optional<OneWayResult> anova_permutation_test(std::span<const std::vector<double>> groups,
                                                   const core::ExactOptions& options) {
    auto pooled = pool(groups);
    if (!pooled) return std::nullopt;
    const Layout l = layout(pooled->first, pooled->second);
    OneWayResult r;
    r.test = between_ss_test(l, options);
    r.ss_between = r.test.statistic;
    // within-group SS directly (not SST - SSB), for accuracy when SSB ~ SST
    long double ssw = 0;
    for (const auto& g : groups) {
        long double s = 0, ss = 0;
        for (double x : g) s += x;
        const long double m = s / static_cast<long double>(g.size());
        for (double x : g) ss += (x - m) * (x - m);
        ssw += ss;
    }
    r.ss_within = static_cast<double>(ssw);
    r.df_between = static_cast<double>(groups.size() - 1);
    r.df_within = static_cast<double>(l.centered.size() - groups.size());
    if (l.sst == 0) {
        r.test.note = "all values equal";
    } else if (r.ss_within > 1e-12 * static_cast<double>(l.sst) && r.df_within > 0) {
        r.f = (r.ss_between / r.df_between) / (r.ss_within / r.df_within);
        r.test.statistic = *r.f;
    } else {
        r.test.note = "zero within-group variance";
    }
    return r;
}

std::optional<KruskalResult> kruskal_wallis_test(std::span<const std::vector<double>> groups,
                                                 const core::ExactOptions& options) {
    auto pooled = pool(groups);
    if (!pooled) return std::nullopt;
    const std::vector<double> ranks = stats::mid_ranks(pooled->first);
    const Layout l = layout(ranks, pooled->second);
    KruskalResult r;
    r.ties = stats::tie_summary(pooled->first);
    r.df = static_cast<double>(groups.size() - 1);
    r.test = between_ss_test(l, options);
    if (l.sst == 0) {
        r.test.statistic = 0.0;
        r.test.note = "all values equal";
        return r;
    }
    const auto n = static_cast<long double>(ranks.size());
    r.h = static_cast<double>((n - 1) * static_cast<long double>(r.test.statistic) / l.sst);
    r.test.statistic = r.h;
    r.asymptotic_p = boost::math::cdf(boost::math::complement(boost::math::chi_squared(r.df), r.h));
    return r;
}

}  // namespace pilotstat::inference
