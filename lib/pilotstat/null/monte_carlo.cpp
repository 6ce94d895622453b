#include "pilotstat/null/monte_carlo.hpp"

#include <algorithm>
#include <cmath>

#include "pilotstat/null/p_floor.hpp"
#include "pilotstat/null/tails.hpp"

namespace pilotstat::null {

void finish_monte_carlo(core::TestResult& r, double k, std::uint64_t B, std::uint64_t seed) {
    const double b = static_cast<double>(B);
    r.method = core::Method::monte_carlo;
    r.arrangements = b;
    r.count_extreme = k;
    r.p_value = (k + 1.0) / (b + 1.0);
    r.p_floor = monte_carlo_floor(B);
    r.mc_se = std::sqrt(r.p_value * (1.0 - r.p_value) / b);
    r.seed = seed;
}

core::TestResult monte_carlo_test(std::span<const double> draws, double observed, std::optional<double> centre,
                                  const core::ExactOptions& options) {
    double scale = std::fabs(observed);
    long double sum = 0;
    for (double v : draws) {
        scale = std::max(scale, std::fabs(v));
        sum += v;
    }
    const double c = centre ? *centre : static_cast<double>(sum / static_cast<long double>(std::max<std::size_t>(draws.size(), 1)));
    const double tol = tie_tolerance(scale);
    TailCounts counts;
    for (double v : draws) counts.add(v, observed, c, tol);
    const double B = static_cast<double>(draws.size());
    core::TestResult r;
    r.statistic = observed;
    r.alternative = options.alternative;
    r.two_sided_rule = options.two_sided_rule;
    finish_monte_carlo(r, extreme_count(counts, options.alternative, options.two_sided_rule, B, true),
                       draws.size(), options.seed);
    return r;
}

}  // namespace pilotstat::null
