#include "pilotstat/resample/exact_distribution.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "pilotstat/error.hpp"

namespace pilotstat::resample {

using core::Alternative;
using core::TestResult;
using core::TwoSidedRule;

namespace {
constexpr double kRelativeTolerance = 1e-9;

double tolerance_for(const std::vector<double>& sorted) {
    if (sorted.empty()) return 0.0;
    const double scale = std::max(std::fabs(sorted.front()), std::fabs(sorted.back()));
    return kRelativeTolerance * std::max(scale, 1e-300);
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

ExactDistribution ExactDistribution::from_weights(std::vector<double> support,
                                                  std::vector<double> weights) {
    if (support.size() != weights.size())
        throw ComputeError("exact distribution: support and weights differ in length");
    std::vector<std::size_t> order(support.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return support[a] < support[b]; });
    std::vector<double> sorted;
    sorted.reserve(order.size());
    for (auto i : order) sorted.push_back(support[i]);
    ExactDistribution d;
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

core::TestResult ExactDistribution::test(double observed, core::Alternative alternative, core::TwoSidedRule rule) const {
    core::TestResult r;
    r.statistic = observed;
    r.alternative = alternative;
    r.two_sided_rule = rule;
    r.arrangements = total_;
    double count = 0.0;
    switch (alternative) {
        case core::Alternative::greater: count = weight_at_least(observed); break;
        case core::Alternative::less: count = weight_at_most(observed); break;
        case core::Alternative::two_sided:
            if (rule == core::TwoSidedRule::doubled) {
                count = std::min(total_, 2.0 * std::min(weight_at_least(observed),
                                                         weight_at_most(observed)));
            } else {
                const double dev = std::fabs(observed - mean_);
                long double w = 0;
                for (std::size_t i = 0; i < support_.size(); ++i)
                    if (std::fabs(support_[i] - mean_) >= dev - tol_) w += weights_[i];
                count = static_cast<double>(w);
            }
            break;
    }
    r.count_extreme = count;
    r.p_value = std::min(1.0, count / total_);
    r.p_floor = p_floor(alternative, rule);
    return r;
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

}  // namespace pilotstat::resample
