#include "pilotstat/models/mmrm_covariance.hpp"

#include <algorithm>
#include <cmath>

#include "pilotstat/error.hpp"

namespace pilotstat::models {

namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

Index idx(std::size_t v) { return static_cast<Index>(v); }

// Durbin-Levinson: autocorrelations rho_1..rho_m from partial
// autocorrelations phi_1..phi_m (each in (-1, 1)).
std::vector<double> autocorrelations(const std::vector<double>& phi) {
    const std::size_t m = phi.size();
    std::vector<double> rho(m), a, prev;
    for (std::size_t k = 1; k <= m; ++k) {
        double num = 0.0, den = 1.0;
        for (std::size_t j = 1; j < k; ++j) {
            num += a[j - 1] * rho[k - j - 1];
            den -= a[j - 1] * rho[j - 1];
        }
        rho[k - 1] = num + phi[k - 1] * den;
        prev = a;
        a.assign(k, 0.0);
        for (std::size_t j = 1; j < k; ++j) a[j - 1] = prev[j - 1] - phi[k - 1] * prev[k - j - 1];
        a[k - 1] = phi[k - 1];
    }
    return rho;
}

MatrixXd toeplitz(std::size_t v, const std::vector<double>& lag) {  // lag[0] = diagonal
    MatrixXd s(idx(v), idx(v));
    for (std::size_t j = 0; j < v; ++j)
        for (std::size_t k = 0; k < v; ++k) s(idx(j), idx(k)) = lag[j > k ? j - k : k - j];
    return s;
}

double clamp_corr(double r) { return std::isfinite(r) ? std::clamp(r, -0.8, 0.8) : 0.0; }

// Mean diagonal and mean lag-d entry of S.
double lag_mean(const MatrixXd& s, Index d) {
    double sum = 0.0;
    const Index v = s.rows();
    for (Index j = 0; j + d < v; ++j) sum += s(j, j + d);
    return sum / static_cast<double>(v - d);
}

}  // namespace

std::string_view to_string(Covariance c) {
    switch (c) {
        case Covariance::cs: return "cs";
        case Covariance::un: return "un";
        case Covariance::ar1: return "ar1";
        case Covariance::toeplitz: return "toeplitz";
    }
    return "cs";
}

Covariance parse_covariance(std::string_view text) {
    for (auto c : {Covariance::cs, Covariance::un, Covariance::ar1, Covariance::toeplitz})
        if (text == to_string(c)) return c;
    throw UsageError("unknown --covariance \"" + std::string(text) + "\" (valid: cs, un, ar1, toeplitz)");
}

std::size_t covariance_parameters(Covariance c, std::size_t v) {
    switch (c) {
        case Covariance::cs: return 2;
        case Covariance::un: return v * (v + 1) / 2;
        case Covariance::ar1: return v > 1 ? 2 : 1;
        case Covariance::toeplitz: return v;
    }
    return 2;
}

MatrixXd covariance_matrix(Covariance c, std::size_t v, const VectorXd& theta) {
    const double s2 = std::exp(2.0 * theta(0));
    switch (c) {
        case Covariance::cs: {
            MatrixXd s = MatrixXd::Constant(idx(v), idx(v), s2 * theta(1) * theta(1));
            s.diagonal().array() += s2;
            return s;
        }
        case Covariance::un: {
            MatrixXd l = MatrixXd::Zero(idx(v), idx(v));
            Index p = 0;
            for (Index j = 0; j < idx(v); ++j) l(j, j) = std::exp(theta(p++));
            for (Index j = 1; j < idx(v); ++j)
                for (Index k = 0; k < j; ++k) l(j, k) = theta(p++);
            return l * l.transpose();
        }
        case Covariance::ar1: {
            std::vector<double> lag(v, s2);
            const double rho = v > 1 ? std::tanh(theta(1)) : 0.0;
            for (std::size_t d = 1; d < v; ++d) lag[d] = lag[d - 1] * rho;
            return toeplitz(v, lag);
        }
        case Covariance::toeplitz: {
            std::vector<double> phi;
            for (Index k = 1; k < theta.size(); ++k) phi.push_back(std::tanh(theta(k)));
            const auto rho = autocorrelations(phi);
            std::vector<double> lag{s2};
            for (double r : rho) lag.push_back(s2 * r);
            return toeplitz(v, lag);
        }
    }
    return MatrixXd::Identity(idx(v), idx(v));
}

std::vector<MatrixXd> covariance_jacobian(Covariance c, std::size_t v, const VectorXd& theta) {
    std::vector<MatrixXd> out;
    VectorXd t = theta;
    for (Index k = 0; k < theta.size(); ++k) {
        const double h = 1e-5 * std::max(1.0, std::fabs(theta(k)));
        t(k) = theta(k) + h;
        MatrixXd up = covariance_matrix(c, v, t);
        t(k) = theta(k) - h;
        up -= covariance_matrix(c, v, t);
        t(k) = theta(k);
        out.push_back(up / (2.0 * h));
    }
    return out;
}

VectorXd covariance_start(Covariance c, const MatrixXd& s_in) {
    const Index v = s_in.rows();
    MatrixXd s = 0.5 * (s_in + s_in.transpose());
    const double diag = std::max(lag_mean(s, 0), 1e-8);
    const double r1 = v > 1 ? clamp_corr(lag_mean(s, 1) / diag) : 0.0;
    VectorXd theta = VectorXd::Zero(static_cast<Index>(covariance_parameters(c, static_cast<std::size_t>(v))));
    switch (c) {
        case Covariance::cs: {
            double off = 0.0;
            for (Index j = 0; j < v; ++j)
                for (Index k = 0; k < j; ++k) off += s(j, k);
            off = v > 1 ? off / static_cast<double>(v * (v - 1) / 2) : 0.0;
            const double b2 = std::clamp(off, 0.1 * diag, 0.9 * diag);
            theta(0) = 0.5 * std::log(diag - b2);
            theta(1) = std::sqrt(b2 / (diag - b2));
            return theta;
        }
        case Covariance::un: {
            // Keep the empirical variances, shrink correlations towards the
            // mean lag-1 one until the matrix is safely positive definite.
            VectorXd sd = s.diagonal().cwiseMax(1e-3 * diag).cwiseSqrt();
            MatrixXd target = MatrixXd::Constant(v, v, std::max(r1, 0.0));
            target.diagonal().setOnes();
            MatrixXd corr = sd.cwiseInverse().asDiagonal() * s * sd.cwiseInverse().asDiagonal();
            corr.diagonal().setOnes();
            for (double w = 1.0; w >= 0.0; w -= 0.25) {
                const MatrixXd r = w * corr.cwiseMax(-0.9).cwiseMin(0.9) + (1.0 - w) * target;
                MatrixXd m = sd.asDiagonal() * r * sd.asDiagonal();
                m.diagonal() = sd.cwiseAbs2();
                Eigen::LLT<MatrixXd> llt(m);
                if (llt.info() != Eigen::Success || Eigen::SelfAdjointEigenSolver<MatrixXd>(r).eigenvalues()(0) < 0.05)
                    continue;
                const MatrixXd l = llt.matrixL();
                Index p = 0;
                for (Index j = 0; j < v; ++j) theta(p++) = std::log(l(j, j));
                for (Index j = 1; j < v; ++j)
                    for (Index k = 0; k < j; ++k) theta(p++) = l(j, k);
                return theta;
            }
            return theta;  // unreachable: w = 0 gives an equicorrelation >= 0 matrix
        }
        case Covariance::ar1:
            theta(0) = 0.5 * std::log(diag);
            if (v > 1) theta(1) = std::atanh(r1);
            return theta;
        case Covariance::toeplitz:
            theta(0) = 0.5 * std::log(diag);
            if (v > 1) theta(1) = std::atanh(r1);  // AR(1) as the start: later partial correlations 0
            return theta;
    }
    return theta;
}

VarianceDerivatives variance_derivatives(Covariance c, std::size_t v, const VectorXd& theta) {
    VarianceDerivatives d;
    const Index n = idx(v);
    switch (c) {
        case Covariance::cs:
            d.first = {MatrixXd::Ones(n, n), MatrixXd::Identity(n, n)};
            break;
        case Covariance::un:
            for (Index j = 0; j < n; ++j)
                for (Index k = j; k < n; ++k) {
                    MatrixXd e = MatrixXd::Zero(n, n);
                    e(j, k) = e(k, j) = 1.0;
                    d.first.push_back(e);
                }
            break;
        case Covariance::toeplitz:
            for (std::size_t lag = 0; lag < v; ++lag) {
                std::vector<double> l(v, 0.0);
                l[lag] = 1.0;
                d.first.push_back(toeplitz(v, l));
            }
            break;
        case Covariance::ar1: {
            const double s2 = std::exp(2.0 * theta(0)), rho = v > 1 ? std::tanh(theta(1)) : 0.0;
            auto pow_lag = [&](double scale, int drop, int factor_terms) {
                MatrixXd m = MatrixXd::Zero(n, n);
                for (Index j = 0; j < n; ++j)
                    for (Index k = 0; k < n; ++k) {
                        const int lag = static_cast<int>(j > k ? j - k : k - j);
                        double f = 1.0;
                        for (int t = 0; t < factor_terms; ++t) f *= lag - t;
                        if (lag - drop >= 0) m(j, k) = scale * f * std::pow(rho, lag - drop);
                    }
                return m;
            };
            d.first.push_back(pow_lag(1.0, 0, 0));   // dSigma / dsigma^2
            if (v == 1) break;
            d.first.push_back(pow_lag(s2, 1, 1));    // dSigma / drho
            const MatrixXd cross = pow_lag(1.0, 1, 1);
            d.second = {{MatrixXd::Zero(n, n), cross}, {cross, pow_lag(s2, 2, 2)}};
            break;
        }
    }
    return d;
}

std::string covariance_boundary(Covariance c, std::size_t v, const VectorXd& theta) {
    constexpr double kNearOne = 1.0 - 1e-6;
    switch (c) {
        case Covariance::cs:
            return theta(1) * theta(1) < 1e-8 ? "between-subject variance estimated at 0 (boundary fit)" : "";
        case Covariance::ar1:
            return v > 1 && std::fabs(std::tanh(theta(1))) > kNearOne ? "AR(1) correlation estimated at +-1 (boundary fit)"
                                                                      : "";
        case Covariance::toeplitz:
            for (Index k = 1; k < theta.size(); ++k)
                if (std::fabs(std::tanh(theta(k))) > kNearOne)
                    return "a Toeplitz correlation estimated at +-1 (boundary fit)";
            return "";
        case Covariance::un: {
            const MatrixXd s = covariance_matrix(c, v, theta);
            const VectorXd inv_sd = s.diagonal().cwiseSqrt().cwiseInverse();
            const MatrixXd r = inv_sd.asDiagonal() * s * inv_sd.asDiagonal();
            if (Eigen::SelfAdjointEigenSolver<MatrixXd>(r).eigenvalues()(0) < 1e-6)
                return "the visits' correlation matrix is estimated as singular, a correlation at +-1 (boundary fit)";
            return "";
        }
    }
    return "";
}

}  // namespace pilotstat::models
