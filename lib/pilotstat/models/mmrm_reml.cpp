#include "pilotstat/models/mmrm_reml.hpp"

#include <cmath>
#include <numbers>

namespace pilotstat::models {

namespace {
using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

Index ix(std::size_t v) { return static_cast<Index>(v); }
}  // namespace

const RemlValue& RemlEvaluator::operator()(const MatrixXd& sigma, bool with_gradient) {
    const MmrmDesign& d = *design_;
    RemlValue& out = value_;
    out.ok = false;
    const std::size_t np = d.patterns.size();
    w_.resize(np);
    logdet_.resize(np);
    for (std::size_t k = 0; k < np; ++k) {
        const auto& vis = d.patterns[k];
        const Index n = ix(vis.size());
        const MatrixXd s = at_visits(sigma, vis);
        Eigen::LLT<MatrixXd> llt(s);
        if (llt.info() != Eigen::Success) return out;
        const auto l = llt.matrixL();
        double ld = 0.0;
        for (Index a = 0; a < n; ++a) {
            if (!(l(a, a) > 0.0)) return out;
            ld += 2.0 * std::log(l(a, a));
        }
        logdet_[k] = ld;
        w_[k] = llt.solve(MatrixXd::Identity(n, n));
    }
    const Index p = ix(d.p);
    xtwx_.setZero(p, p);
    xtwy_.setZero(p);
    wx_.resize(d.x.size());
    double logdet_sigma = 0.0;
    for (std::size_t i = 0; i < d.x.size(); ++i) {
        if (d.x[i].rows() == 0) continue;
        const MatrixXd& w = w_[d.pattern[i]];
        wx_[i].noalias() = w * d.x[i];
        xtwx_.noalias() += d.x[i].transpose() * wx_[i];
        xtwy_.noalias() += wx_[i].transpose() * d.y[i];
        logdet_sigma += logdet_[d.pattern[i]];
    }
    Eigen::LLT<MatrixXd> m(xtwx_);
    if (m.info() != Eigen::Success) return out;
    double logdet_m = 0.0;
    const auto lm = m.matrixL();
    for (Index a = 0; a < p; ++a) {
        if (!(lm(a, a) > 0.0)) return out;
        logdet_m += 2.0 * std::log(lm(a, a));
    }
    out.beta = m.solve(xtwy_);
    out.phi = m.solve(MatrixXd::Identity(p, p));
    double quad = 0.0;
    if (with_gradient) out.gradient.setZero(ix(d.visits), ix(d.visits));
    for (std::size_t i = 0; i < d.x.size(); ++i) {
        if (d.x[i].rows() == 0) continue;
        const MatrixXd& w = w_[d.pattern[i]];
        const VectorXd r = d.y[i] - d.x[i] * out.beta;
        const VectorXd wr = w * r;
        quad += r.dot(wr);
        if (!with_gradient) continue;
        const MatrixXd gi = w - wr * wr.transpose() - wx_[i] * out.phi * wx_[i].transpose();
        const auto& vis = d.at[i];
        for (std::size_t a = 0; a < vis.size(); ++a)
            for (std::size_t b = 0; b < vis.size(); ++b) out.gradient(ix(vis[a]), ix(vis[b])) += gi(ix(a), ix(b));
    }
    const double dof = static_cast<double>(d.observations) - static_cast<double>(d.p);
    out.deviance = logdet_sigma + quad + logdet_m + dof * std::log(2.0 * std::numbers::pi);
    out.ok = std::isfinite(out.deviance);
    return out;
}

bool deviance_in_theta(RemlEvaluator& ev, Covariance c, const VectorXd& theta, double& f, VectorXd& g) {
    const std::size_t v = ev.design().visits;
    const MatrixXd sigma = covariance_matrix(c, v, theta);
    if (!sigma.allFinite()) return false;
    const RemlValue& r = ev(sigma, true);
    if (!r.ok) return false;
    f = r.deviance;
    const auto jac = covariance_jacobian(c, v, theta);
    g.resize(theta.size());
    for (Index k = 0; k < theta.size(); ++k) g(k) = r.gradient.cwiseProduct(jac[static_cast<std::size_t>(k)]).sum();
    return true;
}

MatrixXd at_visits(const MatrixXd& m, const std::vector<std::size_t>& vis) {
    const Index n = ix(vis.size());
    MatrixXd s(n, n);
    for (Index a = 0; a < n; ++a)
        for (Index b = 0; b < n; ++b) s(a, b) = m(ix(vis[static_cast<std::size_t>(a)]), ix(vis[static_cast<std::size_t>(b)]));
    return s;
}

}  // namespace pilotstat::models
