#include "pilotstat/inference/signrank_test.hpp"

#include <algorithm>
#include <cmath>

#include "pilotstat/inference/signflip_test.hpp"
#include "pilotstat/stats/ranks.hpp"

namespace pilotstat::inference {

std::vector<double> signed_rank_scores(std::span<const double> differences, ZeroMethod zero) {
    std::vector<double> abs_d;
    for (double d : differences)
        if (zero == ZeroMethod::pratt || d != 0.0) abs_d.push_back(std::fabs(d));
    auto scores = stats::mid_ranks(abs_d);
    if (zero == ZeroMethod::pratt)
        for (std::size_t i = 0; i < scores.size(); ++i)
            if (abs_d[i] == 0.0) scores[i] = 0.0;
    return scores;
}

std::optional<core::TestResult> signrank_test(std::span<const double> differences,
                                        const core::ExactOptions& opts, ZeroMethod zero) {
    require_finite_differences(differences);
    if (differences.empty()) return std::nullopt;
    const auto scores = signed_rank_scores(differences, zero);
    // Signs of the differences kept, in the same order as the scores.
    long double total = 0, signed_sum = 0;
    std::size_t j = 0;
    for (double d : differences) {
        if (zero == ZeroMethod::wilcoxon && d == 0.0) continue;
        total += scores[j];
        signed_sum += d > 0.0 ? scores[j] : (d < 0.0 ? -scores[j] : 0.0L);
        ++j;
    }
    const null::AffineMap map{static_cast<double>(total) / 2.0, 0.5};
    auto r = sign_flip_null_test(scores, static_cast<double>(signed_sum), map, opts);
    if (std::all_of(differences.begin(), differences.end(), [](double d) { return d == 0.0; })) {
        r.p_value = 1.0;
        r.note = "all differences zero";
    }
    return r;
}

}  // namespace pilotstat::inference
