#include "pilotstat/multiplicity/westfall_young.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "pilotstat/error.hpp"
#include "pilotstat/null/provider.hpp"
#include "pilotstat/null/tails.hpp"
#include "pilotstat/resample/rng.hpp"
#include "pilotstat/resample/splits.hpp"

namespace pilotstat::multiplicity {

namespace {

using core::Alternative;

constexpr double kZeroRel = 1e-12;  // SD or difference below this x scale counts as 0

// Subjects with at least one value, stored by measure (column-major, NaN =
// missing). Each measure is used on its available cases.
struct Available {
    std::vector<std::vector<double>> cols;
    std::vector<double> sd;     // SD (n - 1) of all available values of the measure, both arms pooled
    std::vector<double> scale;  // max |x| per measure
    std::vector<int> in_a;
    std::size_t n_a = 0, n_b = 0, excluded = 0;
};

Available available_cases(const std::vector<std::vector<double>>& values, std::span<const int> in_a) {
    if (values.size() != in_a.size()) throw UsageError("max-T: one group flag per subject is needed");
    const std::size_t m = values.empty() ? 0 : values.front().size();
    Available c;
    c.cols.assign(m, {});
    c.scale.assign(m, 0.0);
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto& row = values[i];
        if (row.size() != m) throw UsageError("max-T: every subject needs the same number of measures");
        if (std::any_of(row.begin(), row.end(), [](double x) { return std::isinf(x); }))
            throw UsageError("max-T: values must be finite (NaN marks a missing value)");
        if (std::all_of(row.begin(), row.end(), [](double x) { return std::isnan(x); })) {
            ++c.excluded;
            continue;
        }
        for (std::size_t j = 0; j < m; ++j) {
            c.cols[j].push_back(row[j]);
            if (!std::isnan(row[j])) c.scale[j] = std::max(c.scale[j], std::fabs(row[j]));
        }
        c.in_a.push_back(in_a[i] != 0 ? 1 : 0);
        (in_a[i] != 0 ? c.n_a : c.n_b) += 1;
    }
    for (const auto& x : c.cols) {  // two-pass SD of the available values
        double sum = 0, n = 0;
        for (double v : x)
            if (!std::isnan(v)) sum += v, n += 1;
        const double mean = n > 0 ? sum / n : 0.0;
        double q = 0;
        for (double v : x)
            if (!std::isnan(v)) q += (v - mean) * (v - mean);
        c.sd.push_back(n > 1 ? std::sqrt(q / (n - 1)) : 0.0);
    }
    return c;
}

// Mean difference A - B over the available values of x under labels g,
// divided by the measure's pooled SD (the same for every relabeling, so the
// statistic orders relabelings as the mean difference does). 0 when an arm
// has no value under g or the measure has no spread.
double standardized_difference(const std::vector<double>& x, const std::vector<int>& g, double sd, double scale) {
    double sa = 0, sb = 0, na = 0, nb = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(x[i])) continue;
        if (g[i]) sa += x[i], na += 1;
        else sb += x[i], nb += 1;
    }
    if (na == 0 || nb == 0 || sd <= kZeroRel * scale) return 0.0;
    return (sa / na - sb / nb) / sd;
}

double directed(double t, core::Alternative alt) {
    return alt == core::Alternative::two_sided ? std::fabs(t) : (alt == core::Alternative::greater ? t : -t);
}

// "As large as", with the engine's tie tolerance on the observed statistic's scale.
bool at_least(double u, double observed) { return u >= observed - null::tie_tolerance(std::fabs(observed)); }

// Counts, over the permutations fed to add(), of the raw and successive-max events.
struct Tally {
    const Available& data;
    core::Alternative alt;
    std::vector<double> observed;    // directed observed statistic per measure
    std::vector<std::size_t> order;  // measures by decreasing observed statistic
    std::vector<double> raw, adj, s;

    Tally(const Available& d, core::Alternative a) : data(d), alt(a) {
        const std::size_t m = d.cols.size();
        for (std::size_t j = 0; j < m; ++j)
            observed.push_back(directed(standardized_difference(d.cols[j], d.in_a, d.sd[j], d.scale[j]), a));
        order.resize(m);
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t x, std::size_t y) { return observed[x] > observed[y]; });
        raw.assign(m, 0.0);
        adj.assign(m, 0.0);
        s.assign(m, 0.0);
    }

    void add(const std::vector<int>& g) {
        const std::size_t m = data.cols.size();
        for (std::size_t j = 0; j < m; ++j) {
            s[j] = directed(standardized_difference(data.cols[j], g, data.sd[j], data.scale[j]), alt);
            if (at_least(s[j], observed[j])) raw[j] += 1;
        }
        double u = -std::numeric_limits<double>::infinity();
        for (std::size_t i = m; i-- > 0;) {
            u = std::max(u, s[order[i]]);
            if (at_least(u, observed[order[i]])) adj[i] += 1;
        }
    }
};

void monte_carlo(Tally& tally, const Available& c, std::uint64_t B, std::uint64_t seed) {
    const std::size_t n = c.in_a.size();
    resample::Rng rng(seed);
    std::vector<std::size_t> idx(n);
    std::vector<int> g(n);
    for (std::uint64_t b = 0; b < B; ++b) {
        std::iota(idx.begin(), idx.end(), std::size_t{0});
        std::fill(g.begin(), g.end(), 0);
        for (std::size_t i = 0; i < c.n_a; ++i) {  // partial Fisher–Yates
            std::swap(idx[i], idx[i + rng.below(n - i)]);
            g[idx[i]] = 1;
        }
        tally.add(g);
    }
}

// Observed statistic, raw p and step-down adjusted p (successive maxima) from the counts.
void finish(MaxTResult& r, const Tally& tally, const Available& c, double denominator, double extra) {
    const std::size_t m = c.cols.size();
    r.statistic.resize(m);
    r.p_raw.resize(m);
    r.p_adjusted.resize(m);
    for (std::size_t j = 0; j < m; ++j) {
        r.statistic[j] = standardized_difference(c.cols[j], c.in_a, c.sd[j], c.scale[j]);
        r.p_raw[j] = std::min(1.0, (tally.raw[j] + extra) / denominator);
    }
    double running = 0.0;
    for (std::size_t i = 0; i < m; ++i) {
        running = std::max(running, std::min(1.0, (tally.adj[i] + extra) / denominator));
        r.p_adjusted[tally.order[i]] = running;
    }
}

}  // namespace

std::optional<MaxTResult> westfall_young_maxt(const std::vector<std::vector<double>>& values,
                                              std::span<const int> in_a, const core::ExactOptions& opts) {
    const Available c = available_cases(values, in_a);
    if (c.cols.empty() || c.n_a < 2 || c.n_b < 2) return std::nullopt;
    MaxTResult r;
    r.n_a = c.n_a;
    r.n_b = c.n_b;
    r.excluded = c.excluded;
    r.alternative = opts.alternative;
    Tally tally(c, opts.alternative);
    const int n = static_cast<int>(c.in_a.size());
    const double splits = resample::binomial_coefficient(n, static_cast<int>(c.n_a));
    double denominator = splits, extra = 0.0;
    // The maximum over measures is no sum statistic: no DP, enumeration or Monte Carlo.
    const null::Provider provider = null::choose_provider(null::Cost{splits, std::nullopt}, opts);
    r.method = null::method_of(provider);
    if (provider == null::Provider::enumeration) {
        resample::for_each_split(n, static_cast<int>(c.n_a), [&](const std::vector<int>& g) { tally.add(g); });
        r.permutations = splits;
    } else {
        if (opts.resamples == 0) throw ComputeError("max-T: too many splits to enumerate and resamples = 0");
        monte_carlo(tally, c, opts.resamples, opts.seed);
        r.permutations = static_cast<double>(opts.resamples);
        r.seed = opts.seed;
        denominator = r.permutations + 1.0;
        extra = 1.0;  // p = (k + 1) / (B + 1)
    }
    finish(r, tally, c, denominator, extra);
    return r;
}

}  // namespace pilotstat::multiplicity
