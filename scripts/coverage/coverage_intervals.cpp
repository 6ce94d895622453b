// Coverage of every interval pilotstat can print for a mean change (within an
// arm) and a difference in means (between arms), by simulation with the
// project's own Rng. Chooses the headline interval (docs/methods/intervals.md).
//
// Within an arm, n = 3..10 changes from four populations:
//   normal         N(0, 1)
//   skewed         exponential(1) (skewness 2)
//   heavy-tailed   Student t, 3 df
//   discrete       integers -3..2 with P = .10 .25 .30 .20 .10 .05 (mean -0.9):
//                  a questionnaire-like change score, skewed, with many ties
// methods: t, exact sign-flip inversion (at its achieved level), expanded
// percentile bootstrap (exact enumeration; n <= 7 only, where it is cheap).
//
// Between arms, 5 v 5, 4 v 6 and 8 v 8, A = population + 1, B = population
// (a shift), and two cases that are not shifts:
//   normal, SD 2 v 1  unequal spread (A's SD twice B's)
//   discrete          A on 0..6 with P = .30 .25 .15 .10 .10 .05 .05 (mean 1.8),
//                     B with P = .05 .10 .15 .25 .20 .15 .10 (mean 3.3)
// methods: Welch t, Student t, exact permutation inversion, expanded
// percentile bootstrap (exact; 5 v 5 and 4 v 6 only).
//
// Usage: coverage_intervals [replications=5000] [seed=20230401]
// Prints a markdown table: nominal level (the achieved level for the
// inversions), coverage, Monte Carlo SE, miss left (interval entirely below
// the truth), miss right (entirely above), median width, undefined.
#include <boost/math/distributions/students_t.hpp>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "pilotstat/bootstrap/bootstrap_distribution.hpp"
#include "pilotstat/bootstrap/intervals.hpp"
#include "pilotstat/inference/shift_inversion.hpp"
#include "pilotstat/resample/rng.hpp"

namespace bs = pilotstat::bootstrap;
namespace inf = pilotstat::inference;
using pilotstat::resample::Rng;

namespace {

constexpr double kConf = 0.95;

struct Population {
    const char* name;
    double mean;
    std::function<double(Rng&)> draw;
};

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

const std::vector<double> kChange{.10, .25, .30, .20, .10, .05};      // -3..2
const std::vector<double> kArmA{.30, .25, .15, .10, .10, .05, .05};   // 0..6, mean 1.8
const std::vector<double> kArmB{.05, .10, .15, .25, .20, .15, .10};   // 0..6, mean 3.3

struct Tally {
    long covered = 0, left = 0, right = 0, undefined = 0;
    double level = 0.0;  // nominal (or achieved) level; the last one seen
    std::vector<double> widths;
    void add(double low, double high, double truth) {
        if (high < truth) ++left;
        else if (low > truth) ++right;
        else ++covered;
        widths.push_back(high - low);
    }
};

void row(const std::string& design, const char* pop, const char* method, Tally& t, long reps) {
    const long defined = reps - t.undefined;
    const double cov = defined > 0 ? static_cast<double>(t.covered) / static_cast<double>(defined) : NAN;
    const double se = std::sqrt(cov * (1 - cov) / static_cast<double>(defined));
    double median = NAN;
    if (!t.widths.empty()) {
        auto mid = t.widths.begin() + static_cast<std::ptrdiff_t>(t.widths.size() / 2);
        std::nth_element(t.widths.begin(), mid, t.widths.end());
        median = *mid;
    }
    std::printf("| %-6s | %-16s | %-22s | %.4f | %.3f | %.4f | %.4f | %.4f | %6.3f | %ld |\n", design.c_str(), pop,
                method, t.level, cov, se, static_cast<double>(t.left) / static_cast<double>(defined),
                static_cast<double>(t.right) / static_cast<double>(defined), median, t.undefined);
}

void t_interval(const std::vector<double>& x, double& low, double& high, bool& ok) {
    const double n = static_cast<double>(x.size());
    double m = 0, ss = 0;
    for (double v : x) m += v;
    m /= n;
    for (double v : x) ss += (v - m) * (v - m);
    ok = ss > 0;
    const double se = std::sqrt(ss / (n - 1) / n);
    const double q = boost::math::quantile(boost::math::students_t(n - 1), (1 + kConf) / 2);
    low = m - q * se;
    high = m + q * se;
}

void two_sample_t(const std::vector<double>& a, const std::vector<double>& b, bool welch, double& low, double& high,
                  bool& ok) {
    const double na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());
    double ma = 0, mb = 0, sa = 0, sb = 0;
    for (double v : a) ma += v;
    for (double v : b) mb += v;
    ma /= na;
    mb /= nb;
    for (double v : a) sa += (v - ma) * (v - ma);
    for (double v : b) sb += (v - mb) * (v - mb);
    const double va = sa / (na - 1), vb = sb / (nb - 1);
    double se, df;
    if (welch) {
        se = std::sqrt(va / na + vb / nb);
        const double num = std::pow(va / na + vb / nb, 2);
        const double den = std::pow(va / na, 2) / (na - 1) + std::pow(vb / nb, 2) / (nb - 1);
        df = num / den;
    } else {
        const double sp = (sa + sb) / (na + nb - 2);
        se = std::sqrt(sp * (1 / na + 1 / nb));
        df = na + nb - 2;
    }
    ok = se > 0 && std::isfinite(df);
    if (!ok) return;
    const double q = boost::math::quantile(boost::math::students_t(df), (1 + kConf) / 2);
    low = ma - mb - q * se;
    high = ma - mb + q * se;
}

void add_inverted(Tally& t, const std::optional<inf::PValueFunction>& f, double truth) {
    if (!f) {
        ++t.undefined;
        return;
    }
    const auto ci = inf::invert(*f, kConf, "");
    t.level = ci.level;
    if (!ci.estimable || !ci.low || !ci.high) ++t.undefined;
    else t.add(*ci.low, *ci.high, truth);
}

void add_boot(Tally& t, const bs::BootstrapInterval& r, double truth) {
    t.level = kConf;
    if (!r.interval || r.interval->low == r.interval->high) ++t.undefined;
    else t.add(r.interval->low, r.interval->high, truth);
}

void within(int n, const Population& pop, long reps, Rng rng) {
    Tally tt, sf, bt;
    tt.level = kConf;
    bs::BootstrapOptions bo;
    std::vector<double> x(static_cast<std::size_t>(n));
    for (long r = 0; r < reps; ++r) {
        for (auto& v : x) v = pop.draw(rng);
        double lo, hi;
        bool ok;
        t_interval(x, lo, hi, ok);
        if (ok) tt.add(lo, hi, pop.mean);
        else ++tt.undefined;
        add_inverted(sf, inf::sign_flip_shift_pvalues(x), pop.mean);
        if (n <= 7) add_boot(bt, bs::mean_interval(x, bo), pop.mean);
    }
    const std::string d = "n=" + std::to_string(n);
    row(d, pop.name, "t", tt, reps);
    row(d, pop.name, "sign-flip inversion", sf, reps);
    if (n <= 7) row(d, pop.name, "bootstrap (exp. pct.)", bt, reps);
}

struct TwoPop {
    const char* name;
    double truth;
    std::function<double(Rng&)> a, b;
};

void between(int na, int nb, const TwoPop& pop, long reps, Rng rng) {
    Tally w, s, pm, bt;
    w.level = s.level = kConf;
    bs::BootstrapOptions bo;
    const bool boot = na * nb <= 25;
    std::vector<double> a(static_cast<std::size_t>(na)), b(static_cast<std::size_t>(nb));
    for (long r = 0; r < reps; ++r) {
        for (auto& v : a) v = pop.a(rng);
        for (auto& v : b) v = pop.b(rng);
        double lo, hi;
        bool ok;
        two_sample_t(a, b, true, lo, hi, ok);
        if (ok) w.add(lo, hi, pop.truth);
        else ++w.undefined;
        two_sample_t(a, b, false, lo, hi, ok);
        if (ok) s.add(lo, hi, pop.truth);
        else ++s.undefined;
        add_inverted(pm, inf::two_sample_shift_pvalues(a, b), pop.truth);
        if (boot) add_boot(bt, bs::mean_difference_interval(a, b, bo), pop.truth);
    }
    const std::string d = std::to_string(na) + "v" + std::to_string(nb);
    row(d, pop.name, "welch", w, reps);
    row(d, pop.name, "student", s, reps);
    row(d, pop.name, "permutation inversion", pm, reps);
    if (boot) row(d, pop.name, "bootstrap (exp. pct.)", bt, reps);
}

}  // namespace

int main(int argc, char** argv) {
    const long reps = argc > 1 ? std::atol(argv[1]) : 5000;
    const std::uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 20230401;
    const Population pops[] = {
        {"normal", 0.0, [](Rng& g) { return g.normal(); }},
        {"skewed (exp)", 1.0, [](Rng& g) { return -std::log(g.uniform_open()); }},
        {"heavy (t3)", 0.0, student3},
        {"discrete -3..2", -0.9, [](Rng& g) { return discrete(g, kChange, -3); }},
    };
    const TwoPop two[] = {
        {"normal", 1.0, [](Rng& g) { return 1 + g.normal(); }, [](Rng& g) { return g.normal(); }},
        {"normal, SD 2 v 1", 1.0, [](Rng& g) { return 1 + 2 * g.normal(); }, [](Rng& g) { return g.normal(); }},
        {"skewed (exp)", 1.0, [](Rng& g) { return 1 - std::log(g.uniform_open()); },
         [](Rng& g) { return -std::log(g.uniform_open()); }},
        {"heavy (t3)", 1.0, [](Rng& g) { return 1 + student3(g); }, student3},
        {"discrete 0..6", -1.5, [](Rng& g) { return discrete(g, kArmA, 0); }, [](Rng& g) { return discrete(g, kArmB, 0); }},
    };
    std::printf("Nominal 95%% intervals; %ld replications per row, seed %llu. level: the nominal level, or for the\n"
                "inversions the achieved level of the exact test (its size is the largest attainable p <= 0.05, or\n"
                "the smallest attainable p when none is). miss left: the interval lies entirely below the true mean\n"
                "(difference); miss right: entirely above. MC SE = sqrt(c (1 - c) / replications).\n\n",
                reps, static_cast<unsigned long long>(seed));
    std::printf("| design | population       | method                 | level  | coverage | MC SE | miss left | miss right | median width | undefined |\n");
    std::printf("|--------|------------------|------------------------|-------:|---------:|------:|----------:|-----------:|-------------:|----------:|\n");
    unsigned stream = 0;
    for (int n = 3; n <= 10; ++n)
        for (const auto& pop : pops) within(n, pop, reps, Rng::stream(seed, stream++));
    for (auto [na, nb] : {std::pair{5, 5}, std::pair{4, 6}, std::pair{8, 8}})
        for (const auto& pop : two) between(na, nb, pop, reps, Rng::stream(seed, stream++));
    return 0;
}
