// The project's only source of randomness: xoshiro256** (Blackman & Vigna
// 2018) seeded through splitmix64, with Lemire's (2019) unbiased bounded
// integers. std:: distributions are never used: their output differs between
// standard libraries, and same input + same seed must give byte-identical
// output everywhere.
#pragma once

#include <cstdint>

#include "pilotstat/core/seed.hpp"

namespace pilotstat::resample {

// 128-bit product for Lemire's method (GCC/Clang extension; __extension__
// keeps -Wpedantic quiet).
__extension__ using uint128 = unsigned __int128;


class Rng {
public:
    explicit Rng(std::uint64_t seed = core::kDefaultSeed) noexcept { reseed(seed); }

    void reseed(std::uint64_t seed) noexcept;

    // Next 64 random bits.
    std::uint64_t next() noexcept {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    // Uniform integer in [0, range), range >= 1, without bias
    // (Lemire, "Fast random integer generation in an interval", 2019).
    std::uint64_t below(std::uint64_t range) noexcept {
        uint128 m = static_cast<uint128>(next()) * range;
        auto low = static_cast<std::uint64_t>(m);
        if (low < range) {
            const std::uint64_t threshold = (0 - range) % range;
            while (low < threshold) {
                m = static_cast<uint128>(next()) * range;
                low = static_cast<std::uint64_t>(m);
            }
        }
        return static_cast<std::uint64_t>(m >> 64);
    }

    // Uniform double in [0, 1) with 53 random bits.
    double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    // Uniform double in (0, 1): never 0, so safe under log().
    double uniform_open() noexcept { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }

    // Standard normal deviate (Marsaglia polar method; uses only sqrt and log,
    // which are correctly rounded enough to be reproducible in practice).
    double normal() noexcept;

    // Advances the state by 2^128 steps: gives non-overlapping streams for
    // threads, derived deterministically from one seed.
    void jump() noexcept;

    // A generator for stream `index` of `seed`: reseed(seed) then `index` jumps.
    static Rng stream(std::uint64_t seed, unsigned index) noexcept;

private:
    static constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept {
        return (x << k) | (x >> (64 - k));
    }
    std::uint64_t s_[4] = {};
    bool has_spare_ = false;
    double spare_ = 0.0;
};

// k independent uniform indices in [0, n) from ONE bounded draw:
// r = rng.below(n^k), and the indices are the k base-n digits of r, most
// significant first. Exactly uniform over the n^k ordered k-tuples (Lemire's
// draw is unbiased), deterministic, and division-free: with x the accepted
// 64-bit word, r = floor(x n^k / 2^64), and the digits come from k successive
// 64 x 64 -> 128-bit products by n (x n = d_1 2^64 + L_1, L_1 n = d_2 2^64 + L_2,
// ...), whose last low word L_k is the low word of x n^k that Lemire's
// rejection test reads -- so the same x is accepted and the same r results as
// rng.below(n^k) followed by division. Requires n >= 1, 1 <= k <= 64 and
// n^k <= 2^63 (use block_size() to choose k).
class DigitDraw {
public:
    DigitDraw(std::uint64_t n, unsigned k) noexcept : n_(n), k_(k) {
        std::uint64_t range = 1;
        for (unsigned j = 0; j < k; ++j) range *= n;
        range_ = range;
        threshold_ = (0 - range) % range;
    }

    // The largest k <= max_k with n^k <= 2^48 (at least 1): a rejection then
    // has probability below 2^-16.
    static unsigned block_size(std::uint64_t n, unsigned max_k) noexcept {
        constexpr std::uint64_t kLimit = std::uint64_t{1} << 48;
        unsigned k = 1;
        std::uint64_t range = n;
        while (k < max_k && k < 64 && n > 1 && range <= kLimit / n) {
            range *= n;
            ++k;
        }
        return k;
    }

    std::uint64_t n() const noexcept { return n_; }
    unsigned k() const noexcept { return k_; }
    std::uint64_t range() const noexcept { return range_; }
    std::uint64_t threshold() const noexcept { return threshold_; }  // accept iff low word >= this

    // Writes the k digits of r = rng.below(n^k) to out[0..k).
    void draw(Rng& rng, std::uint64_t* out) const noexcept {
        for (;;) {
            std::uint64_t low = rng.next();
            for (unsigned j = 0; j < k_; ++j) {
                const uint128 m = static_cast<uint128>(low) * n_;
                out[j] = static_cast<std::uint64_t>(m >> 64);
                low = static_cast<std::uint64_t>(m);
            }
            if (low >= threshold_) return;  // Lemire's acceptance test, low word of x n^k
        }
    }

    // init + term(d_1) + ... + term(d_k), added in that order, over the k
    // digits d of r = rng.below(n^k): the same draws as draw(), nothing stored.
    template <class T, class Term>
    T accumulate(Rng& rng, T init, const Term& term) const noexcept {
        for (;;) {
            std::uint64_t low = rng.next();
            T sum = init;
            for (unsigned j = 0; j < k_; ++j) {
                const uint128 m = static_cast<uint128>(low) * n_;
                sum += term(static_cast<std::uint64_t>(m >> 64));
                low = static_cast<std::uint64_t>(m);
            }
            if (low >= threshold_) return sum;
        }
    }

private:
    std::uint64_t n_;
    unsigned k_;
    std::uint64_t range_ = 1;
    std::uint64_t threshold_ = 0;  // (2^64 - n^k) mod n^k
};

}  // namespace pilotstat::resample
