// Mixed model for repeated measures (MMRM) of a two-arm trial with a
// baseline and V post-baseline visits [1, 2]:
//
//   y_ij = mu + beta * (baseline_i - mean baseline) + visit_j + [arm A]_i delta_j + e_ij,
//   e_i ~ N(0, Sigma restricted to subject i's visits),
//
// fitted by REML (mmrm_reml.hpp) with the within-subject covariance Sigma of
// mmrm_covariance.hpp. Every available post-baseline score is used (missing
// at random). delta_j is the adjusted difference A - B at visit j; the
// average effect is the mean of the delta_j (equal weights per visit, as
// emmeans averages over visit). Adjusted means are at the mean baseline of
// the model's subjects.
//
// Degrees of freedom and standard error of a contrast L beta:
//   kenward-roger  SE from the Kenward-Roger adjusted covariance Phi_A and
//                  KR's denominator df [3] (pbkrtest's vcovAdj and Lb_ddf);
//   satterthwaite  model-based SE sqrt(L Phi L'), df = 2 (L Phi L')^2 /
//                  (g' A g), g the gradient of L Phi L' in the covariance
//                  parameters and A = 2 H^-1 their covariance from the
//                  observed REML Hessian H [4] (as lmerTest);
//   residual       model-based SE, df = N - p (observations minus fixed effects).
//
// [1] G. M. Fitzmaurice, N. M. Laird, J. H. Ware. Applied Longitudinal
//     Analysis, 2nd ed. Wiley, 2011, ch. 5 and 7.
// [2] C. H. Mallinckrodt et al. Recommendations for the primary analysis of
//     continuous endpoints in longitudinal clinical trials. Drug Information
//     Journal 42 (2008) 303-319.
// [3] M. G. Kenward, J. H. Roger. Small sample inference for fixed effects
//     from restricted maximum likelihood. Biometrics 53 (1997) 983-997.
// [4] F. E. Satterthwaite. An approximate distribution of estimates of
//     variance components. Biometrics Bulletin 2 (1946) 110-114.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Dense>

#include "pilotstat/core/interval.hpp"
#include "pilotstat/core/test_result.hpp"
#include "pilotstat/models/mmrm_covariance.hpp"
#include "pilotstat/models/mmrm_design.hpp"
#include "pilotstat/models/mmrm_optimizer.hpp"
#include "pilotstat/models/mmrm_reml.hpp"

namespace pilotstat::models {

enum class DfMethod { kenward_roger, satterthwaite, residual };
std::string_view to_string(DfMethod m);
DfMethod parse_df_method(std::string_view text);  // throws UsageError naming the valid ones

// The pre-specified covariance rule, decided before any model is fitted:
// unstructured when the subjects can support its V(V+1)/2 parameters,
// n - 3 >= V(V+1)/2, else compound symmetry. (If the unstructured fit then
// does not converge, fit_mmrm falls back to cs and says so.)
Covariance default_covariance(std::size_t subjects, std::size_t visits);
std::string default_covariance_rule(std::size_t subjects, std::size_t visits);  // the rule in words

struct MmrmOptions {
    std::optional<Covariance> covariance;  // nullopt: default_covariance
    DfMethod df = DfMethod::kenward_roger;
    double conf = 0.95;
    core::Alternative alternative = core::Alternative::two_sided;
};

// Inference on one contrast L beta.
struct MmrmContrast {
    double estimate = 0.0;
    double se_model = 0.0;  // sqrt(L Phi L'), REML model-based
    double se = 0.0;        // Kenward-Roger adjusted for df = kenward-roger, else se_model
    double df = 0.0;
    double t = 0.0;         // estimate / se
    double p_value = 1.0;   // t distribution with df, for the alternative
    core::Interval ci;      // two-sided at conf
};

// A REML fit alone (what each permutation refit needs).
struct RemlFit {
    bool ok = false;          // converged, full-rank design, finite likelihood
    std::string problem;      // why not ok
    std::string boundary;     // covariance_boundary() at the estimate
    Eigen::VectorXd theta;
    Eigen::MatrixXd sigma;
    RemlValue value;          // at theta: beta, Phi (model-based), deviance
    Minimum minimum;
};

// start/h0: warm start (theta and inverse Hessian of an earlier fit), or empty.
RemlFit fit_reml(const MmrmDesign& design, Covariance covariance, const Eigen::VectorXd& start = {},
                 const Eigen::MatrixXd& h0 = {});

// Starting covariance: the pairwise covariance of ordinary least squares residuals.
Eigen::MatrixXd empirical_covariance(const MmrmDesign& design);

struct MmrmFit {
    bool converged = false;        // a usable fit: the numbers below are filled in
    Covariance covariance = Covariance::cs;
    std::string covariance_rule;   // how the structure was chosen, in words
    DfMethod df_method = DfMethod::kenward_roger;
    std::size_t subjects = 0, subjects_a = 0, subjects_b = 0, observations = 0;
    std::size_t observations_a = 0, observations_b = 0;  // post-baseline scores in the model, per arm
    std::vector<std::string> notes;  // boundary, fall-back, non-convergence, ...
    RemlFit reml;
    Eigen::MatrixXd phi_adjusted;  // Kenward-Roger Phi_A
    Eigen::MatrixXd inverse_hessian;  // of the deviance in theta (warm starts), when positive definite
    std::vector<MmrmContrast> difference;     // A - B at each visit
    std::vector<MmrmContrast> mean_a, mean_b;  // adjusted means per visit
    MmrmContrast average;                     // mean over visits of A - B
};

MmrmFit fit_mmrm(const MmrmData& data, const MmrmOptions& options = {});

// The contrast vectors (length p).
Eigen::VectorXd visit_difference_contrast(std::size_t visits, std::size_t visit);
Eigen::VectorXd average_difference_contrast(std::size_t visits);
Eigen::VectorXd adjusted_mean_contrast(std::size_t visits, std::size_t visit, bool arm_a);

}  // namespace pilotstat::models
