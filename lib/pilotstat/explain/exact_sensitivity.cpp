#include "pilotstat/explain/exact_sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "pilotstat/error.hpp"
#include "pilotstat/resample/rng.hpp"
#include "pilotstat/resample/splits.hpp"

namespace pilotstat::explain {

namespace {

constexpr double kRejectSlack = 1e-10;  // p <= alpha (1 + slack): rounding of k / S only
constexpr double kTieTolerance = 1e-9;  // relative, as the tests' own tie rule
constexpr double kMaxEffect = 50.0;     // SDs: beyond this the target is "not reached"

// The arrangements of one exact test as coefficient rows: T_g = c_g . y,
// row 0 the observed arrangement; plus the shift pattern's image w_g = c_g . s.
struct Arrangements {
    std::size_t n = 0;        // values per replicate
    std::vector<double> c;    // S x n, row-major
    std::vector<double> w;    // S
    std::size_t rows() const { return w.size(); }
};

void add_row(Arrangements& a, const std::vector<double>& coef, const std::vector<double>& shift) {
    a.c.insert(a.c.end(), coef.begin(), coef.end());
    a.w.push_back(std::inner_product(coef.begin(), coef.end(), shift.begin(), 0.0));
}

// The coefficients of the statistic for the split `in_a` (1 = arm A).
std::vector<double> split_coefficients(const ExactDesign& d, const std::vector<int>& in_a) {
    const std::size_t N = in_a.size();
    const double na = static_cast<double>(d.n_a), nb = static_cast<double>(d.n_b);
    std::vector<double> c(N);
    for (std::size_t i = 0; i < N; ++i) c[i] = in_a[i] ? 1.0 / na : -1.0 / nb;
    if (d.test != ExactTest::ancova_permutation) return c;
    // (ybar_A - ybar_B) - beta_w (xbar_A - xbar_B), beta_w = sum (x - xbar_g) y / Sxx_w:
    // linear in y; the raw difference where the split has no within-arm baseline spread (as models::ancova).
    double mx[2] = {0, 0};
    for (std::size_t i = 0; i < N; ++i) mx[in_a[i] ? 0 : 1] += d.baseline[i];
    mx[0] /= na, mx[1] /= nb;
    double sxx = 0, total = 0;
    const double grand = (mx[0] * na + mx[1] * nb) / (na + nb);
    for (std::size_t i = 0; i < N; ++i) {
        const double e = d.baseline[i] - mx[in_a[i] ? 0 : 1];
        sxx += e * e;
        total += (d.baseline[i] - grand) * (d.baseline[i] - grand);
    }
    if (!(sxx > 1e-10 * total)) return c;
    for (std::size_t i = 0; i < N; ++i) c[i] -= (mx[0] - mx[1]) * (d.baseline[i] - mx[in_a[i] ? 0 : 1]) / sxx;
    return c;
}

Arrangements build(const ExactDesign& d, resample::Rng& rng, ExactSensitivity& out) {
    Arrangements a;
    if (d.test == ExactTest::signflip) {
        const std::size_t n = d.n_a;
        a.n = n;
        const std::vector<double> shift(n, 1.0);
        out.arrangements = std::ldexp(1.0, static_cast<int>(n));
        out.enumerated = out.arrangements <= kMaxEnumerated;
        const std::uint64_t S = out.enumerated ? static_cast<std::uint64_t>(out.arrangements) : kInnerResamples + 1;
        std::vector<double> coef(n);
        for (std::uint64_t g = 0; g < S; ++g) {  // g = 0: all signs +, the observed pattern
            for (std::size_t i = 0; i < n; ++i) {
                const bool minus = out.enumerated ? ((g >> i) & 1U) : (g > 0 && (rng.next() >> 63));
                coef[i] = (minus ? -1.0 : 1.0) / static_cast<double>(n);
            }
            add_row(a, coef, shift);
        }
        return a;
    }
    const std::size_t N = d.n_a + d.n_b;
    a.n = N;
    std::vector<double> shift(N, 0.0);
    std::fill(shift.begin(), shift.begin() + static_cast<long>(d.n_a), 1.0);
    out.arrangements = resample::binomial_coefficient(static_cast<int>(N), static_cast<int>(d.n_a));
    out.enumerated = out.arrangements <= kMaxEnumerated;
    if (out.enumerated) {  // the revolving door starts at {0..n_a-1}: the observed arms
        resample::for_each_split(static_cast<int>(N), static_cast<int>(d.n_a),
                                 [&](const std::vector<int>& in_a) { add_row(a, split_coefficients(d, in_a), shift); });
        return a;
    }
    std::vector<int> in_a(N, 0);
    std::fill(in_a.begin(), in_a.begin() + static_cast<long>(d.n_a), 1);
    add_row(a, split_coefficients(d, in_a), shift);
    std::vector<std::size_t> idx(N);
    for (std::uint64_t b = 0; b < kInnerResamples; ++b) {  // random splits: partial Fisher-Yates
        std::iota(idx.begin(), idx.end(), std::size_t{0});
        for (std::size_t i = 0; i < d.n_a; ++i) std::swap(idx[i], idx[i + rng.below(N - i)]);
        std::fill(in_a.begin(), in_a.end(), 0);
        for (std::size_t i = 0; i < d.n_a; ++i) in_a[idx[i]] = 1;
        add_row(a, split_coefficients(d, in_a), shift);
    }
    return a;
}

// The noise part of every statistic, u[r][g] = c_g . Z_r, and its mean over g.
struct Replicates {
    std::size_t S = 0;
    std::vector<double> u, u_mean;
};

Replicates draw(const Arrangements& a, resample::Rng& rng, std::uint64_t R) {
    Replicates rep;
    rep.S = a.rows();
    rep.u.resize(static_cast<std::size_t>(R) * rep.S);
    rep.u_mean.resize(static_cast<std::size_t>(R));
    std::vector<double> z(a.n);
    for (std::uint64_t r = 0; r < R; ++r) {
        for (auto& v : z) v = rng.normal();
        double sum = 0;
        for (std::size_t g = 0; g < rep.S; ++g) {
            const double t = std::inner_product(z.begin(), z.end(), a.c.begin() + static_cast<long>(g * a.n), 0.0);
            rep.u[r * rep.S + g] = t;
            sum += t;
        }
        rep.u_mean[r] = sum / static_cast<double>(rep.S);
    }
    return rep;
}

// Rejections at the (signed) effect `delta`.
std::uint64_t rejections(const Arrangements& a, const Replicates& rep, const ExactDesign& d, double alpha,
                         double delta) {
    const std::size_t S = rep.S;
    const double w_mean = std::accumulate(a.w.begin(), a.w.end(), 0.0) / static_cast<double>(S);
    const double limit = alpha * (1.0 + kRejectSlack);
    std::uint64_t count = 0;
    for (std::size_t r = 0; r < rep.u_mean.size(); ++r) {
        const double* u = &rep.u[r * S];
        const double t0 = u[0] + delta * a.w[0], centre = rep.u_mean[r] + delta * w_mean;
        const double eps = kTieTolerance * (std::fabs(t0) + std::fabs(centre) + 1e-300);
        const double dev0 = std::fabs(t0 - centre) - eps;
        // only the count the alternative needs (the inner loop is the report's hot spot)
        double k = 0;
        if (d.alternative == core::Alternative::greater) {
            for (std::size_t g = 0; g < S; ++g) k += u[g] + delta * a.w[g] >= t0 - eps;
        } else if (d.alternative == core::Alternative::less) {
            for (std::size_t g = 0; g < S; ++g) k += u[g] + delta * a.w[g] <= t0 + eps;
        } else if (d.rule == core::TwoSidedRule::doubled) {
            std::size_t ge = 0, le = 0;
            for (std::size_t g = 0; g < S; ++g) {
                const double t = u[g] + delta * a.w[g];
                ge += t >= t0 - eps;
                le += t <= t0 + eps;
            }
            k = 2.0 * static_cast<double>(std::min(ge, le));
        } else {
            for (std::size_t g = 0; g < S; ++g) k += std::fabs(u[g] + delta * a.w[g] - centre) >= dev0;
        }
        count += std::min(1.0, k / static_cast<double>(S)) <= limit;
    }
    return count;
}

void validate(const ExactDesign& d, double alpha, double power) {
    if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1))
        throw UsageError("design sensitivity needs 0 < alpha < 1 and 0 < power < 1");
    if (d.test == ExactTest::signflip ? d.n_a < 2 : (d.n_a == 0 || d.n_b == 0))
        throw UsageError("design sensitivity needs at least 2 pairs or two non-empty arms");
    if (d.test == ExactTest::ancova_permutation && d.baseline.size() != d.n_a + d.n_b)
        throw UsageError("design sensitivity of ANCOVA needs one baseline per participant");
}

}  // namespace

ExactSensitivity simulate_exact_sensitivity(const ExactDesign& d, double alpha, double power, std::uint64_t seed,
                                            std::uint64_t R) {
    validate(d, alpha, power);
    if (R == 0) throw UsageError("design sensitivity needs at least 1 replicate");
    ExactSensitivity out;
    out.seed = seed;
    out.replicates = R;
    resample::Rng rng(seed);
    const Arrangements a = build(d, rng, out);
    if (!out.enumerated) out.inner_resamples = kInnerResamples;
    const Replicates rep = draw(a, rng, R);
    const double sign = d.alternative == core::Alternative::less ? -1.0 : 1.0;
    auto power_at = [&](double e) {
        return static_cast<double>(rejections(a, rep, d, alpha, sign * e)) / static_cast<double>(R);
    };
    double lo = 0.0, hi = 1.0, p_hi = power_at(hi);
    while (p_hi < power) {
        if (hi >= kMaxEffect) {
            out.max_effect = kMaxEffect;
            out.power_at = p_hi;
            return out;
        }
        lo = hi;
        hi = std::min(kMaxEffect, hi * 1.5);
        p_hi = power_at(hi);
    }
    while (hi - lo > 1e-3) {
        const double mid = 0.5 * (lo + hi), p = power_at(mid);
        (p >= power ? hi : lo) = mid;
        if (p >= power) p_hi = p;
    }
    out.effect = hi;
    out.power_at = p_hi;
    out.mc_se = std::sqrt(p_hi * (1.0 - p_hi) / static_cast<double>(R));
    return out;
}

ExactSensitivity SensitivityCache::get(const ExactDesign& d, double alpha, double power, std::uint64_t seed) {
    Key key{static_cast<int>(d.test), d.n_a, d.n_b, d.baseline, static_cast<int>(d.alternative),
            static_cast<int>(d.rule), alpha, power, seed};
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (auto it = results_.find(key); it != results_.end()) return it->second;
    }
    auto result = simulate_exact_sensitivity(d, alpha, power, seed);
    std::lock_guard<std::mutex> lock(mutex_);
    return results_.emplace(std::move(key), std::move(result)).first->second;
}

std::size_t SensitivityCache::size() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return results_.size();
}

}  // namespace pilotstat::explain
