// MMRM randomization throughput (issue 17): the 924 refits of a 6 v 6,
// 3-visit model behind compare --on mmrm's exact p (every relabeling,
// warm-started from the observed fit), for each covariance structure, one
// thread, through models::mmrm_randomization. Also one observed fit with
// Kenward-Roger inference (models::fit_mmrm).
#include <benchmark/benchmark.h>

#include <cstdint>

#include "pilotstat/models/mmrm.hpp"
#include "pilotstat/models/mmrm_randomization.hpp"

namespace {

namespace models = pilotstat::models;

// 12 subjects, baseline and 3 visits of integer BDI-like scores; arm A
// improves faster; a subject effect makes the visits correlated.
models::MmrmData study() {
    models::MmrmData d;
    d.visits = 3;
    for (std::uint64_t i = 0; i < 12; ++i) {
        models::MmrmSubject s;
        s.arm_a = i < 6;
        s.baseline = static_cast<double>(22 + (i * 37 + 5) % 13);
        const double subject = static_cast<double>((i * 53 + 7) % 9) - 4.0;
        for (std::size_t j = 0; j < 3; ++j) {
            const double noise = static_cast<double>((i * 31 + j * 17 + 3) % 7) - 3.0;
            s.visits.push_back(j);
            s.scores.push_back(static_cast<double>(static_cast<long>(
                0.7 * s.baseline - 1.5 * static_cast<double>(j + 1) * (s.arm_a ? 2.0 : 1.0) + subject + noise)));
        }
        d.subjects.push_back(s);
    }
    return d;
}

void BM_MmrmRandomization(benchmark::State& state) {
    const auto d = study();
    models::MmrmOptions o;
    o.covariance = static_cast<models::Covariance>(state.range(0));
    const auto fit = models::fit_mmrm(d, o);
    if (!fit.converged) {
        state.SkipWithError("observed fit did not converge");
        return;
    }
    double failed = 0;
    for (auto _ : state) {
        const auto r = models::mmrm_randomization(d, fit, {});
        failed = r.failed;
        benchmark::DoNotOptimize(r.visit.back().p_value);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * 924));
    state.SetLabel(std::string(models::to_string(*o.covariance)) + ", 924 refits, " +
                   std::to_string(static_cast<int>(failed)) + " failed");
}
BENCHMARK(BM_MmrmRandomization)->ArgName("covariance")->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

void BM_MmrmFit(benchmark::State& state) {
    const auto d = study();
    models::MmrmOptions o;
    o.covariance = static_cast<models::Covariance>(state.range(0));
    for (auto _ : state) {
        const auto f = models::fit_mmrm(d, o);
        benchmark::DoNotOptimize(f.difference.back().df);
    }
    state.SetLabel(std::string(models::to_string(*o.covariance)) + ", fit + Kenward-Roger");
}
BENCHMARK(BM_MmrmFit)->ArgName("covariance")->DenseRange(0, 3)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
