// An exact null distribution: distinct support points with their weights
// (arrangement counts, or probabilities). It owns all p-value arithmetic, as
// coin's null-distribution objects do, so that enumeration and the shift/DP
// algorithm give p-values through one code path.
#pragma once

#include <vector>

#include "pilotstat/core/test_result.hpp"

namespace pilotstat::resample {

class ExactDistribution {
public:
    // From one statistic value per arrangement (each of weight 1). Values
    // closer than the tie tolerance are merged.
    static ExactDistribution from_values(std::vector<double> values);

    // From distinct support points and their weights (need not be sorted;
    // zero weights are dropped; equal points within tolerance are merged).
    static ExactDistribution from_weights(std::vector<double> support, std::vector<double> weights);

    const std::vector<double>& support() const noexcept { return support_; }
    const std::vector<double>& weights() const noexcept { return weights_; }
    double total_weight() const noexcept { return total_; }
    double mean() const noexcept { return mean_; }

    // Absolute tolerance for "as extreme as": relative 1e-9 of the largest
    // |support point|, so rounding noise from summing never moves a p-value.
    double tolerance() const noexcept { return tol_; }

    // P-value of the observed statistic. Two-sided (deviation rule):
    // P(|T - E T| >= |t - E T|); (doubled rule): min(1, 2 min(P(T<=t), P(T>=t))).
    // Fills statistic, p_value, alternative, rule, arrangements, count_extreme,
    // p_floor; `method` is left to the caller (enumeration or DP).
    core::TestResult test(double observed, core::Alternative alternative,
                               core::TwoSidedRule rule = core::TwoSidedRule::deviation) const;

    // Smallest attainable p-value for this distribution and alternative.
    double p_floor(core::Alternative alternative,
                   core::TwoSidedRule rule = core::TwoSidedRule::deviation) const;

    // Weight of {T >= x - tol} and of {T <= x + tol}.
    double weight_at_least(double x) const;
    double weight_at_most(double x) const;

private:
    void finish();
    std::vector<double> support_;  // ascending, distinct beyond tolerance
    std::vector<double> weights_;
    double total_ = 0.0;
    double mean_ = 0.0;
    double tol_ = 0.0;
};

}  // namespace pilotstat::resample
