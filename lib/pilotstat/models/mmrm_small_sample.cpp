#include "pilotstat/models/mmrm_small_sample.hpp"

#include <cmath>

#include "pilotstat/models/mmrm_reml.hpp"

namespace pilotstat::models {

namespace {
using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

// 2 M^-1 for a symmetric M; the Moore-Penrose pseudo-inverse (eigenvalues
// below sqrt(eps) of the largest dropped, as MASS::ginv) when the smallest
// |eigenvalue| is 1e-10 or less, as pbkrtest does.
MatrixXd twice_inverse(const MatrixXd& m) {
    Eigen::SelfAdjointEigenSolver<MatrixXd> es(0.5 * (m + m.transpose()));
    const VectorXd ev = es.eigenvalues();
    const double smallest = ev.cwiseAbs().minCoeff(), largest = ev.cwiseAbs().maxCoeff();
    VectorXd inv(ev.size());
    for (Index k = 0; k < ev.size(); ++k) {
        const bool keep = smallest > 1e-10 || std::fabs(ev(k)) > 1.4901161193847656e-08 * largest;
        inv(k) = keep ? 1.0 / ev(k) : 0.0;
    }
    return 2.0 * es.eigenvectors() * inv.asDiagonal() * es.eigenvectors().transpose();
}

// P_k = -sum_i (W_i X_i)' D_k,i (W_i X_i) for matrices D_k (V x V).
std::vector<MatrixXd> p_matrices(const MmrmDesign& d, const std::vector<MatrixXd>& w,
                                 const std::vector<MatrixXd>& deriv) {
    std::vector<MatrixXd> p(deriv.size(), MatrixXd::Zero(static_cast<Index>(d.p), static_cast<Index>(d.p)));
    for (std::size_t i = 0; i < d.x.size(); ++i) {
        if (d.x[i].rows() == 0) continue;
        const MatrixXd wx = w[d.pattern[i]] * d.x[i];
        for (std::size_t k = 0; k < deriv.size(); ++k) p[k] -= wx.transpose() * at_visits(deriv[k], d.at[i]) * wx;
    }
    return p;
}

// sum_kl A_kl (L Phi P_k Phi L')(L Phi P_l Phi L') / (L Phi L')^2
double a2(const MatrixXd& a, const std::vector<MatrixXd>& p, const MatrixXd& phi, const VectorXd& l) {
    const VectorXd pl = phi * l;
    const double c = l.dot(pl);
    VectorXd g(static_cast<Index>(p.size()));
    for (std::size_t k = 0; k < p.size(); ++k) g(static_cast<Index>(k)) = pl.dot(p[k] * pl);
    return g.dot(a * g) / (c * c);
}

}  // namespace

KenwardRoger kenward_roger(const MmrmDesign& d, Covariance c, const VectorXd& theta, const MatrixXd& sigma,
                           const MatrixXd& phi) {
    const auto der = variance_derivatives(c, d.visits, theta);
    const std::size_t k_n = der.first.size();
    RemlEvaluator ev(d);
    ev(sigma, false);
    const auto& w = ev.pattern_inverses();
    const Index p = static_cast<Index>(d.p);
    KenwardRoger kr;
    kr.p = p_matrices(d, w, der.first);
    std::vector<MatrixXd> q(k_n * k_n, MatrixXd::Zero(p, p)), r(k_n * k_n, MatrixXd::Zero(p, p));
    MatrixXd ktrace = MatrixXd::Zero(static_cast<Index>(k_n), static_cast<Index>(k_n));
    for (std::size_t i = 0; i < d.x.size(); ++i) {
        if (d.x[i].rows() == 0) continue;
        const MatrixXd& wi = w[d.pattern[i]];
        const MatrixXd wx = wi * d.x[i];
        std::vector<MatrixXd> vk, b;
        for (std::size_t k = 0; k < k_n; ++k) {
            vk.push_back(at_visits(der.first[k], d.at[i]));
            b.push_back(vk.back() * wx);  // V_k W X
        }
        for (std::size_t k = 0; k < k_n; ++k)
            for (std::size_t l = 0; l < k_n; ++l) {
                q[k * k_n + l] += b[k].transpose() * wi * b[l];
                ktrace(static_cast<Index>(k), static_cast<Index>(l)) += (wi * vk[k] * wi * vk[l]).trace();
                if (!der.second.empty()) r[k * k_n + l] += wx.transpose() * at_visits(der.second[k][l], d.at[i]) * wx;
            }
    }
    MatrixXd ie(static_cast<Index>(k_n), static_cast<Index>(k_n));
    for (std::size_t k = 0; k < k_n; ++k)
        for (std::size_t l = 0; l < k_n; ++l)
            ie(static_cast<Index>(k), static_cast<Index>(l)) = ktrace(static_cast<Index>(k), static_cast<Index>(l)) -
                                                               2.0 * (phi * q[k * k_n + l]).trace() +
                                                               (phi * kr.p[k] * phi * kr.p[l]).trace();
    kr.a = twice_inverse(ie);
    MatrixXd u = MatrixXd::Zero(p, p);
    for (std::size_t k = 0; k < k_n; ++k)
        for (std::size_t l = 0; l < k_n; ++l)
            u += kr.a(static_cast<Index>(k), static_cast<Index>(l)) *
                 (q[k * k_n + l] - kr.p[k] * phi * kr.p[l] - 0.25 * r[k * k_n + l]);
    kr.phi_adjusted = phi + 2.0 * phi * u * phi;
    kr.phi_adjusted = 0.5 * (kr.phi_adjusted + kr.phi_adjusted.transpose());
    return kr;
}

double kenward_roger_df(const KenwardRoger& kr, const MatrixXd& phi, const VectorXd& l) {
    return 2.0 / a2(kr.a, kr.p, phi, l);
}

Satterthwaite satterthwaite(const MmrmDesign& d, Covariance c, const VectorXd& theta, const MatrixXd& sigma,
                            const MatrixXd& hessian) {
    RemlEvaluator ev(d);
    ev(sigma, false);
    Satterthwaite s;
    s.p = p_matrices(d, ev.pattern_inverses(), covariance_jacobian(c, d.visits, theta));
    s.a = twice_inverse(hessian);
    return s;
}

double satterthwaite_df(const Satterthwaite& s, const MatrixXd& phi, const VectorXd& l) {
    return 2.0 / a2(s.a, s.p, phi, l);
}

MatrixXd deviance_hessian(const MmrmDesign& d, Covariance c, const VectorXd& theta) {
    RemlEvaluator ev(d);
    const Index n = theta.size();
    MatrixXd h(n, n);
    VectorXd t = theta, g_up(n), g_down(n);
    double f = 0.0;
    for (Index k = 0; k < n; ++k) {
        const double step = 1e-4 * std::max(1.0, std::fabs(theta(k)));
        t(k) = theta(k) + step;
        const bool up = deviance_in_theta(ev, c, t, f, g_up);
        t(k) = theta(k) - step;
        const bool down = deviance_in_theta(ev, c, t, f, g_down);
        t(k) = theta(k);
        if (!up || !down) return MatrixXd::Constant(n, n, std::nan(""));
        h.col(k) = (g_up - g_down) / (2.0 * step);
    }
    return 0.5 * (h + h.transpose());
}

}  // namespace pilotstat::models
