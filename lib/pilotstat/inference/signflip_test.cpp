#include "pilotstat/inference/signflip_test.hpp"

#include <algorithm>
#include <cmath>

#include "pilotstat/error.hpp"
#include "pilotstat/resample/sign_flip_dp.hpp"

namespace pilotstat::inference {

void require_finite_differences(std::span<const double> differences) {
    for (double d : differences)
        if (!std::isfinite(d)) throw DataError("paired differences must be finite numbers");
}

core::TestResult sign_flip_null_test(std::span<const double> scores, double observed_sum,
                               resample::AffineMap map, const core::ExactOptions& opts) {
    const double arrangements = resample::sign_flip_arrangements(scores.size());
    const double t = map(observed_sum);
    if (scores.size() <= resample::kMaxSignFlipEnumeration && arrangements <= opts.max_enumeration) {
        auto r = resample::enumerate_sign_flips(scores, map).test(t, opts.alternative,
                                                                 opts.two_sided_rule);
        r.method = core::Method::exact_enumeration;
        return r;
    }
    if (auto dist = resample::sign_flip_dp(scores, map, opts.max_dp_cells)) {
        auto r = dist->test(t, opts.alternative, opts.two_sided_rule);
        r.method = core::Method::exact_dp;
        return r;
    }
    return resample::monte_carlo_sign_flips(scores, observed_sum, map, opts.alternative,
                                            opts.two_sided_rule, opts.resamples, opts.seed);
}

std::optional<core::TestResult> signflip_test(std::span<const double> differences,
                                        const core::ExactOptions& opts) {
    require_finite_differences(differences);
    if (differences.empty()) return std::nullopt;
    long double sum = 0;
    for (double d : differences) sum += d;
    const double n = static_cast<double>(differences.size());
    auto r = sign_flip_null_test(differences, static_cast<double>(sum), {0.0, 1.0 / n}, opts);
    if (std::all_of(differences.begin(), differences.end(), [](double d) { return d == 0.0; })) {
        r.p_value = 1.0;
        r.note = "all differences zero";
    }
    return r;
}

}  // namespace pilotstat::inference
