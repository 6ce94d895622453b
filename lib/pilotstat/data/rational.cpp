#include "pilotstat/data/rational.hpp"

#include <cmath>
#include <numeric>

namespace pilotstat::data {

namespace {
__extension__ using uint128 = unsigned __int128;

int bit_length(uint128 v) {
    int n = 0;
    while (v != 0) {
        v >>= 1;
        ++n;
    }
    return n;
}

uint128 gcd128(uint128 a, uint128 b) {
    while (b != 0) {
        const uint128 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

uint128 magnitude(int128 v) { return v < 0 ? -static_cast<uint128>(v) : static_cast<uint128>(v); }
}  // namespace

Rational reduced(std::int64_t num, std::int64_t den) {
    if (den < 0) {
        num = -num;
        den = -den;
    }
    const std::int64_t g = std::gcd(num, den);
    if (g > 1) {
        num /= g;
        den /= g;
    }
    return {num, den};
}

Rational to_rational(const Decimal& d) {
    std::int64_t den = 1;
    for (int i = 0; i < d.scale; ++i) den *= 10;
    return reduced(d.mantissa, den);
}

double nearest_double(int128 num, int128 den) {
    if (num == 0) return 0.0;
    const bool negative = (num < 0) != (den < 0);
    const uint128 n = magnitude(num), d = magnitude(den);
    // Both exactly representable: IEEE division rounds the quotient once, to
    // nearest, ties to even, which is this function's contract; the long
    // division below is for operands of more than 53 bits.
    constexpr uint128 k2p53 = uint128{1} << 53;
    if (n <= k2p53 && d <= k2p53) {
        const double v = static_cast<double>(static_cast<std::uint64_t>(n)) /
                         static_cast<double>(static_cast<std::uint64_t>(d));
        return negative ? -v : v;
    }
    // Quotient bits: q = floor(n * 2^shift / d) with 55 significant bits, plus a sticky bit.
    uint128 q = n / d, r = n % d;
    int shift = 0;
    bool sticky = false;
    int len = bit_length(q);
    if (len > 55) {
        const int drop = len - 55;
        sticky = r != 0 || (q & ((uint128{1} << drop) - 1)) != 0;
        q >>= drop;
        shift = -drop;
    } else {
        while (bit_length(q) < 55) {
            // d < 2^127 for int128 input, so 2r < 2^128.
            r <<= 1;
            q <<= 1;
            if (r >= d) {
                r -= d;
                q |= 1;
            }
            ++shift;
        }
        sticky = r != 0;
    }
    // q has 55 bits: 53 kept, a round bit and a guard bit.
    std::uint64_t mant = static_cast<std::uint64_t>(q >> 2);
    const unsigned low = static_cast<unsigned>(q & 3);
    const bool round_bit = (low & 2) != 0;
    sticky = sticky || (low & 1) != 0;
    if (round_bit && (sticky || (mant & 1) != 0)) ++mant;
    const double v = std::ldexp(static_cast<double>(mant), 2 - shift);
    return negative ? -v : v;
}

std::optional<int128> lcm128(int128 a, int128 b) {
    const auto g = static_cast<int128>(gcd128(magnitude(a), magnitude(b)));
    int128 out = 0;
    if (g == 0 || __builtin_mul_overflow(a / g, b, &out)) return std::nullopt;
    return out < 0 ? -out : out;
}

std::optional<Rational> difference(const Rational& a, const Rational& b) {
    const auto L = lcm128(a.den, b.den);
    if (!L) return std::nullopt;
    int128 x = 0, y = 0;
    if (__builtin_mul_overflow(static_cast<int128>(a.num), *L / a.den, &x) ||
        __builtin_mul_overflow(static_cast<int128>(b.num), *L / b.den, &y))
        return std::nullopt;
    const int128 diff = y - x;
    const auto g = static_cast<int128>(gcd128(magnitude(diff), magnitude(*L)));
    const int128 num = g > 1 ? diff / g : diff, den = g > 1 ? *L / g : *L;
    if (num > INT64_MAX || num < -INT64_MAX || den > INT64_MAX) return std::nullopt;
    return Rational{static_cast<std::int64_t>(num), static_cast<std::int64_t>(den)};
}

}  // namespace pilotstat::data
