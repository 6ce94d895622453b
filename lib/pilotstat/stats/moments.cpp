#include "pilotstat/stats/moments.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>

#include "pilotstat/data/exact_sqrt.hpp"

namespace pilotstat::stats {

namespace {
__extension__ using int128 = __int128;

long double to_long_double(int128 v) {
    // Split so the conversion keeps 64+ bits of the high part exactly.
    const bool neg = v < 0;
    __extension__ unsigned __int128 u = neg ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
    const long double hi = static_cast<long double>(static_cast<std::uint64_t>(u >> 64)) * 0x1p64L;
    const long double r = hi + static_cast<long double>(static_cast<std::uint64_t>(u));
    return neg ? -r : r;
}

// The common denominator of all values, nullopt on overflow.
std::optional<int128> common_denominator(std::span<const data::Rational> d, int128 start = 1) {
    int128 L = start;
    for (const auto& x : d) {
        const auto l = data::lcm128(L, x.den);
        if (!l) return std::nullopt;
        L = *l;
    }
    return L;
}

// Exact sum of the values times L (a multiple of every denominator).
std::optional<int128> scaled_sum(std::span<const data::Rational> d, int128 L) {
    int128 S = 0, X = 0;
    for (const auto& x : d)
        if (__builtin_mul_overflow(static_cast<int128>(x.num), L / x.den, &X) || __builtin_add_overflow(S, X, &S))
            return std::nullopt;
    return S;
}

std::optional<Moments> exact_moments(std::span<const data::Rational> d) {
    const auto L = common_denominator(d);
    if (!L) return std::nullopt;
    int128 S = 0, Q = 0;
    for (const auto& x : d) {
        int128 X = 0, X2 = 0;
        if (__builtin_mul_overflow(static_cast<int128>(x.num), *L / x.den, &X) ||
            __builtin_mul_overflow(X, X, &X2) || __builtin_add_overflow(S, X, &S) ||
            __builtin_add_overflow(Q, X2, &Q))
            return std::nullopt;
    }
    const auto n = static_cast<int128>(d.size());
    int128 nQ = 0, S2 = 0, nL = 0, nL2 = 0;
    if (__builtin_mul_overflow(n, Q, &nQ) || __builtin_mul_overflow(S, S, &S2) || __builtin_mul_overflow(n, *L, &nL))
        return std::nullopt;
    Moments m;
    m.n = d.size();
    m.mean = data::nearest_double(S, nL);  // one rounding
    if (!__builtin_mul_overflow(nL, *L, &nL2)) {
        m.sum_sq_dev = data::nearest_double(nQ - S2, nL2);
    } else {
        const long double scale = to_long_double(*L);
        m.sum_sq_dev = static_cast<double>(to_long_double(nQ - S2) / (static_cast<long double>(d.size()) * scale * scale));
    }
    if (d.size() >= 2) {
        // var = (n Q - S^2) / (n (n - 1) L^2) exactly; its square root rounded once.
        const auto u = [](int128 v) { return static_cast<data::uint128>(v); };
        m.sd = data::sqrt_nearest(u(nQ - S2), {u(n), u(n - 1), u(*L), u(*L)});
    }
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

Moments moments(std::span<const double> x, std::span<const data::Rational> exact) {
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

std::optional<double> percent_change_of_means(std::span<const double> a, std::span<const data::Rational> exact_a,
                                              std::span<const double> b, std::span<const data::Rational> exact_b) {
    if (a.empty() || b.empty()) return std::nullopt;  // sizes may differ (all available scores)
    if (exact_a.size() == a.size() && exact_b.size() == b.size()) {
        const auto La = common_denominator(exact_a);
        const auto L = La ? common_denominator(exact_b, *La) : std::nullopt;
        const auto sa = L ? scaled_sum(exact_a, *L) : std::nullopt;
        const auto sb = L ? scaled_sum(exact_b, *L) : std::nullopt;
        // (Sb/nb - Sa/na) / (Sa/na) = (Sb na - Sa nb) / (Sa nb), in exact integers.
        const int128 na = static_cast<int128>(a.size()), nb = static_cast<int128>(b.size());
        int128 pa = 0, pb = 0, num = 0, den = 0;
        if (sa && sb && !__builtin_mul_overflow(*sb, na, &pb) && !__builtin_mul_overflow(*sa, nb, &pa) &&
            !__builtin_mul_overflow(pb - pa, int128{100}, &num) && !__builtin_mul_overflow(*sa, nb, &den)) {
            if (*sa == 0) return std::nullopt;
            return data::nearest_double(num, den);  // one rounding
        }
    }
    const double ma = moments(a).mean, mb = moments(b).mean;
    if (ma == 0.0) return std::nullopt;
    return (mb - ma) / ma * 100.0;
}

std::optional<double> difference_of_means(std::span<const data::Rational> a, std::span<const data::Rational> b) {
    if (a.empty() || b.empty()) return std::nullopt;
    const auto La = common_denominator(a);
    const auto L = La ? common_denominator(b, *La) : std::nullopt;
    const auto sa = L ? scaled_sum(a, *L) : std::nullopt;
    const auto sb = L ? scaled_sum(b, *L) : std::nullopt;
    if (!sa || !sb) return std::nullopt;
    // mean_b - mean_a = (n_a S_b - n_b S_a) / (n_a n_b L)
    const auto na = static_cast<int128>(a.size()), nb = static_cast<int128>(b.size());
    int128 x = 0, y = 0, den = 0;
    if (__builtin_mul_overflow(na, *sb, &y) || __builtin_mul_overflow(nb, *sa, &x) ||
        __builtin_mul_overflow(na * nb, *L, &den))
        return std::nullopt;
    return data::nearest_double(y - x, den);
}

double quantile_type7(std::span<const double> sorted, double p) {
    const double index = static_cast<double>(sorted.size() - 1) * p;
    const auto lo = static_cast<std::size_t>(std::floor(index));
    const double h = index - static_cast<double>(lo);
    if (h == 0.0 || lo + 1 >= sorted.size() || sorted[lo + 1] == sorted[lo]) return sorted[lo];
    return (1.0 - h) * sorted[lo] + h * sorted[lo + 1];
}

}  // namespace pilotstat::stats
