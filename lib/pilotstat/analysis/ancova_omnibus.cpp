#include "pilotstat/analysis/ancova_omnibus.hpp"

#include <cmath>
#include <numeric>

#include "pilotstat/error.hpp"
#include "pilotstat/null/exact_distribution.hpp"
#include "pilotstat/null/run.hpp"
#include "pilotstat/resample/rng.hpp"
#include "pilotstat/resample/splits.hpp"

namespace pilotstat::analysis {

namespace {

// Centred pooled scores, arm by arm; totals of the centred cross products.
struct Pooled {
    std::vector<double> x, y;
    std::vector<std::size_t> sizes;
    long double sxx = 0, sxy = 0, syy = 0;
};

// Sums of (sum x)^2 / n, (sum x)(sum y) / n, (sum y)^2 / n over the arms so far.
struct Partial {
    long double qxx = 0, qxy = 0, qyy = 0;
};

// The adjusted between-arm SS of a complete assignment.
double adjusted_ss(const Pooled& p, const Partial& q) {
    const long double wxx = p.sxx - q.qxx, wxy = p.sxy - q.qxy, wyy = p.syy - q.qyy;
    const long double reduced = p.syy - p.sxy * p.sxy / p.sxx;
    const bool spread = wxx > 1e-10L * p.sxx;
    return static_cast<double>(spread ? reduced - (wyy - wxy * wxy / wxx) : p.syy - wyy);
}

Partial add(const Pooled& p, Partial q, const std::vector<std::size_t>& members) {
    long double sx = 0, sy = 0;
    for (auto i : members) sx += p.x[i], sy += p.y[i];
    const auto n = static_cast<long double>(members.size());
    q.qxx += sx * sx / n, q.qxy += sx * sy / n, q.qyy += sy * sy / n;
    return q;
}

void enumerate(const Pooled& p, std::size_t level, const std::vector<std::size_t>& remaining, Partial q,
               std::vector<double>& out) {
    if (level + 1 == p.sizes.size()) {
        out.push_back(adjusted_ss(p, add(p, q, remaining)));
        return;
    }
    std::vector<std::size_t> chosen, rest;
    resample::for_each_split(static_cast<int>(remaining.size()), static_cast<int>(p.sizes[level]),
                             [&](const std::vector<int>& in) {
                                 chosen.clear();
                                 rest.clear();
                                 for (std::size_t i = 0; i < remaining.size(); ++i)
                                     (in[i] ? chosen : rest).push_back(remaining[i]);
                                 enumerate(p, level + 1, rest, add(p, q, chosen), out);
                             });
}

double assignment_ss(const Pooled& p, const std::vector<std::size_t>& order) {
    Partial q;
    std::size_t at = 0;
    std::vector<std::size_t> members;
    for (auto n : p.sizes) {
        members.assign(order.begin() + static_cast<long>(at), order.begin() + static_cast<long>(at + n));
        q = add(p, q, members);
        at += n;
    }
    return adjusted_ss(p, q);
}

double assignments(const std::vector<std::size_t>& sizes) {
    double count = 1;
    int left = static_cast<int>(std::accumulate(sizes.begin(), sizes.end(), std::size_t{0}));
    for (auto n : sizes) {
        count *= resample::binomial_coefficient(left, static_cast<int>(n));
        left -= static_cast<int>(n);
    }
    return count;
}

}  // namespace

std::optional<inference::OneWayResult> ancova_omnibus_test(std::span<const std::vector<double>> post,
                                                           std::span<const std::vector<double>> baseline,
                                                           const core::ExactOptions& o) {
    if (post.size() < 2 || post.size() != baseline.size()) return std::nullopt;
    Pooled p;
    for (std::size_t g = 0; g < post.size(); ++g) {
        if (post[g].empty() || post[g].size() != baseline[g].size()) return std::nullopt;
        p.y.insert(p.y.end(), post[g].begin(), post[g].end());
        p.x.insert(p.x.end(), baseline[g].begin(), baseline[g].end());
        p.sizes.push_back(post[g].size());
    }
    const std::size_t N = p.y.size(), k = p.sizes.size();
    if (N < k + 2) return std::nullopt;
    const double mx = std::accumulate(p.x.begin(), p.x.end(), 0.0) / static_cast<double>(N);
    const double my = std::accumulate(p.y.begin(), p.y.end(), 0.0) / static_cast<double>(N);
    for (std::size_t i = 0; i < N; ++i) {
        p.x[i] -= mx, p.y[i] -= my;
        p.sxx += static_cast<long double>(p.x[i]) * p.x[i];
        p.sxy += static_cast<long double>(p.x[i]) * p.y[i];
        p.syy += static_cast<long double>(p.y[i]) * p.y[i];
    }
    if (!(p.sxx > 0)) return std::nullopt;
    std::vector<std::size_t> all(N);
    std::iota(all.begin(), all.end(), std::size_t{0});
    const double observed = assignment_ss(p, all);
    inference::OneWayResult r;
    // Upper tail of the adjusted between-arm SS, through the engine (provider,
    // method label, Monte Carlo p and SE); the SS is at most the total SS.
    core::ExactOptions upper = o;
    upper.alternative = core::Alternative::greater;
    upper.two_sided_rule = core::TwoSidedRule::deviation;  // unused by "greater"
    null::NullProblem problem;
    problem.name = "ancova omnibus";
    problem.observed = observed;
    problem.cost.arrangements = assignments(p.sizes);
    problem.enumerate = [&] {
        std::vector<double> values;
        values.reserve(static_cast<std::size_t>(assignments(p.sizes)));
        enumerate(p, 0, all, {}, values);
        return null::ExactDistribution::from_values(std::move(values));
    };
    // Random assignments: a partial Fisher-Yates shuffle of the running order.
    std::vector<std::size_t> idx = all;
    problem.draw = [&](resample::Rng& rng) {
        for (std::size_t i = 0; i + p.sizes.back() < N; ++i) std::swap(idx[i], idx[i + rng.below(N - i)]);
        return assignment_ss(p, idx);
    };
    problem.centre = 0.0;  // upper tail only: the centre is not used
    problem.tie_scale = static_cast<double>(p.syy);
    r.test = null::run(problem, upper);
    Partial q;
    std::size_t at = 0;
    for (auto n : p.sizes) {
        q = add(p, q, std::vector<std::size_t>(all.begin() + static_cast<long>(at), all.begin() + static_cast<long>(at + n)));
        at += n;
    }
    const long double wxx = p.sxx - q.qxx, wxy = p.sxy - q.qxy, wyy = p.syy - q.qyy;
    r.ss_between = observed;
    r.ss_within = static_cast<double>(wxx > 1e-10L * p.sxx ? wyy - wxy * wxy / wxx : wyy);
    r.df_between = static_cast<double>(k - 1);
    r.df_within = static_cast<double>(N - k - 1);
    if (r.ss_within > 1e-12 * static_cast<double>(p.syy)) {
        r.f = (r.ss_between / r.df_between) / (r.ss_within / r.df_within);
        r.test.statistic = *r.f;
    } else {
        r.test.statistic = r.ss_between;
        r.test.note = "zero residual variance";
    }
    return r;
}

}  // namespace pilotstat::analysis
