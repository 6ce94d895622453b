// Monte Carlo bootstrap throughput (benchmark case 5 of scripts/bench/run):
// resamples per second for the mean of n = 5 and n = 50, one thread, through
// the library's public entry point bootstrap::monte_carlo_mean -- the draws,
// the sums and the sorted distribution the interval methods read. Also the
// raw generator and bounded draw, which set the ceiling.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "pilotstat/bootstrap/bootstrap_distribution.hpp"
#include "pilotstat/resample/rng.hpp"

namespace {

namespace bs = pilotstat::bootstrap;
using pilotstat::resample::Rng;

constexpr std::uint64_t kResamples = 1 << 20;

// Instrument-like scores: integers (BDI-II) or 4-decimal BPI interference means.
std::vector<double> scores(std::size_t n, bool decimals) {
    std::vector<double> x(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto k = static_cast<double>((i * 37 + 11) % 64);
        x[i] = decimals ? static_cast<double>(static_cast<long>(k / 7.0 * 10000.0 + 0.5)) / 10000.0 : k;
    }
    return x;
}

void BM_BootstrapMean(benchmark::State& state) {
    const auto x = scores(static_cast<std::size_t>(state.range(0)), state.range(1) != 0);
    std::uint64_t seed = 1;
    for (auto _ : state) {
        auto d = bs::monte_carlo_mean(x, kResamples, seed++);
        benchmark::DoNotOptimize(d.values.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kResamples));
    state.SetLabel(state.range(1) ? "resamples, 4-decimal scores" : "resamples, integer scores");
}
BENCHMARK(BM_BootstrapMean)->ArgNames({"n", "decimals"})->Args({5, 0})->Args({50, 0})->Args({5, 1})->Args({50, 1})
    ->Unit(benchmark::kMillisecond);

void BM_RngBelow(benchmark::State& state) {
    Rng rng(7);
    const auto range = static_cast<std::uint64_t>(state.range(0));
    std::uint64_t acc = 0;
    for (auto _ : state) {
        for (int i = 0; i < 1024; ++i) acc += rng.below(range);
        benchmark::DoNotOptimize(acc);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * 1024));
    state.SetLabel("draws");
}
BENCHMARK(BM_RngBelow)->Arg(5)->Arg(50);

}  // namespace

BENCHMARK_MAIN();
