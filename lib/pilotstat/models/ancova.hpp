// Baseline-adjusted comparison of two arms (ANCOVA): post ~ group + baseline.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "pilotstat/core/interval.hpp"
#include "pilotstat/core/exact_options.hpp"
#include "pilotstat/core/test_result.hpp"
#include "pilotstat/inference/shift_inversion.hpp"

namespace pilotstat::models {

struct AncovaFit {
    double difference = 0.0;      // adjusted group difference, A - B (group coefficient)
    double se = 0.0;              // its standard error
    double t = 0.0;               // difference / se
    double df = 0.0;              // n - 3
    double p_value = 1.0;         // Student t with df, for opts.alternative
    core::Interval ci;         // two-sided t interval, method "t (ancova)"
    double baseline_slope = 0.0;  // common within-group slope of post on baseline
    double intercept = 0.0;       // fitted post for arm B at baseline 0
    double residual_sd = 0.0;     // sqrt(RSS / df)
    // Exact permutation test of the adjusted difference (see ancova()).
    core::TestResult permutation;
    // p(delta) of that same test with arm A's post scores shifted by delta
    // (post_A - delta), exactly at every breakpoint; p(0) is permutation's p
    // when both enumerate (or both draw the same Monte Carlo splits). For a
    // split the adjusted difference is linear in the post scores (beta_w =
    // sum (x - xbar_g) y / Sxx_w is), hence in delta: T_S(delta) = T_S(0) -
    // c_S delta with c_S the adjusted difference of the indicator of arm A.
    // Invert it for the interval. nullopt when Monte Carlo has resamples = 0.
    std::optional<inference::PValueFunction> shift_pvalues;
};

struct AncovaResult {
    std::optional<AncovaFit> fit;  // nullopt when the model cannot be fitted
    // Why fit is missing, or a remark about the permutation test:
    // "n <= 3: no residual degrees of freedom", "baseline is constant",
    // "baseline is collinear with group", "arm is empty", "non-finite value",
    // "residual variance is zero", "k of N splits had no within-arm baseline spread".
    std::string note;
};

// ANCOVA for a two-arm trial [1]: least squares (Eigen, column-pivoting
// Householder QR, baseline centred) of post = b0 + delta * [arm A] + beta *
// baseline + e. Reports delta (sign A - B), its SE, t, df = n - 3, the t
// p-value and the two-sided t interval at `conf` — as R's lm() + confint().
// Permutation test: group labels are permuted over subjects (each keeps its
// own baseline and post pair) through all C(n, na) splits (resample::splits),
// the statistic being the refitted adjusted difference delta itself (not its
// t); p from the exact distribution with opts' alternative and two-sided rule
// (coin's deviation rule by default). Splits whose arms have no within-arm
// baseline spread use the raw mean difference (delta is not identifiable
// there); the note counts them. Beyond opts.max_enumeration splits, B =
// opts.resamples random splits (Monte Carlo; the two-sided deviation is taken
// from 0 for equal arms, where the null is symmetric, else from the mean of
// the sampled statistics).
// Degenerate designs give no fit and a note naming why.
// [1] Vickers A.J., Altman D.G. (2001). Analysing controlled trials with
//     baseline and follow up measurements. BMJ 323, 1123-1124.
AncovaResult ancova(std::span<const double> post_a, std::span<const double> base_a,
                    std::span<const double> post_b, std::span<const double> base_b, double conf = 0.95,
                    const core::ExactOptions& opts = {});

}  // namespace pilotstat::models
