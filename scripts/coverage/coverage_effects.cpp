// Coverage of the intervals `compare` prints beside the mean difference:
// Cliff's delta, the responder-rate difference (compare --responders) and
// ANCOVA's adjusted difference, by simulation with the project's own Rng.
// Chooses the interval printed for Cliff's delta (docs/methods/intervals.md).
//
// Two samples (delta, responders), 5 v 5, 4 v 6 and 8 v 8, A and B from:
//   normal, no shift     A, B ~ N(0, 1)                     (delta = 0)
//   normal, d = 1        A ~ N(1, 1), B ~ N(0, 1)
//   normal, d = 2        A ~ N(2, 1), B ~ N(0, 1)           (complete separation in ~ 1 sample of 3 at 5 v 5)
//   normal, SD 2 v 1     A ~ N(1, 4), B ~ N(0, 1)
//   skewed (exp)         A ~ 1 + Exp(1), B ~ Exp(1)
//   heavy (t3)           A ~ 1 + t3, B ~ t3
//   discrete 0..6        A on 0..6 with P = .30 .25 .15 .10 .10 .05 .05,
//                        B with P = .05 .10 .15 .25 .20 .15 .10 (integers with many ties)
// True delta = P(A > B) - P(A < B): exact sums for the discrete case, else
// the integral of F_B(Q_A(u)) over u in (0, 1) by the midpoint rule (2e5 points).
// delta methods:
//   newcombe score     effects::cliffs_delta_score_interval (what compare prints)
//   brunner-munzel t   theta_hat +- t(df) se from the placements (Brunner & Munzel 2000,
//                      as scipy.stats.brunnermunzel's statistic and df), clipped to [-1, 1];
//                      undefined when se = 0 (every complete separation)
//   bootstrap          effects::cliffs_delta_interval, expanded percentile over the exact
//                      enumeration (5 v 5 and 4 v 6 only) -- the interval printed before;
//                      its zero-width [+-1, +-1] at complete separation is counted as an
//                      interval (compare had last left it empty there, with a note)
// Responders: a subject responds when its value is above the median of B's
// population (continuous: rate_B = 0.5) or, discrete, at most 1 (lower =
// better); the interval is stats::newcombe_difference (Newcombe 1998, method
// 10), which depends on the data only through the two response counts.
// ANCOVA, 5 v 5, 4 v 6, 8 v 8: baseline x ~ N(0, 1), post = 0.5 x + e + 1 [arm A]
// with e normal, exp(1) - 1, t3; discrete: baseline on 0..6 (B's P above),
// post = baseline + change, change on -3..2 with P = .10 .25 .30 .20 .10 .05,
// minus 1 in arm A (true adjusted difference -1). Interval: models::ancova's t
// interval (its permutation test is not used here and runs with B = 1).
//
// Usage: coverage_effects [replications=5000] [seed=20230401]
// Prints a markdown table like coverage_intervals, with the true value.
#include <boost/math/distributions/exponential.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "pilotstat/effects/cliffs_delta.hpp"
#include "pilotstat/effects/cliffs_delta_score.hpp"
#include "pilotstat/models/ancova.hpp"
#include "pilotstat/resample/rng.hpp"
#include "pilotstat/stats/proportions.hpp"

namespace bs = pilotstat::bootstrap;
namespace fx = pilotstat::effects;
using pilotstat::resample::Rng;

namespace {

constexpr double kConf = 0.95;

double discrete(Rng& g, const std::vector<double>& p, int first) {
    double u = g.uniform(), c = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        c += p[i];
        if (u < c) return first + static_cast<int>(i);
    }
    return first + static_cast<int>(p.size()) - 1;
}

double student3(Rng& g) {
    const double z = g.normal();
    double chi = 0;
    for (int i = 0; i < 3; ++i) chi += std::pow(g.normal(), 2);
    return z / std::sqrt(chi / 3);
}

const std::vector<double> kArmA{.30, .25, .15, .10, .10, .05, .05};  // 0..6
const std::vector<double> kArmB{.05, .10, .15, .25, .20, .15, .10};  // 0..6
const std::vector<double> kChange{.10, .25, .30, .20, .10, .05};     // -3..2

enum class Base { normal, exponential, t3, discrete };

// A = mu_a + sd_a X, B = X (X from `base`), or the two discrete arms.
struct TwoPop {
    const char* name;
    Base base;
    double mu_a, sd_a;
};

double draw(Rng& g, Base base) {
    switch (base) {
        case Base::normal: return g.normal();
        case Base::exponential: return -std::log(g.uniform_open());
        case Base::t3: return student3(g);
        case Base::discrete: break;
    }
    return 0;
}

// F(x), with 0 below the support (the exponential's cdf refuses x < 0).
template <class D>
double cdf_at(const D& dist, double x) {
    const auto [lo, hi] = boost::math::support(dist);
    if (x <= lo) return 0.0;
    if (x >= hi) return 1.0;
    return boost::math::cdf(dist, x);
}

template <class D>
double true_delta_continuous(const D& dist, double mu_a, double sd_a) {
    // delta = 2 P(A > B) - 1, P(A > B) = int_0^1 F_B(Q_A(u)) du (midpoint rule)
    const int k = 200000;
    double s = 0;
    for (int i = 0; i < k; ++i) {
        const double u = (i + 0.5) / k;
        s += cdf_at(dist, mu_a + sd_a * boost::math::quantile(dist, u));
    }
    return 2 * s / k - 1;
}

double true_delta(const TwoPop& p) {
    switch (p.base) {
        case Base::normal: return true_delta_continuous(boost::math::normal(), p.mu_a, p.sd_a);
        case Base::exponential: return true_delta_continuous(boost::math::exponential(), p.mu_a, p.sd_a);
        case Base::t3: return true_delta_continuous(boost::math::students_t(3), p.mu_a, p.sd_a);
        case Base::discrete: break;
    }
    double d = 0;
    for (std::size_t i = 0; i < kArmA.size(); ++i)
        for (std::size_t j = 0; j < kArmB.size(); ++j) d += kArmA[i] * kArmB[j] * ((i > j) - (i < j));
    return d;
}

// Responder rates (A, B): above B's median (continuous), at most 1 (discrete).
std::pair<double, double> true_rates(const TwoPop& p) {
    auto above = [&](const auto& dist) {
        const double c = boost::math::quantile(dist, 0.5);
        return std::pair{1 - cdf_at(dist, (c - p.mu_a) / p.sd_a), 0.5};
    };
    switch (p.base) {
        case Base::normal: return above(boost::math::normal());
        case Base::exponential: return above(boost::math::exponential());
        case Base::t3: return above(boost::math::students_t(3));
        case Base::discrete: break;
    }
    return {kArmA[0] + kArmA[1], kArmB[0] + kArmB[1]};
}

double responder_threshold(Base base) {
    switch (base) {
        case Base::normal: return 0.0;
        case Base::exponential: return std::log(2.0);
        case Base::t3: return 0.0;
        case Base::discrete: break;
    }
    return 1.0;
}

struct Tally {
    long covered = 0, left = 0, right = 0, undefined = 0;
    double level = kConf;
    std::vector<double> widths;
    void add(double low, double high, double truth) {
        if (high < truth) ++left;
        else if (low > truth) ++right;
        else ++covered;
        widths.push_back(high - low);
    }
};

void row(const std::string& design, const char* pop, const char* method, double truth, Tally& t, long reps) {
    const long defined = reps - t.undefined;
    const double cov = defined > 0 ? static_cast<double>(t.covered) / static_cast<double>(defined) : NAN;
    const double se = std::sqrt(cov * (1 - cov) / static_cast<double>(defined));
    double median = NAN;
    if (!t.widths.empty()) {
        auto mid = t.widths.begin() + static_cast<std::ptrdiff_t>(t.widths.size() / 2);
        std::nth_element(t.widths.begin(), mid, t.widths.end());
        median = *mid;
    }
    std::printf("| %-6s | %-17s | %-18s | %7.4f | %.4f | %.3f | %.4f | %.4f | %.4f | %6.3f | %ld |\n",
                design.c_str(), pop, method, truth, t.level, cov, se,
                static_cast<double>(t.left) / static_cast<double>(defined),
                static_cast<double>(t.right) / static_cast<double>(defined), median, t.undefined);
}

// Brunner-Munzel interval for delta = 2 theta - 1 (see the header); false when se = 0.
bool brunner_munzel(const std::vector<double>& a, const std::vector<double>& b, double& low, double& high) {
    const double na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());
    std::vector<double> pa(a.size(), 0.0), pb(b.size(), 0.0);  // placements / other group's size
    for (std::size_t i = 0; i < a.size(); ++i)
        for (std::size_t j = 0; j < b.size(); ++j) {
            const double s = a[i] > b[j] ? 1.0 : a[i] == b[j] ? 0.5 : 0.0;
            pa[i] += s / nb;
            pb[j] += s / na;
        }
    auto var = [](const std::vector<double>& x) {
        double m = 0, s = 0;
        for (double v : x) m += v;
        m /= static_cast<double>(x.size());
        for (double v : x) s += (v - m) * (v - m);
        return s / static_cast<double>(x.size() - 1);
    };
    double theta = 0;
    for (double v : pa) theta += v;
    theta /= na;
    const double v1 = var(pa) / na, v2 = var(pb) / nb;
    if (!(v1 + v2 > 0)) return false;
    const double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (na - 1) + v2 * v2 / (nb - 1));
    const double q = boost::math::quantile(boost::math::students_t(df), (1 + kConf) / 2);
    const double se = std::sqrt(v1 + v2);
    low = std::max(-1.0, 2 * (theta - q * se) - 1);
    high = std::min(1.0, 2 * (theta + q * se) - 1);
    return true;
}

void two_sample(int na, int nb, const TwoPop& pop, long reps, Rng rng) {
    Tally score, bm, boot, resp;
    const bool with_boot = na * nb <= 25;
    const double truth = true_delta(pop);
    const auto [rate_a, rate_b] = true_rates(pop);
    const double cut = responder_threshold(pop.base);
    std::vector<double> a(static_cast<std::size_t>(na)), b(static_cast<std::size_t>(nb));
    for (long r = 0; r < reps; ++r) {
        for (auto& v : a) v = pop.base == Base::discrete ? discrete(rng, kArmA, 0) : pop.mu_a + pop.sd_a * draw(rng, pop.base);
        for (auto& v : b) v = pop.base == Base::discrete ? discrete(rng, kArmB, 0) : draw(rng, pop.base);
        const auto s = fx::cliffs_delta_score_interval(a, b, kConf);
        if (s.ci) score.add(s.ci->low, s.ci->high, truth);
        else ++score.undefined;
        double lo, hi;
        if (brunner_munzel(a, b, lo, hi)) bm.add(lo, hi, truth);
        else ++bm.undefined;
        if (with_boot) {
            const auto bi = fx::cliffs_delta_interval(a, b, bs::BootstrapOptions{});
            if (bi.interval) boot.add(bi.interval->low, bi.interval->high, truth);
            else ++boot.undefined;
        }
        long ra = 0, rb = 0;
        for (double v : a) ra += pop.base == Base::discrete ? v <= cut : v > cut;
        for (double v : b) rb += pop.base == Base::discrete ? v <= cut : v > cut;
        if (const auto ci = pilotstat::stats::newcombe_difference(ra, na, rb, nb, kConf))
            resp.add(ci->low, ci->high, rate_a - rate_b);
        else ++resp.undefined;
    }
    const std::string d = std::to_string(na) + "v" + std::to_string(nb);
    row(d, pop.name, "delta: newcombe", truth, score, reps);
    row(d, pop.name, "delta: brunner-m.", truth, bm, reps);
    if (with_boot) row(d, pop.name, "delta: bootstrap", truth, boot, reps);
    row(d, pop.name, "responders: newc.", rate_a - rate_b, resp, reps);
}

struct AncovaPop {
    const char* name;
    Base error;
};

void ancova(int na, int nb, const AncovaPop& pop, long reps, Rng rng) {
    Tally t;
    pilotstat::core::ExactOptions cheap;
    cheap.max_enumeration = 0;  // the permutation p is not used: one random split
    cheap.resamples = 1;
    const bool disc = pop.error == Base::discrete;
    const double truth = disc ? -1.0 : 1.0;
    const double centre = pop.error == Base::exponential ? 1.0 : 0.0;  // E e = 0
    std::vector<double> pa(static_cast<std::size_t>(na)), ba(pa.size()), pb(static_cast<std::size_t>(nb)),
        bb(pb.size());
    auto fill = [&](std::vector<double>& post, std::vector<double>& base, double shift) {
        for (std::size_t i = 0; i < post.size(); ++i) {
            if (disc) {
                base[i] = discrete(rng, kArmB, 0);
                post[i] = base[i] + discrete(rng, kChange, -3) - (shift != 0 ? 1.0 : 0.0);
            } else {
                base[i] = rng.normal();
                post[i] = 0.5 * base[i] + draw(rng, pop.error) - centre + shift;
            }
        }
    };
    for (long r = 0; r < reps; ++r) {
        fill(pa, ba, 1.0);
        fill(pb, bb, 0.0);
        const auto res = pilotstat::models::ancova(pa, ba, pb, bb, kConf, cheap);
        if (res.fit) t.add(res.fit->ci.low, res.fit->ci.high, truth);
        else ++t.undefined;
    }
    row(std::to_string(na) + "v" + std::to_string(nb), pop.name, "ancova t", truth, t, reps);
}

}  // namespace

int main(int argc, char** argv) {
    const long reps = argc > 1 ? std::atol(argv[1]) : 5000;
    const std::uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 20230401;
    const TwoPop two[] = {
        {"normal, no shift", Base::normal, 0.0, 1.0}, {"normal, d = 1", Base::normal, 1.0, 1.0},
        {"normal, d = 2", Base::normal, 2.0, 1.0},    {"normal, SD 2 v 1", Base::normal, 1.0, 2.0},
        {"skewed (exp)", Base::exponential, 1.0, 1.0}, {"heavy (t3)", Base::t3, 1.0, 1.0},
        {"discrete 0..6", Base::discrete, 0.0, 1.0},
    };
    const AncovaPop anc[] = {{"normal", Base::normal}, {"skewed (exp)", Base::exponential},
                             {"heavy (t3)", Base::t3}, {"discrete 0..6", Base::discrete}};
    std::printf("Nominal 95%% intervals; %ld replications per row, seed %llu. truth: the true Cliff's delta,\n"
                "difference in response rates or adjusted difference. miss left: the interval lies entirely below\n"
                "the truth; miss right: entirely above. MC SE = sqrt(c (1 - c) / replications). undefined: no\n"
                "interval (coverage is over the others).\n\n",
                reps, static_cast<unsigned long long>(seed));
    std::printf("| design | population        | method             |   truth | level  | coverage | MC SE | miss left | miss right | median width | undefined |\n");
    std::printf("|--------|-------------------|--------------------|--------:|-------:|---------:|------:|----------:|-----------:|-------------:|----------:|\n");
    unsigned stream = 1000;  // streams distinct from coverage_intervals'
    for (auto [na, nb] : {std::pair{5, 5}, std::pair{4, 6}, std::pair{8, 8}})
        for (const auto& pop : two) two_sample(na, nb, pop, reps, Rng::stream(seed, stream++));
    for (auto [na, nb] : {std::pair{5, 5}, std::pair{4, 6}, std::pair{8, 8}})
        for (const auto& pop : anc) ancova(na, nb, pop, reps, Rng::stream(seed, stream++));
    return 0;
}
