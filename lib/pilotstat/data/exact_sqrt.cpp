#include "pilotstat/data/exact_sqrt.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace pilotstat::data {

namespace {
// Unsigned multi-word integer, little-endian 32-bit limbs: only what the
// comparison needs (product, left shift, compare).
struct Big {
    std::vector<std::uint32_t> w;

    static Big of(uint128 v) {
        Big b;
        while (v != 0) {
            b.w.push_back(static_cast<std::uint32_t>(v));
            v >>= 32;
        }
        return b;
    }
    Big times(const Big& o) const {
        Big r;
        r.w.assign(w.size() + o.w.size(), 0);
        for (std::size_t i = 0; i < w.size(); ++i) {
            std::uint64_t carry = 0;
            for (std::size_t j = 0; j < o.w.size(); ++j) {
                const std::uint64_t t = static_cast<std::uint64_t>(w[i]) * o.w[j] + r.w[i + j] + carry;
                r.w[i + j] = static_cast<std::uint32_t>(t);
                carry = t >> 32;
            }
            for (std::size_t k = i + o.w.size(); carry != 0; ++k) {
                const std::uint64_t t = static_cast<std::uint64_t>(r.w[k]) + carry;
                r.w[k] = static_cast<std::uint32_t>(t);
                carry = t >> 32;
            }
        }
        r.trim();
        return r;
    }
    Big shifted(int bits) const {  // bits >= 0
        Big r;
        const auto words = static_cast<std::size_t>(bits / 32);
        const int rest = bits % 32;
        r.w.assign(words, 0);
        std::uint32_t carry = 0;
        for (auto x : w) {
            r.w.push_back(rest == 0 ? x : (x << rest) | carry);
            carry = rest == 0 ? 0 : x >> (32 - rest);
        }
        if (carry != 0) r.w.push_back(carry);
        r.trim();
        return r;
    }
    void trim() {
        while (!w.empty() && w.back() == 0) w.pop_back();
    }
};

int compare(const Big& a, const Big& b) {
    if (a.w.size() != b.w.size()) return a.w.size() < b.w.size() ? -1 : 1;
    for (std::size_t i = a.w.size(); i-- > 0;)
        if (a.w[i] != b.w[i]) return a.w[i] < b.w[i] ? -1 : 1;
    return 0;
}

// Sign of m^2 D - N for the midpoint m = (s + nextafter(s, inf)) / 2, s > 0 finite.
int midpoint_side(double s, const Big& D, const Big& N) {
    int e = 0;
    const double f = std::frexp(s, &e);  // s = f 2^e, f in [0.5, 1)
    const auto A = static_cast<std::uint64_t>(std::ldexp(f, 53));  // s = A 2^(e - 53)
    const uint128 M = 2 * static_cast<uint128>(A) + 1;              // m = M 2^(e - 54)
    const int p = 2 * (e - 54);                                      // m^2 = M^2 2^p
    Big lhs = Big::of(M).times(Big::of(M)).times(D);
    Big rhs = N;
    if (p >= 0) lhs = lhs.shifted(p);
    else rhs = rhs.shifted(-p);
    return compare(lhs, rhs);
}
}  // namespace

double sqrt_nearest(uint128 num, std::initializer_list<uint128> den_factors) {
    if (num == 0) return 0.0;
    Big D = Big::of(1);
    double den_d = 1.0;
    for (auto d : den_factors) {
        D = D.times(Big::of(d));
        den_d *= static_cast<double>(d);
    }
    const Big N = Big::of(num);
    double s = std::sqrt(static_cast<double>(num) / den_d);  // within a few ulps
    const double inf = std::numeric_limits<double>::infinity();
    if (!(s > 0.0) || !std::isfinite(s)) return s;
    // Up: while the midpoint above s is below the root, s is too small.
    while (midpoint_side(s, D, N) < 0) s = std::nextafter(s, inf);
    // Down: while the midpoint below s is above the root, s is too large.
    for (;;) {
        const double below = std::nextafter(s, 0.0);
        if (!(below > 0.0)) break;
        const int side = midpoint_side(below, D, N);
        if (side > 0) {
            s = below;
            continue;
        }
        // Exactly on the midpoint below: round half to even.
        if (side == 0) {
            int e = 0;
            const auto A = static_cast<std::uint64_t>(std::ldexp(std::frexp(below, &e), 53));
            if (A % 2 == 0) s = below;
        }
        break;
    }
    // An exact tie on the midpoint above s was left at s by the first loop
    // (side == 0 is not < 0): move up when s is odd.
    if (midpoint_side(s, D, N) == 0) {
        int e = 0;
        const auto A = static_cast<std::uint64_t>(std::ldexp(std::frexp(s, &e), 53));
        if (A % 2 == 1) s = std::nextafter(s, inf);
    }
    return s;
}

}  // namespace pilotstat::data
