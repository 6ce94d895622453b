// The project's only source of randomness: xoshiro256** (Blackman & Vigna
// 2018) seeded through splitmix64, with Lemire's (2019) unbiased bounded
// integers. std:: distributions are never used: their output differs between
// standard libraries, and same input + same seed must give byte-identical
// output everywhere.
#pragma once

#include <cstdint>

namespace pilotstat::resample {

// 128-bit product for Lemire's method (GCC/Clang extension; __extension__
// keeps -Wpedantic quiet).
__extension__ using uint128 = unsigned __int128;

inline constexpr std::uint64_t kDefaultSeed = 20230401;

class Rng {
public:
    explicit Rng(std::uint64_t seed = kDefaultSeed) noexcept { reseed(seed); }

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

}  // namespace pilotstat::resample
