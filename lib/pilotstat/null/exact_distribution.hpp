// An exact null distribution: distinct support points with their weights
// (arrangement counts, or counts scaled by a power of two when they would
// overflow a double). It owns all exact p-value arithmetic, as coin's
// null-distribution objects do, so that enumeration and the shift/DP
// algorithm give p-values through one code path; the tail rules are those of
// tails.hpp.
#pragma once

#include <vector>

#include "pilotstat/core/test_result.hpp"

namespace pilotstat::null {

class ExactDistribution {
public:
    // From one statistic value per arrangement (each of weight 1). Values
    // closer than the tie tolerance are merged.
    static ExactDistribution from_values(std::vector<double> values);

    // From distinct support points and their weights (need not be sorted;
    // zero weights are dropped; equal points within tolerance are merged).
    // The true counts are weights * 2^log2_scale (DP tables rescale their
    // counts so that they never overflow).
    static ExactDistribution from_weights(std::vector<double> support, std::vector<double> weights,
                                          int log2_scale = 0);

    const std::vector<double>& support() const noexcept { return support_; }
    const std::vector<double>& weights() const noexcept { return weights_; }
    // Sum of the weights, and the number of arrangements it stands for
    // (total_weight * 2^log2_scale; +inf beyond the range of a double).
    double total_weight() const noexcept { return total_; }
    double arrangements() const noexcept;
    int log2_scale() const noexcept { return log2_scale_; }
    double mean() const noexcept { return mean_; }

    // Sets the total weight to a value known exactly (2^n for sign flips in
    // scaled form), so that tail ratios of powers of two stay exact.
    void set_total_weight(double total) noexcept { total_ = total; }

    // Absolute tolerance for "as extreme as": tie_tolerance of the largest
    // |support point|, so rounding noise from summing never moves a p-value.
    double tolerance() const noexcept { return tol_; }

    // P-value of the observed statistic. Two-sided (deviation rule):
    // P(|T - E T| >= |t - E T|); (doubled rule): min(1, 2 min(P(T<=t), P(T>=t))).
    // Fills statistic, p_value, alternative, rule, arrangements, count_extreme,
    // p_floor; `method` is set by the engine (run.hpp), which knows the provider.
    core::TestResult test(double observed, core::Alternative alternative,
                          core::TwoSidedRule rule = core::TwoSidedRule::deviation) const;

    // Mid-p (Lancaster 1961): P(strictly more extreme) + P(as extreme) / 2 for
    // the one-sided alternatives; two-sided by the same rule as test().
    double mid_p(double observed, core::Alternative alternative,
                 core::TwoSidedRule rule = core::TwoSidedRule::deviation) const;

    // Smallest attainable p-value for this distribution and alternative.
    double p_floor(core::Alternative alternative,
                   core::TwoSidedRule rule = core::TwoSidedRule::deviation) const;

    // Size of the test that rejects when p <= alpha: the largest attainable
    // p-value not above alpha (0 when none is).
    double size_at(double alpha, core::Alternative alternative,
                   core::TwoSidedRule rule = core::TwoSidedRule::deviation) const;

    // Weight of {T >= x - tol} and of {T <= x + tol}.
    double weight_at_least(double x) const;
    double weight_at_most(double x) const;

private:
    void finish();
    double count_extreme(double observed, core::Alternative alternative, core::TwoSidedRule rule) const;
    std::vector<double> support_;  // ascending, distinct beyond tolerance
    std::vector<double> weights_;
    double total_ = 0.0;
    double mean_ = 0.0;
    double tol_ = 0.0;
    int log2_scale_ = 0;
};

}  // namespace pilotstat::null
