#include "pilotstat/models/ancova.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include <Eigen/Dense>
#include <boost/math/distributions/students_t.hpp>

#include "pilotstat/error.hpp"
#include "pilotstat/null/run.hpp"
#include "pilotstat/resample/rng.hpp"
#include "pilotstat/resample/splits.hpp"

namespace pilotstat::models {

using core::Alternative;
using core::TestResult;

namespace {

// Pooled data, arm A first; x = baseline, y = post, both centred on their
// overall means (the group coefficient does not change; rounding does).
struct Data {
    std::vector<double> x, y;
    std::size_t na = 0;
    double x_mean = 0.0, y_mean = 0.0;
};

double mean_of(const std::vector<double>& v) {
    long double s = 0;
    for (double e : v) s += e;
    return static_cast<double>(s / static_cast<long double>(v.size()));
}

Data pool(std::span<const double> pa, std::span<const double> ba, std::span<const double> pb,
          std::span<const double> bb) {
    Data d;
    d.na = pa.size();
    d.y.assign(pa.begin(), pa.end());
    d.y.insert(d.y.end(), pb.begin(), pb.end());
    d.x.assign(ba.begin(), ba.end());
    d.x.insert(d.x.end(), bb.begin(), bb.end());
    d.x_mean = mean_of(d.x);
    d.y_mean = mean_of(d.y);
    for (auto& v : d.x) v -= d.x_mean;
    for (auto& v : d.y) v -= d.y_mean;
    return d;
}

// Adjusted difference for the split `in_a` by the closed form of the
// common-slope model: (ybar_A - ybar_B) - beta_w (xbar_A - xbar_B), beta_w =
// Sxy_within / Sxx_within; the raw difference when Sxx_within <= tol.
double adjusted_difference(const Data& d, const std::vector<int>& in_a, double tol, bool& singular) {
    long double sx[2] = {0, 0}, sy[2] = {0, 0}, n[2] = {0, 0};
    for (std::size_t i = 0; i < d.x.size(); ++i) {
        const int g = in_a[i] ? 0 : 1;
        sx[g] += d.x[i], sy[g] += d.y[i], n[g] += 1;
    }
    const long double mx[2] = {sx[0] / n[0], sx[1] / n[1]}, my[2] = {sy[0] / n[0], sy[1] / n[1]};
    long double sxx = 0, sxy = 0;
    for (std::size_t i = 0; i < d.x.size(); ++i) {
        const int g = in_a[i] ? 0 : 1;
        sxx += (d.x[i] - mx[g]) * (d.x[i] - mx[g]);
        sxy += (d.x[i] - mx[g]) * (d.y[i] - my[g]);
    }
    singular = !(sxx > tol);
    const long double beta = singular ? 0 : sxy / sxx;
    return static_cast<double>((my[0] - my[1]) - beta * (mx[0] - mx[1]));
}

// A random split (partial Fisher–Yates, continuing from the previous one)
// and its adjusted difference; counts the splits without baseline spread.
struct RandomSplit {
    const Data& d;
    double tol;
    double& singular;
    std::vector<std::size_t> idx;
    std::vector<int> in_a;
    RandomSplit(const Data& data, double t, double& s) : d(data), tol(t), singular(s), idx(data.x.size()), in_a(data.x.size()) {
        std::iota(idx.begin(), idx.end(), std::size_t{0});
    }
    double operator()(resample::Rng& rng) {
        const std::size_t n = d.x.size();
        for (std::size_t i = 0; i < d.na; ++i) std::swap(idx[i], idx[i + rng.below(n - i)]);
        std::fill(in_a.begin(), in_a.end(), 0);
        for (std::size_t i = 0; i < d.na; ++i) in_a[idx[i]] = 1;
        bool s = false;
        const double v = adjusted_difference(d, in_a, tol, s);
        singular += s;
        return v;
    }
};

core::TestResult permutation(const Data& d, double tol, const core::ExactOptions& o, double& singular) {
    const int n = static_cast<int>(d.x.size()), k = static_cast<int>(d.na);
    std::vector<int> observed_split(d.x.size(), 0);
    std::fill(observed_split.begin(), observed_split.begin() + static_cast<long>(d.na), 1);
    bool s = false;
    null::NullProblem problem;
    problem.name = "ancova";
    problem.observed = adjusted_difference(d, observed_split, tol, s);
    problem.cost.arrangements = resample::binomial_coefficient(n, k);
    problem.enumerate = [&] {
        std::vector<double> values;
        values.reserve(static_cast<std::size_t>(resample::binomial_coefficient(n, k)));
        // The first split of the revolving door is {0..na-1}: the observed arms.
        resample::for_each_split(n, k, [&](const std::vector<int>& in_a) {
            values.push_back(adjusted_difference(d, in_a, tol, s));
            singular += s;
        });
        return null::ExactDistribution::from_values(std::move(values));
    };
    problem.draw = RandomSplit(d, tol, singular);
    // Equal arms: relabelling A <-> B maps delta to -delta, so the null
    // distribution is symmetric about 0 exactly; otherwise its mean is
    // estimated from the sampled values (its error is within the MC error).
    if (d.na * 2 == d.x.size()) problem.centre = 0.0;
    return null::run(problem, o);
}

// The lines T_S(delta) = u_S - c_S delta of every split (or of the observed
// split plus the same B random splits as permutation()), for the inversion.
std::optional<inference::PValueFunction> shift_pvalues(const Data& d, double tol, const core::ExactOptions& o) {
    const int n = static_cast<int>(d.x.size()), k = static_cast<int>(d.na);
    Data dz = d;  // the shift's direction: post_A - delta moves y by -delta on arm A
    for (std::size_t i = 0; i < dz.y.size(); ++i) dz.y[i] = i < d.na ? 1.0 : 0.0;
    const double splits = resample::binomial_coefficient(n, k);
    const bool two_sided = o.alternative == Alternative::two_sided,
               dev = two_sided && o.two_sided_rule == core::TwoSidedRule::deviation;
    inference::LinearShiftProblem lp;
    bool s = false;
    auto line = [&](const std::vector<int>& in_a) {
        const double u = adjusted_difference(d, in_a, tol, s);
        lp.lines.push_back({u, adjusted_difference(dz, in_a, tol, s)});
        lp.scale = std::max(lp.scale, std::fabs(u));
    };
    lp.scale = 0.0;
    long double su = 0, sc = 0;
    if (splits <= std::min(inference::kMaxInversionArrangements, o.max_enumeration)) {
        resample::for_each_split(n, k, [&](const std::vector<int>& in_a) {  // first: the observed split
            line(in_a);
            su += lp.lines.back().u, sc += lp.lines.back().c;
        });
        lp.centre_u = static_cast<double>(su / splits), lp.centre_c = static_cast<double>(sc / splits);
        lp.arrangements = splits;
        lp.resolution = ((dev && 2 * d.na == d.x.size()) || (two_sided && !dev) ? 2.0 : 1.0) / splits;
    } else {
        if (o.resamples == 0) return std::nullopt;
        std::vector<int> observed(d.x.size(), 0);
        std::fill(observed.begin(), observed.begin() + static_cast<long>(d.na), 1);
        line(observed);
        // The same draws as permutation()'s RandomSplit from Rng(seed).
        resample::Rng rng(o.seed);
        std::vector<std::size_t> idx(d.x.size());
        std::iota(idx.begin(), idx.end(), std::size_t{0});
        std::vector<int> in_a(d.x.size());
        for (std::uint64_t b = 0; b < o.resamples; ++b) {
            for (std::size_t i = 0; i < d.na; ++i) std::swap(idx[i], idx[i + rng.below(d.x.size() - i)]);
            std::fill(in_a.begin(), in_a.end(), 0);
            for (std::size_t i = 0; i < d.na; ++i) in_a[idx[i]] = 1;
            line(in_a);
            su += lp.lines.back().u, sc += lp.lines.back().c;
        }
        const double B = static_cast<double>(o.resamples);
        // as permutation(): centre 0 for equal arms, else the mean of the draws
        if (2 * d.na != d.x.size()) lp.centre_u = static_cast<double>(su / B), lp.centre_c = static_cast<double>(sc / B);
        lp.method = core::Method::monte_carlo;
        lp.arrangements = B;
        lp.seed = o.seed;
        lp.resolution = (two_sided && !dev ? 2.0 : 1.0) / (B + 1.0);
    }
    return inference::linear_shift_pvalues(lp, o);
}

}  // namespace

namespace {

// Sum of squares below which deviations are rounding noise: every deviation
// under 1e-10 of the largest |value|.
double noise_ss(std::span<const double> a, std::span<const double> b) {
    double m = 0.0;
    for (double v : a) m = std::max(m, std::fabs(v));
    for (double v : b) m = std::max(m, std::fabs(v));
    const double per = 1e-10 * m;
    return static_cast<double>(a.size() + b.size()) * per * per;
}

bool finite(std::span<const double> v) {
    return std::all_of(v.begin(), v.end(), [](double e) { return std::isfinite(e); });
}

// Why the model cannot be fitted, or "" when it can.
std::string design_problem(const Data& d, double x_tol) {
    const std::size_t n = d.x.size();
    if (d.na == 0 || d.na == n) return "arm is empty";
    if (n <= 3) return "n <= 3: no residual degrees of freedom";
    long double sxx = 0;
    for (double v : d.x) sxx += static_cast<long double>(v) * v;
    if (!(sxx > x_tol)) return "baseline is constant";
    std::vector<int> in_a(n, 0);
    std::fill(in_a.begin(), in_a.begin() + static_cast<long>(d.na), 1);
    bool singular = false;
    adjusted_difference(d, in_a, x_tol, singular);
    return singular ? "baseline is collinear with group" : "";
}

// Least squares on [1, arm A, centred baseline]; nullopt (and `note`) when
// the design is rank-deficient or the fit is perfect.
std::optional<AncovaFit> least_squares(const Data& d, double y_tol, std::string& note) {
    const auto n = static_cast<Eigen::Index>(d.x.size());
    Eigen::MatrixXd X(n, 3);
    Eigen::VectorXd y(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const auto u = static_cast<std::size_t>(i);
        X(i, 0) = 1.0;
        X(i, 1) = u < d.na ? 1.0 : 0.0;
        X(i, 2) = d.x[u];
        y(i) = d.y[u];
    }
    Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(X);
    qr.setThreshold(1e-10);
    if (qr.rank() < 3) {
        note = "baseline is collinear with group";
        return std::nullopt;
    }
    const Eigen::Vector3d beta = qr.solve(y);
    const double rss = (y - X * beta).squaredNorm();
    if (!(rss > y_tol)) {
        note = "residual variance is zero";
        return std::nullopt;
    }
    // (X'X)^-1 = P R^-1 R^-T P' from the pivoted QR.
    const Eigen::Matrix3d r_inv = qr.matrixR().topLeftCorner(3, 3).triangularView<Eigen::Upper>().solve(
        Eigen::Matrix3d::Identity());
    const Eigen::Matrix3d p = qr.colsPermutation();
    const Eigen::Matrix3d xtx_inv = p * r_inv * r_inv.transpose() * p.transpose();
    AncovaFit f;
    f.df = static_cast<double>(n - 3);
    f.residual_sd = std::sqrt(rss / f.df);
    f.difference = beta(1);
    f.se = f.residual_sd * std::sqrt(xtx_inv(1, 1));
    f.t = f.difference / f.se;
    f.baseline_slope = beta(2);
    f.intercept = d.y_mean + beta(0) - beta(2) * d.x_mean;  // undo the centring
    return f;
}

// Student-t p-value for the alternative and the two-sided t interval.
void t_inference(AncovaFit& f, double conf, core::Alternative alternative) {
    const boost::math::students_t dist(f.df);
    const double upper = boost::math::cdf(boost::math::complement(dist, f.t));
    const double lower = boost::math::cdf(dist, f.t);
    f.p_value = alternative == core::Alternative::greater ? upper
                : alternative == core::Alternative::less  ? lower
                                                    : std::min(1.0, 2.0 * std::min(upper, lower));
    const double q = boost::math::quantile(boost::math::complement(dist, (1.0 - conf) / 2.0));
    f.ci = {f.difference - q * f.se, f.difference + q * f.se, conf, "t (ancova)"};
}

}  // namespace

AncovaResult ancova(std::span<const double> post_a, std::span<const double> base_a,
                    std::span<const double> post_b, std::span<const double> base_b, double conf,
                    const core::ExactOptions& opts) {
    if (post_a.size() != base_a.size() || post_b.size() != base_b.size())
        throw UsageError("ancova: each subject needs one baseline and one post value");
    if (!(conf > 0.0 && conf < 1.0)) throw UsageError("ancova: confidence level must be in (0, 1)");
    AncovaResult res;
    if (!finite(post_a) || !finite(base_a) || !finite(post_b) || !finite(base_b)) {
        res.note = "non-finite value";
        return res;
    }
    const Data d = pool(post_a, base_a, post_b, base_b);
    const double x_tol = noise_ss(base_a, base_b);
    res.note = design_problem(d, x_tol);
    if (!res.note.empty()) return res;
    auto f = least_squares(d, noise_ss(post_a, post_b), res.note);
    if (!f) return res;
    t_inference(*f, conf, opts.alternative);
    double singular = 0.0;
    f->permutation = permutation(d, x_tol, opts, singular);
    f->shift_pvalues = shift_pvalues(d, x_tol, opts);
    if (singular > 0.0)
        res.note = std::to_string(static_cast<long long>(singular)) + " of " +
                   std::to_string(static_cast<long long>(f->permutation.arrangements)) +
                   " splits had no within-arm baseline spread";
    res.fit = std::move(f);
    return res;
}

}  // namespace pilotstat::models
