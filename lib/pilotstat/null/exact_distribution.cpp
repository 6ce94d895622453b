#include "pilotstat/null/exact_distribution.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "pilotstat/error.hpp"
#include "pilotstat/null/tails.hpp"

namespace pilotstat::null {

namespace {
double tolerance_for(const std::vector<double>& sorted) {
    if (sorted.empty()) return 0.0;
    return tie_tolerance(std::max(std::fabs(sorted.front()), std::fabs(sorted.back())));
}
}  // namespace

ExactDistribution ExactDistribution::from_values(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    ExactDistribution d;
    d.tol_ = tolerance_for(values);
    for (double v : values) {
        if (!d.support_.empty() && v - d.support_.back() <= d.tol_) {
            d.weights_.back() += 1.0;
        } else {
            d.support_.push_back(v);
            d.weights_.push_back(1.0);
        }
    }
    d.finish();
    return d;
}

ExactDistribution ExactDistribution::from_weights(std::vector<double> support, std::vector<double> weights,
                                                  int log2_scale) {
    if (support.size() != weights.size())
        throw ComputeError("exact distribution: support and weights differ in length");
    std::vector<std::size_t> order(support.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return support[a] < support[b]; });
    std::vector<double> sorted;
    sorted.reserve(order.size());
    for (auto i : order) sorted.push_back(support[i]);
    ExactDistribution d;
    d.log2_scale_ = log2_scale;
    d.tol_ = tolerance_for(sorted);
    for (auto i : order) {
        if (!(weights[i] > 0.0)) continue;
        if (!d.support_.empty() && support[i] - d.support_.back() <= d.tol_) {
            d.weights_.back() += weights[i];
        } else {
            d.support_.push_back(support[i]);
            d.weights_.push_back(weights[i]);
        }
    }
    d.finish();
    return d;
}

void ExactDistribution::finish() {
    if (support_.empty()) throw ComputeError("exact distribution: empty support");
    long double total = 0, moment = 0;
    for (std::size_t i = 0; i < support_.size(); ++i) {
        total += weights_[i];
        moment += static_cast<long double>(weights_[i]) * support_[i];
    }
    total_ = static_cast<double>(total);
    mean_ = static_cast<double>(moment / total);
}

double ExactDistribution::arrangements() const noexcept { return std::ldexp(total_, log2_scale_); }

double ExactDistribution::weight_at_least(double x) const {
    long double w = 0;
    for (std::size_t i = support_.size(); i-- > 0 && support_[i] >= x - tol_;) w += weights_[i];
    return static_cast<double>(w);
}

double ExactDistribution::weight_at_most(double x) const {
    long double w = 0;
    for (std::size_t i = 0; i < support_.size() && support_[i] <= x + tol_; ++i) w += weights_[i];
    return static_cast<double>(w);
}

double ExactDistribution::count_extreme(double observed, core::Alternative alternative,
                                        core::TwoSidedRule rule) const {
    TailCounts c;
    if (alternative != core::Alternative::less) c.ge = weight_at_least(observed);
    if (alternative != core::Alternative::greater) c.le = weight_at_most(observed);
    if (alternative == core::Alternative::two_sided && rule == core::TwoSidedRule::deviation) {
        const double dev = std::fabs(observed - mean_);
        long double w = 0;
        for (std::size_t i = 0; i < support_.size(); ++i)
            if (std::fabs(support_[i] - mean_) >= dev - tol_) w += weights_[i];
        c.dev = static_cast<double>(w);
    }
    return extreme_count(c, alternative, rule, total_);
}

core::TestResult ExactDistribution::test(double observed, core::Alternative alternative,
                                         core::TwoSidedRule rule) const {
    core::TestResult r;
    r.statistic = observed;
    r.alternative = alternative;
    r.two_sided_rule = rule;
    r.arrangements = arrangements();
    const double count = count_extreme(observed, alternative, rule);
    r.count_extreme = std::ldexp(count, log2_scale_);
    r.p_value = std::min(1.0, count / total_);
    r.p_floor = p_floor(alternative, rule);
    return r;
}

double ExactDistribution::mid_p(double observed, core::Alternative alternative, core::TwoSidedRule rule) const {
    // Weight of the support points tied with the observed one (as extreme,
    // not more): those within the tolerance of t (and, two-sided deviation,
    // of its mirror image 2 E T - t).
    auto tied = [&](double x) {
        long double w = 0;
        for (std::size_t i = 0; i < support_.size(); ++i)
            if (std::fabs(support_[i] - x) <= tol_) w += weights_[i];
        return static_cast<double>(w);
    };
    double half = tied(observed);
    if (alternative == core::Alternative::two_sided && rule == core::TwoSidedRule::deviation &&
        std::fabs(observed - mean_) > tol_)
        half += tied(2.0 * mean_ - observed);
    if (alternative == core::Alternative::two_sided && rule == core::TwoSidedRule::doubled) half *= 2.0;
    return std::clamp((count_extreme(observed, alternative, rule) - 0.5 * half) / total_, 0.0, 1.0);
}

double ExactDistribution::p_floor(core::Alternative alternative, core::TwoSidedRule rule) const {
    const double lo = weights_.front() / total_;
    const double hi = weights_.back() / total_;
    switch (alternative) {
        case core::Alternative::greater: return hi;
        case core::Alternative::less: return lo;
        case core::Alternative::two_sided:
            if (rule == core::TwoSidedRule::doubled) return std::min(1.0, 2.0 * std::min(lo, hi));
            break;
    }
    double max_dev = 0.0;
    for (double v : support_) max_dev = std::max(max_dev, std::fabs(v - mean_));
    long double w = 0;
    for (std::size_t i = 0; i < support_.size(); ++i)
        if (std::fabs(support_[i] - mean_) >= max_dev - tol_) w += weights_[i];
    return static_cast<double>(w / total_);
}

double ExactDistribution::size_at(double alpha, core::Alternative alternative, core::TwoSidedRule rule) const {
    double size = 0.0;
    for (double t : support_) {
        const double p = std::min(1.0, count_extreme(t, alternative, rule) / total_);
        if (p <= alpha) size = std::max(size, p);
    }
    return size;
}

}  // namespace pilotstat::null
