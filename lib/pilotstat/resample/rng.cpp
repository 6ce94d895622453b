#include "pilotstat/resample/rng.hpp"

#include <cmath>

namespace pilotstat::resample {

void Rng::reseed(std::uint64_t seed) noexcept {
    // splitmix64 expands one 64-bit seed into the 256-bit state.
    std::uint64_t x = seed;
    for (auto& word : s_) {
        std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        word = z ^ (z >> 31);
    }
    has_spare_ = false;
}

double Rng::normal() noexcept {
    if (has_spare_) {
        has_spare_ = false;
        return spare_;
    }
    double u, v, s;
    do {
        u = 2.0 * uniform() - 1.0;
        v = 2.0 * uniform() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double f = std::sqrt(-2.0 * std::log(s) / s);
    spare_ = v * f;
    has_spare_ = true;
    return u * f;
}

void Rng::jump() noexcept {
    static constexpr std::uint64_t kJump[] = {0x180ec6d33cfd0abaULL, 0xd5a61266f0c9392cULL,
                                              0xa9582618e03fc9aaULL, 0x39abdc4529b1661cULL};
    std::uint64_t t[4] = {};
    for (std::uint64_t word : kJump) {
        for (int b = 0; b < 64; ++b) {
            if (word & (std::uint64_t{1} << b)) {
                for (int i = 0; i < 4; ++i) t[i] ^= s_[i];
            }
            next();
        }
    }
    for (int i = 0; i < 4; ++i) s_[i] = t[i];
    has_spare_ = false;
}

Rng Rng::stream(std::uint64_t seed, unsigned index) noexcept {
    Rng rng(seed);
    for (unsigned i = 0; i < index; ++i) rng.jump();
    return rng;
}

}  // namespace pilotstat::resample
