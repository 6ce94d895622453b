#include "pilotstat/models/mmrm_optimizer.hpp"

#include <cmath>

namespace pilotstat::models {

namespace {
using Eigen::MatrixXd;
using Eigen::VectorXd;

double scaled_gradient(const VectorXd& g, double f) { return g.cwiseAbs().maxCoeff() / (1.0 + std::fabs(f)); }
}  // namespace

Minimum minimize_bfgs(const Objective& objective, VectorXd x, const MatrixXd& h0, const MinimizeOptions& o) {
    Minimum m;
    const auto n = x.size();
    VectorXd g(n);
    double f = 0.0;
    ++m.evaluations;
    if (!objective(x, f, g) || !std::isfinite(f) || !g.allFinite()) {
        m.x = x;
        m.reason = "the likelihood is undefined at the starting values";
        return m;
    }
    MatrixXd h = h0.rows() == n && h0.allFinite() ? h0 : MatrixXd::Identity(n, n);
    bool scaled = h0.rows() == n;
    VectorXd x_new(n), g_new(n);
    int flat = 0;  // consecutive steps that changed f only at its rounding level
    for (m.iterations = 0; m.iterations < o.max_iterations; ++m.iterations) {
        if (scaled_gradient(g, f) <= o.gradient_tol) {
            m.converged = true;
            break;
        }
        VectorXd dir = -h * g;
        if (!(dir.dot(g) < 0.0)) {  // not a descent direction: restart from steepest descent
            h.setIdentity();
            scaled = false;
            dir = -g;
        }
        const double max_step = 2.0;  // at most 2 units of the (log-scale) parameters per step
        double alpha = std::min(1.0, max_step / dir.cwiseAbs().maxCoeff());
        double f_new = 0.0;
        bool accepted = false;
        for (int half = 0; half < 40; ++half, alpha *= 0.5) {
            x_new = x + alpha * dir;
            ++m.evaluations;
            if (objective(x_new, f_new, g_new) && std::isfinite(f_new) && g_new.allFinite() &&
                f_new <= f + 1e-4 * alpha * g.dot(dir)) {
                accepted = true;
                break;
            }
        }
        if (!accepted) {
            m.converged = scaled_gradient(g, f) <= o.stall_tol;
            if (!m.converged) m.reason = "the line search made no progress";
            break;
        }
        const VectorXd s = x_new - x, y = g_new - g;
        const double sy = s.dot(y);
        if (sy > 1e-12 * s.norm() * y.norm()) {
            if (!scaled) {
                h = MatrixXd::Identity(n, n) * (sy / y.squaredNorm());
                scaled = true;
            }
            const double rho = 1.0 / sy;
            const MatrixXd a = MatrixXd::Identity(n, n) - rho * s * y.transpose();
            h = a * h * a.transpose() + rho * s * s.transpose();
        }
        flat = std::fabs(f - f_new) <= 1e-13 * (1.0 + std::fabs(f)) ? flat + 1 : 0;
        x = x_new;
        g = g_new;
        f = f_new;
        if (flat >= 3 && scaled_gradient(g, f) <= o.stall_tol) {  // f is at its rounding floor
            m.converged = true;
            break;
        }
    }
    if (!m.converged && m.reason.empty()) m.reason = "no convergence within " + std::to_string(o.max_iterations) + " iterations";
    m.x = x;
    m.gradient = g;
    m.f = f;
    m.inverse_hessian = h;
    return m;
}

}  // namespace pilotstat::models
