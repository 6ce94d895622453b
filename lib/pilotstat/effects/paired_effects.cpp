#include "pilotstat/effects/paired_effects.hpp"

#include <cmath>
#include <vector>

#include "pilotstat/error.hpp"
#include "pilotstat/inference/paired_t_test.hpp"
#include "pilotstat/inference/signflip_test.hpp"
#include "pilotstat/stats/noncentral_t.hpp"

namespace pilotstat::effects {

std::optional<PairedEffect> cohens_dz(std::span<const double> differences, double conf) {
    inference::require_finite_differences(differences);
    if (!(conf > 0.0 && conf < 1.0)) throw UsageError("confidence level must be between 0 and 1");
    if (differences.size() < 2) return std::nullopt;
    const auto s = inference::summarize_differences(differences);
    if (!(s.sd > 0.0)) return std::nullopt;
    const double n = static_cast<double>(s.n);
    PairedEffect e;
    e.estimate = s.mean / s.sd;
    e.n = s.n;
    e.df = n - 1.0;
    const double root_n = std::sqrt(n);
    if (auto ncp = stats::noncentral_t_ncp_interval(e.estimate * root_n, e.df, conf)) {
        e.ci = core::Interval{ncp->low / root_n, ncp->high / root_n, conf, "noncentral-t"};
    }
    return e;
}

std::optional<PairedEffect> hedges_gz(std::span<const double> differences, double conf) {
    auto e = cohens_dz(differences, conf);
    if (!e) return std::nullopt;
    const double j = stats::hedges_j(e->df);
    if (!std::isfinite(j)) return std::nullopt;  // n = 2: J(1) is 0, g_z meaningless
    e->estimate *= j;
    if (e->ci) {
        e->ci->low *= j;
        e->ci->high *= j;
    }
    return e;
}

std::optional<double> d_av(std::span<const double> from, std::span<const double> to) {
    if (from.size() != to.size()) throw DataError("d_av: 'from' and 'to' differ in length");
    inference::require_finite_differences(from);
    inference::require_finite_differences(to);
    if (from.size() < 2) return std::nullopt;
    std::vector<double> d(from.size());
    for (std::size_t i = 0; i < d.size(); ++i) d[i] = to[i] - from[i];
    const double sd_avg = (inference::summarize_differences(from).sd +
                           inference::summarize_differences(to).sd) / 2.0;
    if (!(sd_avg > 0.0)) return std::nullopt;
    return inference::summarize_differences(d).mean / sd_avg;
}

}  // namespace pilotstat::effects
