// Per-subject summary measures of a series of repeated scores (Matthews et
// al. 1990): each subject's series is reduced to one number, and the arms are
// then compared on those numbers with the ordinary two-sample tools.
#pragma once

#include <optional>
#include <span>

namespace pilotstat::models {

// Least-squares slope of score on time for one subject:
// sum (t_i - tbar)(y_i - ybar) / sum (t_i - tbar)^2 — as coef(lm(y ~ t))[2].
// Units: score per time unit. nullopt when fewer than 2 points, a value is
// not finite, or all times are equal. Throws UsageError when the spans differ
// in length. The caller passes complete data (no missing values).
// [1] Matthews J.N.S., Altman D.G., Campbell M.J., Royston P. (1990).
//     Analysis of serial measurements in medical research. BMJ 300, 230-235.
std::optional<double> subject_slope(std::span<const double> times, std::span<const double> scores);

// Trapezoidal area under the score-time curve over all times,
//   AUC = sum_i (t_{i+1} - t_i) (y_i + y_{i+1}) / 2,
// with times strictly increasing. [1]
// nullopt when fewer than 2 points, a value is not finite, or times do not
// strictly increase. Throws UsageError when the spans differ in length.
std::optional<double> subject_auc(std::span<const double> times, std::span<const double> scores);

// AUC divided by the time span t_last - t_first: the time-averaged score, in
// the score's own units (so arms observed over the same times compare on the
// instrument's scale) [1]. Same nullopt rules as subject_auc.
std::optional<double> subject_time_averaged_auc(std::span<const double> times, std::span<const double> scores);

}  // namespace pilotstat::models
