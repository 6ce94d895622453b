#include "pilotstat/inference/shift_inversion.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "pilotstat/null/provider.hpp"
#include "pilotstat/null/tails.hpp"
#include "pilotstat/resample/rng.hpp"
#include "pilotstat/resample/splits.hpp"

namespace pilotstat::inference {

namespace {

// One arrangement, reduced to the two lines whose signs decide it:
// g(delta) = ga - gs |.| delta, zero where T = T_A, and h(delta) = ha - hs |.| delta,
// zero where T - E T = -(T_A - E T); gs, hs are the signs (-1, 0, +1) of their
// slopes and rg, rh their roots. |T - E T| >= |T_A - E T| <=> g h >= 0, and
// T >= T_A <=> g >= 0. The mean-difference and sign-flip providers compute
// the roots from sums of the raw data (exact for integer data, one rounding
// at the end), so that a breakpoint at -4 prints as -4.
struct Arrangement {
    double ga = 0.0, ha = 0.0;
    int gs = 0, hs = 0;
    double rg = 0.0, rh = 0.0;
};

int sign_of(long long v) { return v > 0 ? 1 : v < 0 ? -1 : 0; }

// T(delta) = u - (num / den) delta against the observed u0 - delta, E T = 0.
Arrangement rational(double u, double u0, long long num, long long den, double rg, double rh) {
    return {u - u0, u + u0, sign_of(num - den), sign_of(num + den), rg, rh};
}

struct Problem {
    std::vector<Arrangement> arr;  // includes the observed arrangement (gs = 0)
    double total = 0.0;     // number of arrangements (weights are all 1)
    double scale = 1.0;     // largest |value| of the data (tolerances are relative to it)
    core::Method method = core::Method::exact_enumeration;
    double arrangements = 0.0;
    double resolution = 0.0;
    std::optional<std::uint64_t> seed;
};

// Positions on the line after clustering the M roots: gap j (before root j) is
// 2j, root j is 2j + 1, the gap after the last root is 2M.
struct Span {
    std::size_t lo = 1, hi = 0;  // empty when lo > hi
    bool empty() const { return lo > hi; }
};

Span intersect(Span a, Span b) { return {std::max(a.lo, b.lo), std::min(a.hi, b.hi)}; }

// {delta : alpha - (bnum / den) delta >= 0} (sign = +1) or <= 0 (sign = -1),
// the root (if any) being cluster `root`.
Span half_line(double alpha, int bnum, int sign, std::size_t root, std::size_t last, double tol) {
    if (sign < 0) {
        alpha = -alpha;
        bnum = -bnum;
    }
    if (bnum == 0) return alpha >= -tol ? Span{0, last} : Span{};
    const std::size_t at = 2 * root + 1;
    return bnum > 0 ? Span{0, at} : Span{at, last};
}

struct Counts {
    std::vector<long long> dev, ge, le;  // per position
};

// Adds +1 over span s of the difference array d.
void add(std::vector<long long>& d, Span s) {
    if (s.empty()) return;
    d[s.lo] += 1;
    d[s.hi + 1] -= 1;
}

void prefix(std::vector<long long>& d) {
    for (std::size_t i = 1; i < d.size(); ++i) d[i] += d[i - 1];
}

PValueFunction sweep(const Problem& pr, const core::ExactOptions& o) {
    const bool two_dev = o.alternative == core::Alternative::two_sided && o.two_sided_rule == core::TwoSidedRule::deviation;
    const double tol_root = null::tie_tolerance(pr.scale), tol_stat = tol_root;
    struct Root {
        double x;
        std::uint32_t slot;
    };
    std::vector<Root> roots;
    roots.reserve(pr.arr.size() * (two_dev ? 2 : 1));
    for (std::size_t i = 0; i < pr.arr.size(); ++i) {
        const auto& a = pr.arr[i];
        if (a.gs != 0) roots.push_back({a.rg, static_cast<std::uint32_t>(2 * i)});
        if (two_dev && a.hs != 0) roots.push_back({a.rh, static_cast<std::uint32_t>(2 * i + 1)});
    }
    std::sort(roots.begin(), roots.end(), [](const Root& l, const Root& r) { return l.x < r.x; });
    // Roots closer than the tolerance are one breakpoint (rounding noise of
    // crossings that coincide exactly, as with tied data).
    std::vector<double> cluster_x;
    std::vector<std::uint32_t> cluster_of(2 * pr.arr.size(), 0);
    for (std::size_t i = 0; i < roots.size(); ++i) {
        if (i == 0 || roots[i].x - roots[i - 1].x > tol_root) cluster_x.push_back(roots[i].x);
        cluster_of[roots[i].slot] = static_cast<std::uint32_t>(cluster_x.size() - 1);
    }
    const std::size_t m = cluster_x.size(), last = 2 * m;
    Counts c;
    const bool need_dev = two_dev, need_ge = !two_dev && o.alternative != core::Alternative::less,
               need_le = !two_dev && o.alternative != core::Alternative::greater;
    if (need_dev) c.dev.assign(last + 2, 0);
    if (need_ge) c.ge.assign(last + 2, 0);
    if (need_le) c.le.assign(last + 2, 0);
    for (std::size_t i = 0; i < pr.arr.size(); ++i) {
        const auto& a = pr.arr[i];
        const double ga = a.ga, ha = a.ha;
        const int gb = a.gs, hb = a.hs;
        const std::size_t gr = cluster_of[2 * i], hr = cluster_of[2 * i + 1];
        if (need_ge) add(c.ge, half_line(ga, gb, +1, gr, last, tol_stat));
        if (need_le) add(c.le, half_line(ga, gb, -1, gr, last, tol_stat));
        if (need_dev) {
            // |T_S| >= |T_A|  <=>  g h >= 0
            const Span s1 = intersect(half_line(ga, gb, +1, gr, last, tol_stat), half_line(ha, hb, +1, hr, last, tol_stat));
            const Span s2 = intersect(half_line(ga, gb, -1, gr, last, tol_stat), half_line(ha, hb, -1, hr, last, tol_stat));
            if (!s1.empty() && !s2.empty() && !intersect(s1, s2).empty()) {
                add(c.dev, Span{std::min(s1.lo, s2.lo), std::max(s1.hi, s2.hi)});
            } else {
                add(c.dev, s1);
                add(c.dev, s2);
            }
        }
    }
    if (need_dev) prefix(c.dev);
    if (need_ge) prefix(c.ge);
    if (need_le) prefix(c.le);
    const double w = pr.total;
    auto p_at = [&](std::size_t pos) {
        if (need_dev) return std::min(1.0, static_cast<double>(c.dev[pos]) / w);
        if (o.alternative == core::Alternative::greater) return static_cast<double>(c.ge[pos]) / w;
        if (o.alternative == core::Alternative::less) return static_cast<double>(c.le[pos]) / w;
        return std::min(1.0, 2.0 * static_cast<double>(std::min(c.ge[pos], c.le[pos])) / w);
    };
    PValueFunction f;
    f.method = pr.method;
    f.arrangements = pr.arrangements;
    f.resolution = pr.resolution;
    f.alternative = o.alternative;
    f.two_sided_rule = o.two_sided_rule;
    f.seed = pr.seed;
    f.p_below = p_at(0);
    double left = f.p_below;
    for (std::size_t j = 0; j < m; ++j) {
        const double at = p_at(2 * j + 1), above = p_at(2 * j + 2);
        if (at != left || above != left) f.steps.push_back({cluster_x[j], at, above});  // a real step
        left = above;
    }
    return f;
}

bool finite_all(std::span<const double> x) {
    return std::all_of(x.begin(), x.end(), [](double v) { return std::isfinite(v); });
}

double max_abs(std::span<const double> x, double init) {
    for (double v : x) init = std::max(init, std::fabs(v));
    return init;
}

}  // namespace

double PValueFunction::p(double shift) const {
    double value = p_below;
    for (const auto& s : steps) {
        if (shift < s.shift) return value;
        if (shift == s.shift) return s.p_at;
        value = s.p_above;
    }
    return value;
}

std::string PValueFunction::method_label() const { return core::method_label(method, arrangements, seed); }

namespace {
// The engine's choice between enumeration and Monte Carlo (no DP: the
// breakpoints need every arrangement), with enumeration also capped at
// kMaxInversionArrangements.
core::Method inversion_method(double arrangements, core::ExactOptions o) {
    o.max_enumeration = std::min(kMaxInversionArrangements, o.max_enumeration);
    return null::method_of(null::choose_provider(null::Cost{arrangements, std::nullopt}, o));
}
}  // namespace

std::optional<PValueFunction> two_sample_shift_pvalues(std::span<const double> a, std::span<const double> b,
                                                       const core::ExactOptions& o) {
    if (a.empty() || b.empty() || !finite_all(a) || !finite_all(b)) return std::nullopt;
    const std::size_t na = a.size(), nb = b.size(), n = na + nb;
    std::vector<long double> x;
    for (double v : a) x.push_back(v);
    for (double v : b) x.push_back(v);
    long double total = 0, s_a = 0;
    for (std::size_t i = 0; i < n; ++i) total += x[i];
    for (std::size_t i = 0; i < na; ++i) s_a += x[i];
    const long double lna = static_cast<long double>(na), lnb = static_cast<long double>(nb),
                      ln = static_cast<long double>(n);
    Problem pr;
    const long long den = static_cast<long long>(na * nb);
    const long long nal = static_cast<long long>(na), nl = static_cast<long long>(n);
    pr.scale = std::max(max_abs(a, max_abs(b, 0.0)), 1e-300);
    // T_S(0) = s_S / n_a - (total - s_S) / n_b with s_S the raw sum over S
    auto stat = [&](long double s_s) { return static_cast<double>(s_s / lna - (total - s_s) / lnb); };
    const double u0 = stat(s_a);
    // rg = mean(A \ S) - mean(B n S) = (s_A - s_S) / (n_a - k);
    // rh = ((s_S + s_A) N - 2 n_a total) / (k N + n_a n_b - n_a^2)
    auto arrangement = [&](long double s_s, long long k) {
        double rg = 0.0, rh = 0.0;
        if (k != nal) rg = static_cast<double>((s_a - s_s) / static_cast<long double>(nal - k));
        const long long hden = k * nl + nal * static_cast<long long>(nb) - nal * nal;
        if (hden != 0) rh = static_cast<double>(((s_s + s_a) * ln - 2 * lna * total) / static_cast<long double>(hden));
        return rational(stat(s_s), u0, k * nl - nal * nal, den, rg, rh);
    };
    const double splits = resample::binomial_coefficient(static_cast<int>(n), static_cast<int>(na));
    const bool two_dev = o.alternative == core::Alternative::two_sided && o.two_sided_rule == core::TwoSidedRule::deviation;
    pr.method = inversion_method(splits, o);
    if (pr.method == core::Method::exact_enumeration) {
        pr.arr.reserve(static_cast<std::size_t>(splits));
        // depth-first over the subsets of size n_a: running sum and number of A members
        auto rec = [&](auto&& self, std::size_t start, std::size_t depth, long double s, long long k) -> void {
            if (depth == na) {
                pr.arr.push_back(arrangement(s, k));
                return;
            }
            for (std::size_t i = start; i + (na - depth) <= n; ++i)
                self(self, i + 1, depth + 1, s + x[i], k + (i < na ? 1 : 0));
        };
        rec(rec, 0, 0, 0.0L, 0);
        pr.total = splits;
        pr.arrangements = splits;
        // untied data: |T| has distinct values, paired by S <-> complement when n_a = n_b
        pr.resolution = ((two_dev && na == nb) || (o.alternative == core::Alternative::two_sided && !two_dev) ? 2.0 : 1.0) / splits;
    } else {
        if (o.resamples == 0) return std::nullopt;
        resample::Rng rng(o.seed);
        std::vector<std::size_t> idx(n);
        std::iota(idx.begin(), idx.end(), std::size_t{0});
        pr.arr.reserve(static_cast<std::size_t>(o.resamples) + 1);
        pr.arr.push_back(arrangement(s_a, nal));  // the observed split: p = (k + 1) / (B + 1)
        for (std::uint64_t r = 0; r < o.resamples; ++r) {
            long double s = 0;
            long long k = 0;
            for (std::size_t i = 0; i < na; ++i) {
                std::swap(idx[i], idx[i + rng.below(n - i)]);
                s += x[idx[i]];
                k += idx[i] < na ? 1 : 0;
            }
            pr.arr.push_back(arrangement(s, k));
        }
        const double b1 = static_cast<double>(o.resamples) + 1.0;
        pr.total = b1;
        pr.arrangements = static_cast<double>(o.resamples);
        pr.seed = o.seed;
        pr.resolution = (o.alternative == core::Alternative::two_sided && !two_dev ? 2.0 : 1.0) / b1;
    }
    return sweep(pr, o);
}

std::optional<PValueFunction> sign_flip_shift_pvalues(std::span<const double> d, const core::ExactOptions& o) {
    if (d.empty() || !finite_all(d)) return std::nullopt;
    const std::size_t n = d.size();
    Problem pr;
    const long long nl = static_cast<long long>(n);
    pr.scale = std::max(max_abs(d, 0.0), 1e-300);
    long double sum = 0;
    for (double x : d) sum += x;
    const long double inv_n = 1.0L / static_cast<long double>(n);
    const double u0 = static_cast<double>(sum * inv_n);
    // With s_plus the sum of the m unflipped differences: T = (2 s_plus - sum) / n,
    // rg = mean of the flipped ones, rh = mean of the unflipped ones.
    auto arrangement = [&](long double s_plus, long long m) {
        double rg = 0.0, rh = 0.0;
        if (m != nl) rg = static_cast<double>((sum - s_plus) / static_cast<long double>(nl - m));
        if (m != 0) rh = static_cast<double>(s_plus / static_cast<long double>(m));
        return rational(static_cast<double>((2 * s_plus - sum) * inv_n), u0, 2 * m - nl, nl, rg, rh);
    };
    const double flips = std::ldexp(1.0, static_cast<int>(std::min<std::size_t>(n, 1000)));
    pr.method = inversion_method(flips, o);
    if (pr.method == core::Method::exact_enumeration) {
        pr.arr.reserve(static_cast<std::size_t>(flips));
        auto rec = [&](auto&& self, std::size_t i, long double s_plus, long long m) -> void {
            if (i == n) {
                pr.arr.push_back(arrangement(s_plus, m));
                return;
            }
            self(self, i + 1, s_plus + d[i], m + 1);
            self(self, i + 1, s_plus, m);
        };
        rec(rec, 0, 0.0L, 0);
        pr.total = flips;
        pr.arrangements = flips;
        // e and -e give the same |T|: two-sided p-values are multiples of 2 / 2^n
        pr.resolution = (o.alternative == core::Alternative::two_sided ? 2.0 : 1.0) / flips;
    } else {
        if (o.resamples == 0) return std::nullopt;
        resample::Rng rng(o.seed);
        pr.arr.reserve(static_cast<std::size_t>(o.resamples) + 1);
        pr.arr.push_back(arrangement(sum, nl));
        for (std::uint64_t r = 0; r < o.resamples; ++r) {
            long double s_plus = 0;
            long long m = 0;
            std::uint64_t bits = 0;
            for (std::size_t i = 0; i < n; ++i) {
                if (i % 64 == 0) bits = rng.next();
                if ((bits >> (i % 64)) & 1U) {
                    s_plus += d[i];
                    ++m;
                }
            }
            pr.arr.push_back(arrangement(s_plus, m));
        }
        const double b1 = static_cast<double>(o.resamples) + 1.0;
        pr.total = b1;
        pr.arrangements = static_cast<double>(o.resamples);
        pr.seed = o.seed;
        const bool doubled = o.alternative == core::Alternative::two_sided && o.two_sided_rule == core::TwoSidedRule::doubled;
        pr.resolution = (doubled ? 2.0 : 1.0) / b1;
    }
    return sweep(pr, o);
}

std::optional<PValueFunction> linear_shift_pvalues(const LinearShiftProblem& lp, const core::ExactOptions& o) {
    if (lp.lines.empty()) return std::nullopt;
    const double u0 = lp.lines.front().u;
    Problem pr;
    pr.scale = std::max(lp.scale, 1e-300);
    const double tol_root = null::tie_tolerance(pr.scale), tol_slope = 1e-10;
    auto sgn = [&](double v) { return v > tol_slope ? 1 : v < -tol_slope ? -1 : 0; };
    // A crossing within rounding of delta = 0 is a tie of the observed data
    // (the test counts it as one): put it at 0 exactly so that p(0) is the test's p.
    auto snap = [&](double r) { return std::fabs(r) <= tol_root ? 0.0 : r; };
    pr.arr.reserve(lp.lines.size());
    for (const auto& l : lp.lines) {
        Arrangement a;
        a.ga = l.u - u0;
        a.gs = sgn(l.c - 1.0);
        if (a.gs != 0) a.rg = snap(a.ga / (l.c - 1.0));
        a.ha = l.u + u0 - 2.0 * lp.centre_u;
        const double hb = l.c + 1.0 - 2.0 * lp.centre_c;
        a.hs = sgn(hb);
        if (a.hs != 0) a.rh = snap(a.ha / hb);
        pr.arr.push_back(a);
    }
    pr.total = static_cast<double>(lp.lines.size());
    pr.method = lp.method;
    pr.arrangements = lp.arrangements;
    pr.resolution = lp.resolution;
    pr.seed = lp.seed;
    return sweep(pr, o);
}

double attained_size(const PValueFunction& f, double conf) {
    const double alpha = 1.0 - conf, r = f.resolution;
    const double m = std::floor(alpha / r + 1e-9);
    return m >= 1.0 ? std::min(1.0, m * r) : std::min(1.0, r);
}

ShiftInterval invert(const PValueFunction& f, double conf, const std::string& test_name) {
    ShiftInterval out;
    out.requested = conf;
    out.method = f.method;
    out.method_label = test_name + " inversion, " + f.method_label();
    const double size = attained_size(f, conf);
    out.level = 1.0 - size;
    out.level_below_requested = out.level < conf - 1e-12;
    // Positions: 0 = (-inf, s_0), 2j + 1 = s_j, 2j + 2 = (s_j, s_{j+1}).
    const std::size_t m = f.steps.size(), last = 2 * m;
    auto p_pos = [&](std::size_t pos) {
        if (pos == 0) return f.p_below;
        const auto& s = f.steps[(pos - 1) / 2];
        return pos % 2 == 1 ? s.p_at : s.p_above;
    };
    const double cut = size * (1.0 + 1e-12);
    std::optional<std::size_t> first, final_pos;
    for (std::size_t pos = 0; pos <= last; ++pos)
        if (p_pos(pos) > cut) {
            if (!first) first = pos;
            final_pos = pos;
        }
    if (!first) {
        out.reason = "too few observations: no shift has a p-value above " + std::string(size >= 1.0 ? "1" : "the test's size");
        return out;
    }
    for (std::size_t pos = *first; pos <= *final_pos; ++pos)
        if (!(p_pos(pos) > cut)) out.has_gaps = true;
    if (*first != 0) out.low = f.steps[(*first - 1) / 2].shift;
    if (*final_pos != last) out.high = f.steps[*final_pos % 2 == 1 ? (*final_pos - 1) / 2 : *final_pos / 2].shift;
    if (out.low && out.high && *out.low == *out.high) {
        out.low.reset();
        out.high.reset();
        out.reason = "zero width: only one shift is compatible with the data";
        return out;
    }
    out.estimable = true;
    return out;
}

TostResult tost(const PValueFunction& greater, const PValueFunction& less, double margin, double alpha) {
    TostResult t;
    t.margin = margin;
    t.p_lower = greater.p(-margin);
    t.p_upper = less.p(margin);
    t.p = std::max(t.p_lower, t.p_upper);
    t.p_floor = std::max(greater.resolution, less.resolution);
    t.possible = t.p_floor <= alpha * (1.0 + 1e-12);
    t.equivalent = t.possible && t.p <= alpha;
    if (t.possible) {
        const auto lo = invert(greater, 1.0 - alpha, "");
        const auto hi = invert(less, 1.0 - alpha, "");
        if (lo.low && hi.high) t.min_margin = std::max(-*lo.low, *hi.high);
    }
    return t;
}

}  // namespace pilotstat::inference
