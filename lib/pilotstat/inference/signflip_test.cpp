#include "pilotstat/inference/signflip_test.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "pilotstat/error.hpp"
#include "pilotstat/null/run.hpp"
#include "pilotstat/null/sign_flip_dp.hpp"

namespace pilotstat::inference {

void require_finite_differences(std::span<const double> differences) {
    for (double d : differences)
        if (!std::isfinite(d)) throw DataError("paired differences must be finite numbers");
}

core::TestResult sign_flip_null_test(std::span<const double> scores, double observed_sum,
                               null::AffineMap map, const core::ExactOptions& opts) {
    const std::vector<double> a(scores.begin(), scores.end());
    const auto scaling = null::sign_flip_scaling(a);
    null::NullProblem problem;
    problem.name = "sign-flip test";
    problem.observed = map(observed_sum);
    problem.cost.arrangements = a.size() <= null::kMaxSignFlipEnumeration
                                    ? null::sign_flip_arrangements(a.size())
                                    : std::numeric_limits<double>::infinity();
    if (scaling) problem.cost.dp = null::DpCost{null::sign_flip_dp_table(*scaling), null::sign_flip_dp_cells(*scaling)};
    problem.log2_arrangements = static_cast<double>(a.size());
    problem.enumerate = [&] { return null::enumerate_sign_flips(a, map); };
    problem.dp = [&] { return null::sign_flip_dp(*scaling, map); };
    problem.draw = null::sign_flip_draw(a, map);
    problem.centre = map(0.0);
    double total = 0.0;
    for (double x : a) total += std::fabs(x);
    problem.tie_scale = std::fabs(map.offset) + map.scale * total;
    return null::run(problem, opts);
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
