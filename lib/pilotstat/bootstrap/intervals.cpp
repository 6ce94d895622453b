#include "pilotstat/bootstrap/intervals.hpp"

#include <algorithm>
#include <cmath>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include "pilotstat/bootstrap/mean_difference_distribution.hpp"
#include "pilotstat/error.hpp"

namespace pilotstat::bootstrap {

namespace {

constexpr double kTieTolerance = 1e-9;      // relative, as resample::ExactDistribution
constexpr double kQuantileFuzz = 1e-14;     // relative, on p * total
constexpr double kJackknifeZero = 1e-12;    // relative, for "all jackknife values equal"

const boost::math::normal kNormal{};

double phi(double z) { return boost::math::cdf(kNormal, z); }
double phi_inv(double p) { return boost::math::quantile(kNormal, p); }

double tie_tolerance(double front, double back, double estimate) {
    const double scale = std::max({std::fabs(front), std::fabs(back), std::fabs(estimate)});
    return kTieTolerance * std::max(scale, 1e-300);
}

// F(v) >= p  <=>  cumulative weight >= p * total, with the fuzz.
double quantile_threshold(double p, std::uint64_t total) {
    return p * static_cast<double>(total) * (1.0 - kQuantileFuzz);
}

// z0 from the integer weights below and tied: (2 below + tied) / (2 total),
// exact integers until the one division.
std::optional<double> z0_from(std::uint64_t below, std::uint64_t tied, std::uint64_t total) {
    const double twice = 2.0 * static_cast<double>(below) + static_cast<double>(tied);
    const double p = twice / (2.0 * static_cast<double>(total));
    if (!(p > 0.0 && p < 1.0)) return std::nullopt;
    return phi_inv(p);
}

// What interval_over needs of a distribution, over a materialized record...
struct Materialized {
    const BootstrapDistribution& d;
    double front() const { return d.values.front(); }
    double back() const { return d.values.back(); }
    double quantile(double p) const { return weighted_quantile(d, p); }
    std::optional<double> z0(double estimate) const { return bca_bias_correction(d, estimate); }
    bool exact() const { return d.exact; }
    std::uint64_t resamples() const { return d.resamples; }
    std::uint64_t seed() const { return d.seed; }
    const std::string& label() const { return d.label; }
};

// ... and over the exact mean difference's two margins, with the same answers.
struct Margins {
    const ExactMeanDifference& d;
    double front() const { return d.front(); }
    double back() const { return d.back(); }
    double quantile(double p) const { return d.quantile_at(quantile_threshold(p, d.total())); }
    std::optional<double> z0(double estimate) const {
        const double tol = tie_tolerance(front(), back(), estimate);
        const std::uint64_t below = d.weight_below(estimate - tol);
        return z0_from(below, d.weight_at_most(estimate + tol) - below, d.total());
    }
    bool exact() const { return true; }
    std::uint64_t resamples() const { return d.resamples(); }
    std::uint64_t seed() const { return 0; }
    const std::string& label() const { return d.label(); }
};

BootstrapInterval undefined(IntervalNote note) {
    BootstrapInterval r;
    r.note = note;
    return r;
}

// Endpoints at the two CDF levels, or the note saying why BCa has none.
struct Levels {
    double low = 0.0, high = 0.0;
    IntervalNote note = IntervalNote::none;
};

template <class Dist>
Levels bca_levels(const Dist& dist, const IntervalInputs& in, double conf) {
    const auto z0 = dist.z0(in.estimate);
    if (!z0) return {0, 0, IntervalNote::bca_bias_undefined};
    const auto a = bca_acceleration(in.jackknife);
    if (!a) return {0, 0, IntervalNote::bca_acceleration_undefined};
    Levels lv;
    const double alpha = 1.0 - conf;
    double* out[2] = {&lv.low, &lv.high};
    const double z[2] = {phi_inv(alpha / 2), -phi_inv(alpha / 2)};
    for (int k = 0; k < 2; ++k) {
        const double w = *z0 + z[k];
        const double denominator = 1.0 - *a * w;
        if (!(denominator > 0.0)) return {0, 0, IntervalNote::bca_level_undefined};
        *out[k] = phi(*z0 + w / denominator);
    }
    return lv;
}

Levels expanded_levels(std::size_t n, double conf) {
    if (n < 2) return {0, 0, IntervalNote::too_few_observations};
    const double m = static_cast<double>(n);
    const double t = boost::math::quantile(boost::math::students_t(m - 1.0), (1.0 - conf) / 2);  // < 0
    const double z = std::sqrt(m / (m - 1.0)) * t;
    return {phi(z), phi(-z), IntervalNote::none};
}

std::string with_source(IntervalMethod method, const std::string& label) {
    return std::string(method_name(method)) + ", " + label;
}

void check_conf(double conf) {
    if (!(conf > 0.0 && conf < 1.0)) throw UsageError("bootstrap: confidence level must be > 0 and < 1");
}

void check_finite(std::span<const double> x) {
    for (double v : x)
        if (!std::isfinite(v)) throw DataError("bootstrap: a sample has a non-finite value");
}

double mean_of(std::span<const double> x) {
    double s = 0.0;
    for (double v : x) s += v;
    return s / static_cast<double>(x.size());
}

// Leave-one-out means: (sum - x_i) / (n - 1).
std::vector<double> jackknife_means(std::span<const double> x) {
    double s = 0.0;
    for (double v : x) s += v;
    std::vector<double> out;
    for (double v : x) out.push_back((s - v) / static_cast<double>(x.size() - 1));
    return out;
}

}  // namespace

std::string_view method_name(IntervalMethod method) noexcept {
    switch (method) {
        case IntervalMethod::percentile: return "percentile";
        case IntervalMethod::bca: return "bca";
        case IntervalMethod::expanded_percentile: return "expanded-percentile";
    }
    return "unknown";
}

std::optional<IntervalMethod> parse_method(std::string_view name) noexcept {
    for (auto m : {IntervalMethod::percentile, IntervalMethod::bca, IntervalMethod::expanded_percentile})
        if (name == method_name(m)) return m;
    return std::nullopt;
}

std::string_view note_code(IntervalNote note) noexcept {
    switch (note) {
        case IntervalNote::none: return "";
        case IntervalNote::too_few_observations: return "BOOT_TOO_FEW";
        case IntervalNote::all_values_equal: return "BOOT_DEGENERATE";
        case IntervalNote::bca_bias_undefined: return "BCA_BIAS_UNDEFINED";
        case IntervalNote::bca_acceleration_undefined: return "BCA_ACCELERATION_UNDEFINED";
        case IntervalNote::bca_level_undefined: return "BCA_LEVEL_UNDEFINED";
    }
    return "";
}

double weighted_quantile(const BootstrapDistribution& dist, double p) {
    if (dist.values.empty()) throw ComputeError("bootstrap: quantile of an empty distribution");
    // F(v_i) >= p  <=>  cumulative weight >= p * total (integers: exact).
    const double threshold = quantile_threshold(p, dist.total);
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < dist.size(); ++i) {
        cumulative += dist.weights[i];
        if (static_cast<double>(cumulative) >= threshold) return dist.values[i];
    }
    return dist.values.back();
}

std::optional<double> bca_bias_correction(const BootstrapDistribution& dist, double estimate) {
    if (dist.values.empty()) return std::nullopt;
    const double tol = tie_tolerance(dist.values.front(), dist.values.back(), estimate);
    std::uint64_t below = 0, tied = 0;
    for (std::size_t i = 0; i < dist.size(); ++i) {
        if (dist.values[i] < estimate - tol) below += dist.weights[i];
        else if (dist.values[i] <= estimate + tol) tied += dist.weights[i];
    }
    return z0_from(below, tied, dist.total);
}

std::optional<double> bca_acceleration(const Jackknife& jackknife) {
    double sum2 = 0.0, sum3 = 0.0, scale = 0.0, largest_d = 0.0;
    for (const auto* values : {&jackknife.first, &jackknife.second}) {
        if (values->empty()) continue;
        const double n = static_cast<double>(values->size());
        const double centre = mean_of(*values);
        for (double v : *values) {
            const double d = centre - v;
            const double u = (n - 1.0) * d / n;  // influence value / n_k
            sum2 += u * u;
            sum3 += u * u * u;
            scale = std::max(scale, std::fabs(v));
            largest_d = std::max(largest_d, std::fabs(d));
        }
    }
    if (!(largest_d > kJackknifeZero * std::max(scale, 1e-300))) return std::nullopt;
    return sum3 / (6.0 * std::pow(sum2, 1.5));
}

namespace {

template <class Dist>
BootstrapInterval interval_over(const Dist& dist, const IntervalInputs& inputs, IntervalMethod method,
                                double conf) {
    BootstrapInterval r;
    r.estimate = inputs.estimate;
    r.exact = dist.exact();
    r.resamples = dist.resamples();
    r.seed = dist.seed();
    r.method_label = with_source(method, dist.label());
    if (dist.back() - dist.front() <= tie_tolerance(dist.front(), dist.back(), inputs.estimate)) {
        r.interval = core::Interval{inputs.estimate, inputs.estimate, conf, r.method_label};
        r.note = IntervalNote::all_values_equal;
        return r;
    }
    Levels lv;
    switch (method) {
        case IntervalMethod::percentile: lv = {(1.0 - conf) / 2, (1.0 + conf) / 2}; break;
        case IntervalMethod::bca: lv = bca_levels(dist, inputs, conf); break;
        case IntervalMethod::expanded_percentile: lv = expanded_levels(inputs.expand_n, conf); break;
    }
    r.note = lv.note;
    if (lv.note == IntervalNote::none)
        r.interval = core::Interval{dist.quantile(lv.low), dist.quantile(lv.high), conf, r.method_label};
    return r;
}

}  // namespace

BootstrapInterval interval_from(const BootstrapDistribution& dist, const IntervalInputs& inputs,
                                IntervalMethod method, double conf) {
    check_conf(conf);
    if (dist.values.empty()) throw ComputeError("bootstrap: interval of an empty distribution");
    return interval_over(Materialized{dist}, inputs, method, conf);
}

BootstrapInterval mean_interval(std::span<const double> x, const BootstrapOptions& options) {
    check_conf(options.conf);
    check_finite(x);
    if (x.size() < 2) {
        auto r = undefined(IntervalNote::too_few_observations);
        if (x.size() == 1) r.estimate = x[0];
        return r;
    }
    const auto dist = exact_feasible(x.size(), options.max_exact)
                          ? exact_mean(x)
                          : monte_carlo_mean(x, options.resamples, options.seed);
    IntervalInputs in{mean_of(x), Jackknife{jackknife_means(x), {}}, x.size()};
    return interval_from(dist, in, options.method, options.conf);
}

BootstrapInterval mean_difference_interval(std::span<const double> a, std::span<const double> b,
                                           const BootstrapOptions& options) {
    check_conf(options.conf);
    check_finite(a);
    check_finite(b);
    if (a.size() < 2 || b.size() < 2) {
        auto r = undefined(IntervalNote::too_few_observations);
        if (!a.empty() && !b.empty()) r.estimate = mean_of(a) - mean_of(b);
        return r;
    }
    const double ma = mean_of(a), mb = mean_of(b);
    Jackknife jk{jackknife_means(a), jackknife_means(b)};
    for (auto& v : jk.first) v -= mb;
    for (auto& v : jk.second) v = ma - v;
    IntervalInputs in{ma - mb, std::move(jk), std::min(a.size(), b.size())};
    if (exact_feasible(a.size(), b.size(), options.max_exact)) {
        // Queried through its margins: the same interval as over
        // exact_mean_difference(a, b), without forming every pair.
        if (const auto margins = ExactMeanDifference::make(a, b))
            return interval_over(Margins{*margins}, in, options.method, options.conf);
        return interval_from(exact_mean_difference(a, b), in, options.method, options.conf);
    }
    return interval_from(monte_carlo_mean_difference(a, b, options.resamples, options.seed), in, options.method,
                         options.conf);
}

}  // namespace pilotstat::bootstrap
