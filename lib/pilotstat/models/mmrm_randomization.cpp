#include "pilotstat/models/mmrm_randomization.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "pilotstat/error.hpp"
#include "pilotstat/null/exact_distribution.hpp"
#include "pilotstat/null/monte_carlo.hpp"
#include "pilotstat/null/run.hpp"
#include "pilotstat/resample/rng.hpp"
#include "pilotstat/resample/splits.hpp"

namespace pilotstat::models {

std::vector<core::TestResult> relabeling_tests(
    std::size_t n, std::size_t n_a, const std::vector<double>& observed,
    const std::function<bool(const std::vector<int>&, std::vector<double>&)>& statistic, const core::ExactOptions& o,
    double& relabelings, double& failed) {
    const std::size_t k = observed.size();
    std::vector<std::vector<double>> values(k);
    std::vector<double> out(k);
    failed = 0;
    auto record = [&](const std::vector<int>& in_a) {
        if (!statistic(in_a, out) || !std::all_of(out.begin(), out.end(), [](double v) { return std::isfinite(v); })) {
            ++failed;
            return;
        }
        for (std::size_t j = 0; j < k; ++j) values[j].push_back(out[j]);
    };
    const int ni = static_cast<int>(n), ka = static_cast<int>(n_a);
    const bool enumerate = resample::binomial_coefficient(ni, ka) <= o.max_enumeration;
    if (enumerate) {
        resample::for_each_split(ni, ka, record);
        relabelings = resample::binomial_coefficient(ni, ka);
    } else {
        if (o.resamples == 0) throw ComputeError("mmrm randomization: too many relabelings to enumerate and resamples = 0");
        // Random splits: a partial Fisher-Yates shuffle puts a uniformly random
        // n_a-subset in front (as the other two-sample tests draw them).
        resample::Rng rng(o.seed);
        std::vector<std::size_t> idx(n);
        std::iota(idx.begin(), idx.end(), std::size_t{0});
        std::vector<int> in_a(n, 0);
        for (std::uint64_t b = 0; b < o.resamples; ++b) {
            for (std::size_t i = 0; i < n_a; ++i) std::swap(idx[i], idx[i + rng.below(n - i)]);
            std::fill(in_a.begin(), in_a.end(), 0);
            for (std::size_t i = 0; i < n_a; ++i) in_a[idx[i]] = 1;
            record(in_a);
        }
        relabelings = static_cast<double>(o.resamples);
    }
    std::vector<core::TestResult> tests;
    for (std::size_t j = 0; j < k; ++j) {
        if (values[j].empty()) throw ComputeError("mmrm randomization: no relabeling could be fitted");
        // Enumeration: the observed labels are the first split, refitted like
        // every other, so its statistic is compared with itself exactly.
        // The engine labels the method, counts ties and applies the two-sided rule.
        core::TestResult r =
            enumerate ? null::exact_test(null::ExactDistribution::from_values(values[j]), values[j].front(),
                                         null::Provider::enumeration, o)
                      : null::monte_carlo_test(values[j], observed[j], std::nullopt, o);
        tests.push_back(r);
    }
    return tests;
}

MmrmRandomization mmrm_randomization(const MmrmData& data, const MmrmFit& observed, const core::ExactOptions& o) {
    if (!observed.converged) throw ComputeError("mmrm randomization: the observed model has no fit");
    // The model's subjects, arm A first: the observed labels are the first split.
    MmrmData d{data.visits, {}};
    for (bool a : {true, false})
        for (const auto& s : data.subjects)
            if (s.arm_a == a && !s.visits.empty()) d.subjects.push_back(s);
    MmrmDesign design = make_design(d);
    const std::size_t v = data.visits, n_a = observed.subjects_a;
    std::vector<Eigen::VectorXd> contrasts;
    std::vector<double> t_obs;
    for (std::size_t j = 0; j < v; ++j) contrasts.push_back(visit_difference_contrast(v, j));
    contrasts.push_back(average_difference_contrast(v));
    for (std::size_t j = 0; j < v; ++j) t_obs.push_back(observed.difference[j].estimate / observed.difference[j].se_model);
    t_obs.push_back(observed.average.estimate / observed.average.se_model);
    const auto statistic = [&](const std::vector<int>& in_a, std::vector<double>& out) {
        set_arms(design, in_a);
        const RemlFit f = fit_reml(design, observed.covariance, observed.reml.theta, observed.inverse_hessian);
        if (!f.ok) return false;
        for (std::size_t c = 0; c < contrasts.size(); ++c)
            out[c] = contrasts[c].dot(f.value.beta) / std::sqrt(contrasts[c].dot(f.value.phi * contrasts[c]));
        return true;
    };
    MmrmRandomization r;
    auto tests = relabeling_tests(d.subjects.size(), n_a, t_obs, statistic, o, r.relabelings, r.failed);
    r.average = tests.back();
    tests.pop_back();
    r.visit = std::move(tests);
    return r;
}

}  // namespace pilotstat::models
