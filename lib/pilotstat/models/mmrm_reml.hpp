// The restricted (residual) log-likelihood of the mixed model for repeated
// measures at a given within-subject covariance Sigma, with its gradient in
// Sigma and the generalized least squares fixed effects (Harville 1977 [1];
// Patterson & Thompson 1971):
//
//   -2 l_R(Sigma) = sum_i log|Sigma_i| + sum_i r_i' Sigma_i^-1 r_i
//                   + log|X' W X| + (N - p) log(2 pi),
//
// W = blockdiag(Sigma_i^-1), Sigma_i the rows and columns of Sigma at
// subject i's visits, beta = (X'WX)^-1 X'W y, r_i = y_i - X_i beta. This is
// lme4's REMLcrit and -2 nlme's REML logLik. Its differential is
// tr(G dSigma) with G = sum_i embed_i(W_i - W_i r_i r_i' W_i - W_i X_i Phi
// X_i' W_i), Phi = (X'WX)^-1 (beta is stationary, so it drops out).
//
// [1] D. A. Harville. Maximum likelihood approaches to variance component
//     estimation and to related problems. JASA 72 (1977) 320-338.
#pragma once

#include <vector>

#include <Eigen/Dense>

#include "pilotstat/models/mmrm_covariance.hpp"
#include "pilotstat/models/mmrm_design.hpp"

namespace pilotstat::models {

struct RemlValue {
    bool ok = false;           // Sigma positive definite at every pattern and X'WX invertible
    double deviance = 0.0;     // -2 l_R
    Eigen::MatrixXd gradient;  // G (V x V), only when asked for
    Eigen::VectorXd beta;
    Eigen::MatrixXd phi;       // (X'WX)^-1, model-based covariance of beta
};

// Reuses its work space between calls on the same design (the permutation
// refits), so a call allocates nothing once warm.
class RemlEvaluator {
public:
    explicit RemlEvaluator(const MmrmDesign& design) : design_(&design) {}
    const RemlValue& operator()(const Eigen::MatrixXd& sigma, bool with_gradient);
    // The inverse of Sigma_i for each visit pattern at the last call.
    const std::vector<Eigen::MatrixXd>& pattern_inverses() const { return w_; }
    const MmrmDesign& design() const { return *design_; }

private:
    const MmrmDesign* design_;
    RemlValue value_;
    std::vector<Eigen::MatrixXd> w_;   // per pattern
    std::vector<double> logdet_;       // per pattern
    std::vector<Eigen::MatrixXd> wx_;  // per subject, W_i X_i
    Eigen::MatrixXd xtwx_;
    Eigen::VectorXd xtwy_;
};

// -2 l_R at Sigma(theta) of a covariance structure and its gradient in
// theta (tr(G dSigma/dtheta_k)); false where it is undefined.
bool deviance_in_theta(RemlEvaluator& evaluator, Covariance covariance, const Eigen::VectorXd& theta,
                       double& deviance, Eigen::VectorXd& gradient);

// The rows and columns of a V x V matrix at the given visits.
Eigen::MatrixXd at_visits(const Eigen::MatrixXd& m, const std::vector<std::size_t>& visits);

}  // namespace pilotstat::models
