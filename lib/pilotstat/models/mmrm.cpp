#include "pilotstat/models/mmrm.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include "pilotstat/error.hpp"
#include "pilotstat/models/mmrm_small_sample.hpp"

namespace pilotstat::models {

namespace {
using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

Index mx(std::size_t v) { return static_cast<Index>(v); }

// Two-sided interval and the p-value for the alternative from t with df
// degrees of freedom (the normal when df is infinite).
template <class Dist>
void t_inference(const Dist& dist, MmrmContrast& c, double conf, core::Alternative alt) {
    const double upper = boost::math::cdf(boost::math::complement(dist, c.t));
    const double lower = boost::math::cdf(dist, c.t);
    c.p_value = alt == core::Alternative::greater ? upper
                : alt == core::Alternative::less  ? lower
                                                  : std::min(1.0, 2.0 * std::min(upper, lower));
    const double q = boost::math::quantile(boost::math::complement(dist, (1.0 - conf) / 2.0));
    c.ci.low = c.estimate - q * c.se;
    c.ci.high = c.estimate + q * c.se;
    c.ci.conf = conf;
}

}  // namespace

std::string_view to_string(DfMethod m) {
    switch (m) {
        case DfMethod::kenward_roger: return "kenward-roger";
        case DfMethod::satterthwaite: return "satterthwaite";
        case DfMethod::residual: return "residual";
    }
    return "kenward-roger";
}

DfMethod parse_df_method(std::string_view text) {
    for (auto m : {DfMethod::kenward_roger, DfMethod::satterthwaite, DfMethod::residual})
        if (text == to_string(m)) return m;
    throw UsageError("unknown --df \"" + std::string(text) + "\" (valid: kenward-roger, satterthwaite, residual)");
}

Covariance default_covariance(std::size_t subjects, std::size_t visits) {
    return subjects >= 3 && subjects - 3 >= visits * (visits + 1) / 2 ? Covariance::un : Covariance::cs;
}

std::string default_covariance_rule(std::size_t subjects, std::size_t visits) {
    const std::size_t need = visits * (visits + 1) / 2;
    const bool un = default_covariance(subjects, visits) == Covariance::un;
    return std::string("pre-specified rule: un when n - 3 >= V(V+1)/2, else cs; here n = ") + std::to_string(subjects) +
           ", V = " + std::to_string(visits) + (un ? ", n - 3 >= " : ", n - 3 < ") + std::to_string(need);
}

VectorXd visit_difference_contrast(std::size_t v, std::size_t visit) {
    VectorXd l = VectorXd::Zero(mx(2 * v + 1));
    l(mx(arm_column(v, visit))) = 1.0;
    return l;
}

VectorXd average_difference_contrast(std::size_t v) {
    VectorXd l = VectorXd::Zero(mx(2 * v + 1));
    for (std::size_t j = 0; j < v; ++j) l(mx(arm_column(v, j))) = 1.0 / static_cast<double>(v);
    return l;
}

VectorXd adjusted_mean_contrast(std::size_t v, std::size_t visit, bool arm_a) {
    VectorXd l = VectorXd::Zero(mx(2 * v + 1));
    l(0) = 1.0;
    if (visit > 0) l(mx(1 + visit)) = 1.0;
    if (arm_a) l(mx(arm_column(v, visit))) = 1.0;
    return l;
}

MatrixXd empirical_covariance(const MmrmDesign& d) {
    RemlEvaluator ev(d);
    const auto v = mx(d.visits);
    const RemlValue& ols = ev(MatrixXd::Identity(v, v), false);
    MatrixXd sum = MatrixXd::Zero(v, v), count = MatrixXd::Zero(v, v);
    if (!ols.ok) return MatrixXd::Identity(v, v);
    double all = 0.0;
    for (std::size_t i = 0; i < d.x.size(); ++i) {
        if (d.x[i].rows() == 0) continue;
        const VectorXd r = d.y[i] - d.x[i] * ols.beta;
        all += r.squaredNorm();
        for (std::size_t a = 0; a < d.at[i].size(); ++a)
            for (std::size_t b = 0; b < d.at[i].size(); ++b) {
                sum(mx(d.at[i][a]), mx(d.at[i][b])) += r(mx(a)) * r(mx(b));
                count(mx(d.at[i][a]), mx(d.at[i][b])) += 1.0;
            }
    }
    const double pooled = std::max(all / std::max(1.0, static_cast<double>(d.observations) - static_cast<double>(d.p)),
                                   1e-12);
    MatrixXd s(v, v);
    for (Index a = 0; a < v; ++a)
        for (Index b = 0; b < v; ++b) s(a, b) = count(a, b) > 0 ? sum(a, b) / count(a, b) : (a == b ? pooled : 0.0);
    for (Index a = 0; a < v; ++a) s(a, a) = std::max(s(a, a), 1e-3 * pooled);
    return s;
}

RemlFit fit_reml(const MmrmDesign& d, Covariance c, const VectorXd& start, const MatrixXd& h0) {
    RemlFit fit;
    if (!full_rank(d)) {
        fit.problem = "the group x visit effects are not all estimable (a visit without scores in an arm)";
        return fit;
    }
    RemlEvaluator ev(d);
    const Objective objective = [&](const VectorXd& theta, double& f, VectorXd& g) {
        return deviance_in_theta(ev, c, theta, f, g);
    };
    // Starting points: the warm start (if any), then the data's own; for the
    // structures with several correlations (un, toeplitz), whose REML
    // surface can have more than one local optimum, every start is run and
    // the lowest deviance kept, so a refit does not depend on where it began.
    const MatrixXd empirical = empirical_covariance(d);
    std::vector<VectorXd> starts;
    if (start.size() > 0) starts.push_back(start);
    const bool several = c == Covariance::un || c == Covariance::toeplitz;
    starts.push_back(covariance_start(c, empirical));  // also when a warm start fails
    if (several) {  // the equicorrelation matrix of the same variances
        MatrixXd eq = empirical;
        const double mean_var = eq.diagonal().mean();
        double off = 0.0;
        for (Index a = 0; a < eq.rows(); ++a)
            for (Index b = 0; b < a; ++b) off += eq(a, b);
        off = eq.rows() > 1 ? off / static_cast<double>(eq.rows() * (eq.rows() - 1) / 2) : 0.0;
        eq.setConstant(std::clamp(off, 0.0, 0.8 * mean_var));
        eq.diagonal().setConstant(mean_var);
        starts.push_back(covariance_start(c, eq));
    }
    for (std::size_t k = 0; k < starts.size(); ++k) {
        Minimum m = minimize_bfgs(objective, starts[k], k == 0 && start.size() > 0 ? h0 : MatrixXd());
        const bool better = m.converged && (!fit.minimum.converged || m.f < fit.minimum.f);
        if (k == 0 || better) fit.minimum = std::move(m);
        if (!several && fit.minimum.converged) break;  // cs, ar1: one converged start is enough
    }
    fit.theta = fit.minimum.x;
    if (!fit.minimum.converged) {
        fit.problem = "the REML fit did not converge (" + fit.minimum.reason + ")";
        return fit;
    }
    fit.sigma = covariance_matrix(c, d.visits, fit.theta);
    fit.value = ev(fit.sigma, false);
    if (!fit.value.ok) {
        fit.problem = "the REML likelihood is undefined at the estimate";
        return fit;
    }
    // A residual variance at rounding level: the scores are fitted exactly.
    double scale = 0.0;
    for (const auto& y : d.y)
        if (y.size() > 0) scale = std::max(scale, y.cwiseAbs().maxCoeff());
    if (fit.sigma.diagonal().minCoeff() <= 1e-20 * std::max(1.0, scale * scale)) {
        fit.problem = "the residual variance is estimated as 0 (the model fits the scores exactly)";
        return fit;
    }
    fit.boundary = covariance_boundary(c, d.visits, fit.theta);
    fit.ok = true;
    return fit;
}

namespace {

MmrmContrast contrast(const MmrmFit& f, const VectorXd& l, double df_residual, const KenwardRoger* kr,
                      const Satterthwaite* sat, const MmrmOptions& o) {
    MmrmContrast c;
    const MatrixXd& phi = f.reml.value.phi;
    c.estimate = l.dot(f.reml.value.beta);
    c.se_model = std::sqrt(l.dot(phi * l));
    c.se = c.se_model;
    c.df = df_residual;
    if (kr) {
        c.se = std::sqrt(std::max(0.0, l.dot(kr->phi_adjusted * l)));
        c.df = kenward_roger_df(*kr, phi, l);
    } else if (sat) {
        c.df = satterthwaite_df(*sat, phi, l);
    }
    c.ci.method = std::string("mmrm t (") + std::string(to_string(o.df)) + ")";
    c.t = c.estimate / c.se;
    if (!(c.df > 0.0) || std::isnan(c.df) || !(c.se > 0.0)) {
        c.df = std::numeric_limits<double>::quiet_NaN();
        return c;
    }
    if (std::isinf(c.df)) t_inference(boost::math::normal(), c, o.conf, o.alternative);
    else t_inference(boost::math::students_t(c.df), c, o.conf, o.alternative);
    return c;
}

void fill_inference(MmrmFit& f, const MmrmDesign& d, const MmrmOptions& o) {
    const std::size_t v = d.visits;
    const double df_residual = static_cast<double>(d.observations) - static_cast<double>(d.p);
    const MatrixXd h = deviance_hessian(d, f.covariance, f.reml.theta);
    if (h.allFinite()) {
        Eigen::LLT<MatrixXd> llt(h);
        if (llt.info() == Eigen::Success) f.inverse_hessian = llt.solve(MatrixXd::Identity(h.rows(), h.cols()));
    }
    std::optional<KenwardRoger> kr;
    std::optional<Satterthwaite> sat;
    if (o.df == DfMethod::kenward_roger) {
        kr = kenward_roger(d, f.covariance, f.reml.theta, f.reml.sigma, f.reml.value.phi);
        f.phi_adjusted = kr->phi_adjusted;
    } else if (o.df == DfMethod::satterthwaite) {
        if (!h.allFinite()) f.notes.push_back("satterthwaite: the REML Hessian could not be computed at the estimate");
        else sat = satterthwaite(d, f.covariance, f.reml.theta, f.reml.sigma, h);
    }
    const KenwardRoger* k = kr ? &*kr : nullptr;
    const Satterthwaite* s = sat ? &*sat : nullptr;
    for (std::size_t j = 0; j < v; ++j) {
        f.difference.push_back(contrast(f, visit_difference_contrast(v, j), df_residual, k, s, o));
        f.mean_a.push_back(contrast(f, adjusted_mean_contrast(v, j, true), df_residual, k, s, o));
        f.mean_b.push_back(contrast(f, adjusted_mean_contrast(v, j, false), df_residual, k, s, o));
    }
    f.average = contrast(f, average_difference_contrast(v), df_residual, k, s, o);
    for (const auto& c : f.difference)
        if (std::isnan(c.df)) {
            f.notes.push_back(std::string(to_string(o.df)) + " degrees of freedom not estimable at this fit");
            break;
        }
}

}  // namespace

MmrmFit fit_mmrm(const MmrmData& data, const MmrmOptions& o) {
    if (!(o.conf > 0.0 && o.conf < 1.0)) throw UsageError("mmrm: confidence level must be in (0, 1)");
    MmrmFit f;
    f.df_method = o.df;
    for (const auto& s : data.subjects) {
        if (s.visits.empty()) continue;
        ++f.subjects;
        ++(s.arm_a ? f.subjects_a : f.subjects_b);
        f.observations += s.visits.size();
        (s.arm_a ? f.observations_a : f.observations_b) += s.visits.size();
    }
    f.covariance = o.covariance ? *o.covariance : default_covariance(f.subjects, data.visits);
    f.covariance_rule = o.covariance ? "--covariance " + std::string(to_string(*o.covariance))
                                     : default_covariance_rule(f.subjects, data.visits);
    if (f.subjects_a == 0 || f.subjects_b == 0) {
        f.notes.push_back("an arm has no subject with a baseline and a post-baseline score: no model");
        return f;
    }
    const MmrmDesign d = make_design(data);
    f.reml = fit_reml(d, f.covariance, {}, {});
    if (!f.reml.ok && !o.covariance && f.covariance == Covariance::un && f.reml.problem.find("converge") != std::string::npos) {
        f.notes.push_back("un: " + f.reml.problem + "; cs by the pre-specified rule's fall-back");
        f.covariance = Covariance::cs;
        f.covariance_rule += "; un did not converge, so cs (the rule's fall-back)";
        f.reml = fit_reml(d, f.covariance, {}, {});
    }
    if (!f.reml.ok) {
        f.notes.push_back(f.reml.problem);
        return f;
    }
    if (!f.reml.boundary.empty()) f.notes.push_back(f.reml.boundary);
    fill_inference(f, d, o);
    f.converged = true;
    return f;
}

}  // namespace pilotstat::models
