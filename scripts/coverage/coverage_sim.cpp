// Coverage of 95% bootstrap intervals for a mean at n = 5 and n = 10, each
// computed on the exact bootstrap enumeration (no Monte Carlo error inside a
// replication). Data from the project Rng: normal, exponential (skewed) and
// lognormal (more skewed). The Student t interval is shown for reference.
//
// Usage: coverage_sim [replications=5000] [seed=20230401]
// Prints a markdown table: coverage, its Monte Carlo SE, miss below/above,
// mean width, and how often the interval was undefined.
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "pilotstat/bootstrap/bootstrap_distribution.hpp"
#include "pilotstat/bootstrap/intervals.hpp"
#include "pilotstat/resample/rng.hpp"

namespace bs = pilotstat::bootstrap;
using pilotstat::resample::Rng;

namespace {

struct Population {
    const char* name;
    double mean;
    std::function<double(Rng&)> draw;
};

struct Tally {
    long covered = 0, below = 0, above = 0, undefined = 0;
    double width = 0.0;
    void add(double low, double high, double truth) {
        if (truth < low) ++above;       // interval entirely above the truth
        else if (truth > high) ++below; // interval entirely below the truth
        else ++covered;
        width += high - low;
    }
};

void row(int n, const char* pop, const char* method, const Tally& t, long reps) {
    const long defined = reps - t.undefined;
    const double cov = defined > 0 ? static_cast<double>(t.covered) / static_cast<double>(defined) : NAN;
    const double se = std::sqrt(cov * (1 - cov) / static_cast<double>(defined));
    std::printf("| %2d | %-11s | %-19s | %.3f | %.3f | %.3f | %.3f | %6.3f | %ld |\n", n, pop, method, cov, se,
                static_cast<double>(t.below) / static_cast<double>(defined),
                static_cast<double>(t.above) / static_cast<double>(defined),
                t.width / static_cast<double>(defined), t.undefined);
}

void t_interval(const std::vector<double>& x, double conf, double& low, double& high) {
    const double n = static_cast<double>(x.size());
    double m = 0, ss = 0;
    for (double v : x) m += v;
    m /= n;
    for (double v : x) ss += (v - m) * (v - m);
    const double se = std::sqrt(ss / (n - 1) / n);
    const double q = boost::math::quantile(boost::math::students_t(n - 1), (1 + conf) / 2);
    low = m - q * se;
    high = m + q * se;
}

void simulate(int n, const Population& pop, long reps, Rng rng) {
    const bs::IntervalMethod methods[3] = {bs::IntervalMethod::percentile, bs::IntervalMethod::bca,
                                           bs::IntervalMethod::expanded_percentile};
    Tally tally[4];
    std::vector<double> x(static_cast<std::size_t>(n));
    for (long r = 0; r < reps; ++r) {
        for (auto& v : x) v = pop.draw(rng);
        const auto dist = bs::exact_mean(x);
        double s = 0;
        for (double v : x) s += v;
        bs::IntervalInputs in{s / n, {}, x.size()};
        for (double v : x) in.jackknife.first.push_back((s - v) / (n - 1));
        for (int k = 0; k < 3; ++k) {
            const auto res = bs::interval_from(dist, in, methods[k], 0.95);
            if (!res.interval) ++tally[k].undefined;
            else tally[k].add(res.interval->low, res.interval->high, pop.mean);
        }
        double lo, hi;
        t_interval(x, 0.95, lo, hi);
        tally[3].add(lo, hi, pop.mean);
    }
    for (int k = 0; k < 3; ++k) row(n, pop.name, std::string(bs::method_name(methods[k])).c_str(), tally[k], reps);
    row(n, pop.name, "t (reference)", tally[3], reps);
}

}  // namespace

int main(int argc, char** argv) {
    const long reps = argc > 1 ? std::atol(argv[1]) : 5000;
    const std::uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 20230401;
    const Population pops[3] = {
        {"normal", 0.0, [](Rng& g) { return g.normal(); }},
        {"exponential", 1.0, [](Rng& g) { return -std::log(g.uniform_open()); }},
        {"lognormal", std::exp(0.5), [](Rng& g) { return std::exp(g.normal()); }},
    };
    std::printf("95%% intervals for the mean, exact bootstrap enumeration; %ld replications per row, seed %llu\n\n",
                reps, static_cast<unsigned long long>(seed));
    std::printf("|  n | population  | method              | coverage | MC SE | miss low | miss high | mean width | undefined |\n");
    std::printf("|---:|-------------|---------------------|---------:|------:|---------:|----------:|-----------:|----------:|\n");
    unsigned stream = 0;
    for (int n : {5, 10})
        for (const auto& pop : pops) simulate(n, pop, reps, Rng::stream(seed, stream++));
    return 0;
}
