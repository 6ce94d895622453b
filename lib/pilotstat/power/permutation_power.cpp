#include "pilotstat/power/permutation_power.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include <thread>
#include <vector>

#include "pilotstat/error.hpp"
#include "pilotstat/core/exact_options.hpp"
#include "pilotstat/inference/permutation_test.hpp"
#include "pilotstat/inference/signflip_test.hpp"
#include "pilotstat/null/p_floor.hpp"
#include "pilotstat/null/provider.hpp"
#include "pilotstat/null/sign_flips.hpp"
#include "pilotstat/resample/splits.hpp"
#include "pilotstat/resample/rng.hpp"

namespace pilotstat::power {

namespace {

using core::Alternative;
using core::Method;

constexpr double kRejectSlack = 1e-10;  // p <= alpha (1 + slack): rounding of k/total only

// The options of the inner test. Normal draws never scale to integers, so
// the DP never applies (and is not attempted).
core::ExactOptions inner_options(const PowerSettings& s, const SimulationOptions& sim) {
    core::ExactOptions o;
    o.alternative = s.alternative;
    o.max_enumeration = sim.max_enumeration;
    o.max_dp_cells = 0;
    o.resamples = sim.inner_resamples;
    return o;
}

// The provider the inner test will use, asked of the engine with the cost
// the test itself reports (sign flips enumerate up to kMaxSignFlipEnumeration).
null::Provider inner_provider(Design design, int n, const SimulationOptions& sim, const PowerSettings& s) {
    const auto size = static_cast<std::size_t>(n);
    const double arrangements = design == Design::paired
                                    ? (size <= null::kMaxSignFlipEnumeration ? null::sign_flip_arrangements(size)
                                                                             : std::numeric_limits<double>::infinity())
                                    : resample::binomial_coefficient(2 * n, n);
    return null::choose_provider(null::Cost{arrangements, std::nullopt}, inner_options(s, sim));
}

struct Job {
    PowerSettings s;
    int n = 0;
    double effect = 0.0;
    core::ExactOptions inner;
};

// Rejections among `count` replicates drawn from `rng` (one chunk).
std::uint64_t run_chunk(const Job& job, resample::Rng rng, std::uint64_t count) {
    const auto n = static_cast<std::size_t>(job.n);
    std::vector<double> a(n), b(job.s.design == Design::two_sample ? n : 0);
    const double alpha = job.s.alpha * (1.0 + kRejectSlack);
    std::uint64_t rejections = 0;
    for (std::uint64_t r = 0; r < count; ++r) {
        for (auto& x : a) x = job.effect + rng.normal();
        for (auto& x : b) x = rng.normal();
        core::ExactOptions o = job.inner;
        o.seed = rng.next();  // drawn always, so the stream never depends on the provider
        const auto res = job.s.design == Design::paired ? inference::signflip_test(a, o)
                                                        : inference::permutation_test(a, b, o);
        if (res && res->p_value <= alpha) ++rejections;
    }
    return rejections;
}

unsigned thread_count(const SimulationOptions& sim, std::size_t chunks) {
    unsigned t = sim.threads;
    if (t == 0) t = std::min(2u, std::max(1u, std::thread::hardware_concurrency()));
    return static_cast<unsigned>(std::min<std::size_t>(t, std::max<std::size_t>(chunks, 1)));
}

// Total rejections over R replicates, chunk c from Rng::stream(seed, c);
// chunk c runs on thread c % T, so the sum does not depend on T.
std::uint64_t simulate(const Job& job, const SimulationOptions& sim) {
    const std::uint64_t R = sim.replicates;
    const std::size_t chunks = static_cast<std::size_t>((R + kChunkSize - 1) / kChunkSize);
    std::vector<resample::Rng> streams;
    streams.reserve(chunks);
    resample::Rng rng(sim.seed);  // equal to Rng::stream(seed, c) after c jumps
    for (std::size_t c = 0; c < chunks; ++c) {
        streams.push_back(rng);
        rng.jump();
    }
    std::vector<std::uint64_t> counts(chunks, 0);
    const unsigned T = thread_count(sim, chunks);
    std::vector<std::exception_ptr> errors(T);
    auto work = [&](unsigned t) {
        try {
            for (std::size_t c = t; c < chunks; c += T) {
                const std::uint64_t first = c * kChunkSize;
                counts[c] = run_chunk(job, streams[c], std::min(kChunkSize, R - first));
            }
        } catch (...) {
            errors[t] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < T; ++t) pool.emplace_back(work, t);
    work(0);
    for (auto& th : pool) th.join();
    for (auto& e : errors)
        if (e) std::rethrow_exception(e);
    std::uint64_t total = 0;
    for (auto k : counts) total += k;
    return total;
}

// Smallest n >= 2 whose p-floor is at most alpha (max_n + 1 if none).
int smallest_useful_n(const PowerSettings& s, const SimulationOptions& sim, int max_n) {
    int n = 2;
    while (n <= max_n && permutation_p_floor(s, n, sim) > s.alpha) ++n;
    return n;
}

}  // namespace

std::string SimulatedPower::method_label() const {
    if (replicates == 0) return "exact (p-floor)";
    std::string label = "simulation (R=" + std::to_string(replicates) + ", seed=" + std::to_string(seed) +
                        "; inner " + std::string(core::to_string(inner_method));
    if (inner_method == core::Method::monte_carlo) label += " B=" + std::to_string(inner_resamples);
    return label + ")";
}

double permutation_p_floor(const PowerSettings& s, int n, const SimulationOptions& sim) {
    if (inner_provider(s.design, n, sim, s) == null::Provider::monte_carlo) return null::monte_carlo_floor(sim.inner_resamples);
    const auto size = static_cast<std::size_t>(n);
    return s.design == Design::paired ? null::design_floor_paired(size, s.alternative)
                                      : null::design_floor_two_sample(size, size, s.alternative);
}

SimulatedPower permutation_power(const PowerSettings& s, int n, double effect, const SimulationOptions& sim) {
    validate(s);
    if (n < 2) throw UsageError("n must be at least 2");
    if (sim.replicates == 0) throw UsageError("the number of simulation replicates must be at least 1");
    if (!std::isfinite(effect)) throw UsageError("effect must be a finite number");
    SimulatedPower out;
    out.seed = sim.seed;
    out.inner_method = null::method_of(inner_provider(s.design, n, sim, s));
    out.p_floor = permutation_p_floor(s, n, sim);
    if (out.inner_method == core::Method::monte_carlo) out.inner_resamples = sim.inner_resamples;
    if (out.p_floor > s.alpha) {
        out.note = kNotePFloor;
        return out;
    }
    Job job{s, n, effect, inner_options(s, sim)};
    out.replicates = sim.replicates;
    out.rejections = simulate(job, sim);
    const double R = static_cast<double>(sim.replicates);
    out.power = static_cast<double>(out.rejections) / R;
    out.mc_se = std::sqrt(out.power * (1.0 - out.power) / R);
    return out;
}

SimulatedEffect permutation_min_effect(const PowerSettings& s, int n, double power, const SimulationOptions& sim) {
    const auto guess = t_min_effect(s, n, power);  // validates s, n, power
    SimulatedEffect out;
    const double sign = s.alternative == core::Alternative::less ? -1.0 : 1.0;
    auto at = [&](double e) { return permutation_power(s, n, sign * e, sim); };
    double lo = 0.0, hi = guess ? std::fabs(*guess) * 1.25 : 1.0;
    out.at = at(hi);
    if (!out.at.note.empty()) {
        out.note = out.at.note;
        return out;
    }
    while (out.at.power < power) {
        if (hi > 1e3) {
            out.note = kNoteNotReached;
            return out;
        }
        lo = hi;
        hi *= 1.5;
        out.at = at(hi);
    }
    while (hi - lo > 1e-3) {
        const double mid = 0.5 * (lo + hi);
        auto p = at(mid);
        if (p.power >= power) {
            hi = mid;
            out.at = p;
        } else {
            lo = mid;
        }
    }
    out.effect = sign * hi;
    return out;
}

SimulatedSampleSize permutation_sample_size(const PowerSettings& s, double effect, double power,
                                            const SimulationOptions& sim, int max_n) {
    SimulatedSampleSize out;
    const auto t_n = t_sample_size(s, effect, power, max_n);  // validates s, effect, power
    const int n_min = smallest_useful_n(s, sim, max_n);
    if (!t_n || n_min > max_n) {
        out.note = n_min > max_n ? kNotePFloor : kNoteNotReached;
        return out;
    }
    auto reaches = [&](int n, SimulatedPower& p) {
        p = permutation_power(s, n, effect, sim);
        return p.power >= power;
    };
    int n = std::clamp(t_n->n, n_min, max_n);
    SimulatedPower p;
    if (reaches(n, p)) {
        out.at = p;
        while (n - 1 >= n_min && reaches(n - 1, p)) {
            --n;
            out.at = p;
        }
        out.n = n;
        return out;
    }
    while (n < max_n) {
        if (reaches(++n, p)) {
            out.n = n;
            out.at = p;
            return out;
        }
    }
    out.at = p;
    out.note = kNoteNotReached;
    return out;
}

}  // namespace pilotstat::power
