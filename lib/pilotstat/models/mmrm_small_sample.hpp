// Small-sample inference for fixed-effect contrasts of the REML mixed model
// for repeated measures: the Kenward-Roger adjusted covariance and df, and
// Satterthwaite's df (formulas in mmrm.hpp).
#pragma once

#include <Eigen/Dense>

#include "pilotstat/models/mmrm_covariance.hpp"
#include "pilotstat/models/mmrm_design.hpp"

namespace pilotstat::models {

// Kenward & Roger (1997), in the linear variance parameters gamma of
// variance_derivatives(), as pbkrtest::vcovAdj:
//   IE_kl = tr(W V_k W V_l) - 2 tr(Phi Q_kl) + tr(Phi P_k Phi P_l),
//   A = 2 IE^-1 (pseudo-inverse when IE is near singular),
//   Phi_A = Phi + 2 Phi [sum_kl A_kl (Q_kl - P_k Phi P_l - R_kl / 4)] Phi,
// P_k = -X'W V_k W X, Q_kl = X'W V_k W V_l W X, R_kl = X'W V_kl W X.
struct KenwardRoger {
    Eigen::MatrixXd phi_adjusted;
    Eigen::MatrixXd a;               // A, the covariance of gamma-hat
    std::vector<Eigen::MatrixXd> p;  // P_k
};
KenwardRoger kenward_roger(const MmrmDesign& design, Covariance covariance, const Eigen::VectorXd& theta,
                           const Eigen::MatrixXd& sigma, const Eigen::MatrixXd& phi);

// KR's denominator df of one contrast L (pbkrtest::Lb_ddf with q = 1):
// 2 / A2, A2 = sum_kl A_kl (L Phi P_k Phi L')(L Phi P_l Phi L') / (L Phi L')^2.
double kenward_roger_df(const KenwardRoger& kr, const Eigen::MatrixXd& phi, const Eigen::VectorXd& l);

// Satterthwaite: in theta, with H the observed Hessian of the REML deviance.
struct Satterthwaite {
    Eigen::MatrixXd a;               // 2 H^-1 (pseudo-inverse when near singular)
    std::vector<Eigen::MatrixXd> p;  // -X'W (dSigma/dtheta_k) W X
};
Satterthwaite satterthwaite(const MmrmDesign& design, Covariance covariance, const Eigen::VectorXd& theta,
                            const Eigen::MatrixXd& sigma, const Eigen::MatrixXd& hessian);
double satterthwaite_df(const Satterthwaite& s, const Eigen::MatrixXd& phi, const Eigen::VectorXd& l);

// The Hessian of the REML deviance in theta by central differences of its
// analytic gradient (symmetrized).
Eigen::MatrixXd deviance_hessian(const MmrmDesign& design, Covariance covariance, const Eigen::VectorXd& theta);

}  // namespace pilotstat::models
