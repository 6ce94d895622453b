#include "pilotstat/resample/multisets.hpp"

#include <cmath>

#include "pilotstat/error.hpp"

namespace pilotstat::resample {

namespace {
// Largest n whose n^n fits in 64 bits (15^15 = 4.4e17; 16^16 = 2^64).
constexpr std::size_t kMaxEnumerableN = 15;

// Fills counts row by row, recursively: position i takes every value from
// `remaining` down to 0; the last position takes what is left. This yields
// all compositions of n into n non-negative parts, lexicographically
// descending.
struct Enumerator {
    std::size_t n;
    std::vector<std::uint64_t> factorial;
    std::vector<std::uint8_t> row;
    std::vector<std::uint8_t>* counts;
    std::vector<std::uint64_t>* weights;

    void emit() {
        std::uint64_t denominator = 1;
        for (auto c : row) denominator *= factorial[c];
        counts->insert(counts->end(), row.begin(), row.end());
        weights->push_back(factorial[n] / denominator);  // exact: n!/prod c_i!
    }

    void fill(std::size_t i, std::size_t remaining) {
        if (i + 1 == n) {
            row[i] = static_cast<std::uint8_t>(remaining);
            emit();
            return;
        }
        for (std::size_t c = remaining + 1; c-- > 0;) {
            row[i] = static_cast<std::uint8_t>(c);
            fill(i + 1, remaining - c);
        }
    }
};
}  // namespace

double multiset_count(std::size_t n) noexcept {
    if (n == 0) return 0.0;
    // C(2n-1, n) = prod_{k=1..n} (n-1+k)/k, exact in doubles while it fits.
    double c = 1.0;
    for (std::size_t k = 1; k <= n; ++k)
        c = c * static_cast<double>(n - 1 + k) / static_cast<double>(k);
    return std::round(c);
}

std::uint64_t ordered_resample_count(std::size_t n) noexcept {
    if (n == 0 || n > kMaxEnumerableN) return 0;
    std::uint64_t t = 1;
    for (std::size_t k = 0; k < n; ++k) t *= n;
    return t;
}

MultisetTable::MultisetTable(std::size_t n) : n_(n), total_(ordered_resample_count(n)) {
    if (n == 0) throw UsageError("bootstrap multisets need at least one observation");
    if (total_ == 0)
        throw UsageError("bootstrap enumeration is limited to n <= 15 observations per sample");
    Enumerator e{n, std::vector<std::uint64_t>(n + 1, 1), std::vector<std::uint8_t>(n, 0),
                 &counts_, &weights_};
    for (std::size_t k = 1; k <= n; ++k) e.factorial[k] = e.factorial[k - 1] * k;
    const auto rows = static_cast<std::size_t>(multiset_count(n));
    weights_.reserve(rows);
    counts_.reserve(rows * n);
    e.fill(0, n);
}

}  // namespace pilotstat::resample
