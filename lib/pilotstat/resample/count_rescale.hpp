// Keeping DP count tables of doubles in range: counts above 2^600 are brought
// back to about 2^500 (exactly, by a power of two) every kRescaleEvery
// scores; between two checks they grow at most 2^kRescaleEvery-fold, far from
// the 2^1024 overflow. The caller adds the returned exponent to its log2
// scale. Shared by the two-sample shift DP and the sign-flip DP.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace pilotstat::resample {

inline constexpr std::size_t kRescaleEvery = 256;
inline constexpr double kRescaleAbove = 0x1p600;
inline constexpr int kRescaleTo = 500;  // the largest count becomes about 2^500: small ones keep their range

// Multiplies the table by 2^-e when its largest count passes kRescaleAbove;
// returns e (0 when nothing was done).
inline int rescale_counts(std::vector<double>& count) {
    const double top = *std::max_element(count.begin(), count.end());
    if (!(top > kRescaleAbove)) return 0;
    const int e = std::ilogb(top) - kRescaleTo;
    const double factor = std::ldexp(1.0, -e);
    for (auto& c : count) c *= factor;
    return e;
}

}  // namespace pilotstat::resample
