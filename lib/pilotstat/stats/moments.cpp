#include "pilotstat/stats/moments.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace pilotstat::stats {

namespace {
__extension__ using int128 = __int128;

int128 pow10_128(int k) {
    int128 p = 1;
    for (int i = 0; i < k; ++i) p *= 10;
    return p;
}

long double to_long_double(int128 v) {
    // Split so the conversion keeps 64+ bits of the high part exactly.
    const bool neg = v < 0;
    __extension__ unsigned __int128 u = neg ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
    const long double hi = static_cast<long double>(static_cast<std::uint64_t>(u >> 64)) * 0x1p64L;
    const long double r = hi + static_cast<long double>(static_cast<std::uint64_t>(u));
    return neg ? -r : r;
}

std::optional<Moments> exact_moments(std::span<const data::Decimal> d) {
    int K = 0;
    for (const auto& x : d) K = std::max(K, x.scale);
    if (K > 18) return std::nullopt;
    int128 S = 0, Q = 0;
    for (const auto& x : d) {
        int128 X = 0, X2 = 0;
        if (__builtin_mul_overflow(static_cast<int128>(x.mantissa), pow10_128(K - x.scale), &X) ||
            __builtin_mul_overflow(X, X, &X2) || __builtin_add_overflow(S, X, &S) ||
            __builtin_add_overflow(Q, X2, &Q))
            return std::nullopt;
    }
    const auto n = static_cast<int128>(d.size());
    int128 nQ = 0, S2 = 0;
    if (__builtin_mul_overflow(n, Q, &nQ) || __builtin_mul_overflow(S, S, &S2)) return std::nullopt;
    const long double scale = std::pow(10.0L, K);
    Moments m;
    m.n = d.size();
    m.mean = static_cast<double>(to_long_double(S) / (static_cast<long double>(d.size()) * scale));
    m.sum_sq_dev = static_cast<double>(to_long_double(nQ - S2) / (static_cast<long double>(d.size()) * scale * scale));
    m.exact = true;
    return m;
}

// Neumaier's compensated sum.
double compensated_sum(std::span<const double> x) {
    double sum = 0.0, c = 0.0;
    for (double v : x) {
        const double t = sum + v;
        c += std::fabs(sum) >= std::fabs(v) ? (sum - t) + v : (v - t) + sum;
        sum = t;
    }
    return sum + c;
}
}  // namespace

Moments moments(std::span<const double> x, std::span<const data::Decimal> exact) {
    if (!x.empty() && exact.size() == x.size())
        if (auto m = exact_moments(exact)) return *m;
    Moments m;
    m.n = x.size();
    if (x.empty()) return m;
    m.mean = compensated_sum(x) / static_cast<double>(x.size());
    double ss = 0.0, s = 0.0;
    for (double v : x) {
        ss += (v - m.mean) * (v - m.mean);
        s += v - m.mean;
    }
    m.sum_sq_dev = std::max(0.0, ss - s * s / static_cast<double>(x.size()));
    return m;
}

namespace {
// Exact sum of decimals at a common scale K (>= every scale), or nullopt on overflow.
std::optional<int128> scaled_sum(std::span<const data::Decimal> d, int K) {
    int128 S = 0;
    for (const auto& x : d) {
        int128 X = 0;
        if (x.scale > K || __builtin_mul_overflow(static_cast<int128>(x.mantissa), pow10_128(K - x.scale), &X) ||
            __builtin_add_overflow(S, X, &S))
            return std::nullopt;
    }
    return S;
}
}  // namespace

std::optional<double> percent_change_of_means(std::span<const double> a, std::span<const data::Decimal> exact_a,
                                              std::span<const double> b, std::span<const data::Decimal> exact_b) {
    if (a.empty() || b.empty()) return std::nullopt;
    if (exact_a.size() == a.size() && exact_b.size() == b.size()) {
        int K = 0;
        for (const auto& x : exact_a) K = std::max(K, x.scale);
        for (const auto& x : exact_b) K = std::max(K, x.scale);
        const auto sa = K <= 18 ? scaled_sum(exact_a, K) : std::nullopt;
        const auto sb = K <= 18 ? scaled_sum(exact_b, K) : std::nullopt;
        // (Sb/nb - Sa/na) / (Sa/na) = (Sb na - Sa nb) / (Sa nb); the products stay
        // far inside 128 bits for sums of at most 10^6 scores below 10^12 at K <= 18.
        const int128 na = static_cast<int128>(a.size()), nb = static_cast<int128>(b.size());
        const int128 limit = static_cast<int128>(1) << 100;
        if (sa && sb && *sa < limit && -*sa < limit && *sb < limit && -*sb < limit && na < (1 << 20) && nb < (1 << 20)) {
            if (*sa == 0) return std::nullopt;
            if (na == nb) return static_cast<double>(to_long_double(*sb - *sa) * 100.0L / to_long_double(*sa));
            return static_cast<double>(to_long_double(*sb * na - *sa * nb) * 100.0L / to_long_double(*sa * nb));
        }
    }
    const double ma = moments(a).mean, mb = moments(b).mean;
    if (ma == 0.0) return std::nullopt;
    return (mb - ma) / ma * 100.0;
}

double quantile_type7(std::span<const double> sorted, double p) {
    const double index = static_cast<double>(sorted.size() - 1) * p;
    const auto lo = static_cast<std::size_t>(std::floor(index));
    const double h = index - static_cast<double>(lo);
    if (h == 0.0 || lo + 1 >= sorted.size() || sorted[lo + 1] == sorted[lo]) return sorted[lo];
    return (1.0 - h) * sorted[lo] + h * sorted[lo + 1];
}

}  // namespace pilotstat::stats
