// Two-sample t tests (asymptotic: the t reference distribution is exact only
// under normality, so the method is labelled "asymptotic").
#pragma once

#include <optional>
#include <span>

#include "pilotstat/core/interval.hpp"
#include "pilotstat/core/test_result.hpp"

namespace pilotstat::inference {

struct TTestResult {
    core::TestResult test;           // statistic t, df, p from Student's t (Boost.Math)
    double mean_a = 0.0;
    double mean_b = 0.0;
    double difference = 0.0;   // mean_a - mean_b
    double se = 0.0;           // standard error of the difference
    core::Interval ci;      // two-sided `conf` interval of the difference, whatever the alternative
};

// Welch's test (Welch 1947 [1]): t = (mean_a - mean_b) / sqrt(s_a^2/n_a + s_b^2/n_b),
// Welch–Satterthwaite df = se^4 / ((s_a^2/n_a)^2/(n_a-1) + (s_b^2/n_b)^2/(n_b-1)).
// Variances are sample variances (n - 1). As R's t.test(a, b, var.equal = FALSE).
// nullopt when a group has fewer than 2 values or both variances are zero
// (t undefined: never inf or NaN).
//
// [1] B. L. Welch. The generalization of "Student's" problem when several
//     different population variances are involved. Biometrika 34 (1947) 28-35.
std::optional<TTestResult> welch_t_test(std::span<const double> a, std::span<const double> b,
                                        core::Alternative alternative = core::Alternative::two_sided,
                                        double conf = 0.95);

// Student's pooled-variance test (Student 1908 [2]): s_p^2 = ((n_a-1)s_a^2 + (n_b-1)s_b^2)/(N-2),
// t = (mean_a - mean_b) / (s_p sqrt(1/n_a + 1/n_b)), df = N - 2. As R's
// t.test(a, b, var.equal = TRUE). nullopt when a group is empty, N < 3, or the
// pooled variance is zero.
//
// [2] Student. The probable error of a mean. Biometrika 6 (1908) 1-25.
std::optional<TTestResult> student_t_test(std::span<const double> a, std::span<const double> b,
                                          core::Alternative alternative = core::Alternative::two_sided,
                                          double conf = 0.95);

}  // namespace pilotstat::inference
