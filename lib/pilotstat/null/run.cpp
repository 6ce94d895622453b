#include "pilotstat/null/run.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "pilotstat/error.hpp"
#include "pilotstat/null/monte_carlo.hpp"
#include "pilotstat/null/tails.hpp"

namespace pilotstat::null {

namespace {

bool is_probability(double p) { return std::isfinite(p) && p >= 0.0 && p <= 1.0; }

// An exact result is sound when its p-value and floor are probabilities, the
// floor is not lost to underflow, and the weights add up to the number of
// arrangements (when that is known).
bool sound(const ExactDistribution& dist, const core::TestResult& r, const std::optional<double>& log2_total) {
    if (!is_probability(r.p_value) || !is_probability(r.p_floor) || !(r.p_floor > 0.0)) return false;
    if (!(std::isfinite(dist.total_weight()) && dist.total_weight() > 0.0)) return false;
    if (!log2_total) return true;
    const double got = std::log2(dist.total_weight()) + dist.log2_scale();
    return std::fabs(got - *log2_total) <= 1e-9 * std::max(1.0, *log2_total);
}

// Counts each draw as it comes (no storage of the B statistics).
core::TestResult streamed(const NullProblem& problem, resample::Rng& rng, const core::ExactOptions& options) {
    const double tol = tie_tolerance(std::max(*problem.tie_scale, std::fabs(problem.observed)));
    TailCounts counts;
    for (std::uint64_t b = 0; b < options.resamples; ++b)
        counts.add(problem.draw(rng), problem.observed, *problem.centre, tol);
    const double B = static_cast<double>(options.resamples);
    core::TestResult r;
    r.statistic = problem.observed;
    r.alternative = options.alternative;
    r.two_sided_rule = options.two_sided_rule;
    finish_monte_carlo(r, extreme_count(counts, options.alternative, options.two_sided_rule, B, true),
                       options.resamples, options.seed);
    return r;
}

core::TestResult monte_carlo(const NullProblem& problem, const core::ExactOptions& options) {
    if (options.resamples == 0)
        throw ComputeError(std::string(problem.name) + ": too many arrangements to enumerate and resamples = 0");
    if (!problem.draw) throw ComputeError(std::string(problem.name) + ": no Monte Carlo version");
    resample::Rng rng(options.seed);
    if (problem.centre && problem.tie_scale) return streamed(problem, rng, options);
    std::vector<double> draws;
    draws.reserve(options.resamples);
    for (std::uint64_t b = 0; b < options.resamples; ++b) draws.push_back(problem.draw(rng));
    return monte_carlo_test(draws, problem.observed, problem.centre, options);
}

}  // namespace

core::TestResult exact_test(const ExactDistribution& dist, double observed, Provider provider,
                            const core::ExactOptions& options) {
    core::TestResult r = dist.test(observed, options.alternative, options.two_sided_rule);
    if (!finish_exact(r, provider)) throw ComputeError("exact test: the null distribution gave no valid p-value");
    return r;
}

bool finish_exact(core::TestResult& r, Provider provider) {
    r.method = method_of(provider);
    return is_probability(r.p_value) && is_probability(r.p_floor);
}

core::TestResult run(const NullProblem& problem, const core::ExactOptions& options) {
    const Provider provider = choose_provider(problem.cost, options);
    if (provider == Provider::monte_carlo) return monte_carlo(problem, options);
    const ExactDistribution dist = provider == Provider::dp ? problem.dp() : problem.enumerate();
    core::TestResult r = dist.test(problem.observed, options.alternative, options.two_sided_rule);
    r.method = method_of(provider);
    if (sound(dist, r, problem.log2_arrangements)) return r;
    core::TestResult mc = monte_carlo(problem, options);
    mc.note = "exact counts beyond the range of a double: Monte Carlo";
    return mc;
}

}  // namespace pilotstat::null
