// Quasi-Newton minimization for the REML fit of the mixed model for
// repeated measures: BFGS with a backtracking (Armijo) line search on an
// unconstrained parameter (Nocedal & Wright 2006, algorithm 6.1 [1]). The
// objective may be undefined at a trial point (a covariance that is not
// positive definite): the step is then shortened.
//
// [1] J. Nocedal, S. J. Wright. Numerical Optimization, 2nd ed. Springer, 2006.
#pragma once

#include <functional>
#include <string>

#include <Eigen/Dense>

namespace pilotstat::models {

// Writes f(x) and its gradient; returns false where f is undefined.
using Objective = std::function<bool(const Eigen::VectorXd& x, double& f, Eigen::VectorXd& g)>;

struct Minimum {
    Eigen::VectorXd x, gradient;
    Eigen::MatrixXd inverse_hessian;  // the BFGS approximation at the end
    double f = 0.0;
    int iterations = 0;
    int evaluations = 0;
    bool converged = false;
    std::string reason;  // why not converged ("" when converged)
};

struct MinimizeOptions {
    int max_iterations = 500;
    // Converged when max |gradient| <= gradient_tol * (1 + |f|).
    double gradient_tol = 1e-9;
    // When the line search stalls, or f has changed only at its rounding
    // level for three steps, accept the point if max |gradient| is
    // within this (rounding in the objective hides the last digits).
    double stall_tol = 1e-6;
};

// h0: a starting inverse Hessian (warm start), or empty for a scaled identity.
Minimum minimize_bfgs(const Objective& objective, Eigen::VectorXd x0, const Eigen::MatrixXd& h0 = {},
                      const MinimizeOptions& options = {});

}  // namespace pilotstat::models
