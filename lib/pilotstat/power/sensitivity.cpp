#include "pilotstat/power/sensitivity.hpp"

#include <cmath>
#include <map>
#include <tuple>

namespace pilotstat::power {

TDesign paired_design(std::size_t n) { return {static_cast<double>(n) - 1.0, static_cast<double>(n)}; }

TDesign two_sample_design(std::size_t n_a, std::size_t n_b) {
    const double a = static_cast<double>(n_a), b = static_cast<double>(n_b);
    return {a + b - 2.0, a + b > 0 ? a * b / (a + b) : 0.0};
}

TDesign ancova_design(std::size_t n_a, std::size_t n_b) {
    TDesign d = two_sample_design(n_a, n_b);
    d.df -= 1.0;  // one more parameter: the baseline slope
    return d;
}

double design_power(const TDesign& d, double alpha, core::Alternative alternative, double effect) {
    return t_power_df(d.df, effect * std::sqrt(d.n_eff), alpha, alternative);
}

std::optional<double> design_min_effect(const TDesign& d, double alpha, core::Alternative alternative,
                                        double power) {
    if (!(d.df > 0.0) || !(d.n_eff > 0.0)) return std::nullopt;
    // A report asks for the same few designs many times and each root costs
    // ~0.1 ms of noncentral t evaluations: remember them.
    thread_local std::map<std::tuple<double, double, double, int, double>, std::optional<double>> cache;
    const auto key = std::make_tuple(d.df, d.n_eff, alpha, static_cast<int>(alternative), power);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    const auto ncp = t_min_ncp(d.df, alpha, alternative, power);
    return cache[key] = ncp ? std::optional<double>(*ncp / std::sqrt(d.n_eff)) : std::nullopt;
}

}  // namespace pilotstat::power
