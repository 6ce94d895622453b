// Within-subject covariance structures of the mixed model for repeated
// measures (mmrm.hpp): the V x V covariance Sigma of one subject's
// post-baseline scores at visits 1..V, each structure in two
// parametrizations:
//   theta  unconstrained, for the REML optimizer (every theta gives a
//          positive definite Sigma);
//   gamma  the variance parameters in which Sigma is linear (cs, un,
//          toeplitz) or nearly so (ar1), for the Kenward-Roger adjustment,
//          which is defined in them (Kenward & Roger 1997 [1]).
//
//   cs        sigma^2 I + sigma_b^2 J (a random subject intercept, as lme4's
//             (1 | subject): sigma_b^2 >= 0); theta = (log sigma,
//             sigma_b / sigma); gamma = (sigma_b^2, sigma^2), as pbkrtest.
//   un        unstructured (visit-specific variances and every correlation,
//             as nlme's corSymm + varIdent); theta = log-Cholesky factor;
//             gamma = the V(V+1)/2 distinct entries of Sigma.
//   ar1       sigma^2 rho^|j-k| over the visit index (not the time between
//             visits); theta = (log sigma, atanh rho); gamma = (sigma^2, rho),
//             with second derivatives.
//   toeplitz  sigma^2 rho_|j-k| (one correlation per lag); theta = (log
//             sigma, atanh of the partial autocorrelations), mapped to the
//             rho_k by the Durbin-Levinson recursion so that Sigma stays
//             positive definite [2]; gamma = (tau_0, ..., tau_{V-1}), tau_k =
//             sigma^2 rho_k.
//
// [1] M. G. Kenward, J. H. Roger. Small sample inference for fixed effects
//     from restricted maximum likelihood. Biometrics 53 (1997) 983-997.
// [2] O. E. Barndorff-Nielsen, G. Schou. On the parametrization of
//     autoregressive models by partial autocorrelations. J. Multivariate
//     Analysis 3 (1973) 408-419.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Dense>

namespace pilotstat::models {

enum class Covariance { cs, un, ar1, toeplitz };
std::string_view to_string(Covariance c);
Covariance parse_covariance(std::string_view text);  // throws UsageError naming the valid ones

// Number of theta (and gamma) parameters for V visits.
std::size_t covariance_parameters(Covariance c, std::size_t visits);

// Sigma(theta), V x V.
Eigen::MatrixXd covariance_matrix(Covariance c, std::size_t visits, const Eigen::VectorXd& theta);

// dSigma/dtheta_k by central differences of covariance_matrix (the
// optimizer's parametrization; relative error about 1e-10).
std::vector<Eigen::MatrixXd> covariance_jacobian(Covariance c, std::size_t visits, const Eigen::VectorXd& theta);

// A starting theta from an empirical covariance S (any symmetric V x V; it
// is projected onto the structure and kept away from the boundary).
Eigen::VectorXd covariance_start(Covariance c, const Eigen::MatrixXd& empirical);

// dSigma/dgamma_k (first) and d2Sigma/dgamma_k dgamma_l (second; empty when
// Sigma is linear in gamma) at theta.
struct VarianceDerivatives {
    std::vector<Eigen::MatrixXd> first;
    std::vector<std::vector<Eigen::MatrixXd>> second;
};
VarianceDerivatives variance_derivatives(Covariance c, std::size_t visits, const Eigen::VectorXd& theta);

// Why the estimate lies on the boundary of the parameter space ("" when it
// does not): between-subject variance 0, a correlation at +-1, a variance 0.
std::string covariance_boundary(Covariance c, std::size_t visits, const Eigen::VectorXd& theta);

}  // namespace pilotstat::models
