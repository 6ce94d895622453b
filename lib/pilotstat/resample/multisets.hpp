// Bootstrap multisets: the distinct resamples of size n drawn with
// replacement from n observations, as count vectors (c_1..c_n), sum c_i = n,
// each with its multinomial probability n! / (prod c_i!) / n^n. There are
// C(2n-1, n) of them: 126 at n = 5, 92,378 at n = 10. Enumerating them gives
// the bootstrap distribution with no Monte Carlo error (Fisher & Hall 1991).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace pilotstat::resample {

// C(2n-1, n), the number of distinct bootstrap resamples of n observations,
// as a double (it overflows 64 bits beyond n = 33). n = 0 gives 0.
double multiset_count(std::size_t n) noexcept;

// n^n, the number of ordered resamples, as an exact integer; 0 when it does
// not fit in 64 bits (n > 15). Multiset weights are integers over this total.
std::uint64_t ordered_resample_count(std::size_t n) noexcept;

// All multisets of one sample, in lexicographic order of their count vectors
// (largest c_1 first). Row k holds counts c_1..c_n; weight(k) is the
// multinomial coefficient n!/(prod c_i!), an exact integer; the weights sum to
// total() = n^n, so probability(k) = weight(k) / n^n exactly in rationals.
class MultisetTable {
public:
    // Throws UsageError when n = 0 or when n^n does not fit in 64 bits (n > 15),
    // where enumeration (>= 7.7e7 multisets) is out of reach anyway.
    explicit MultisetTable(std::size_t n);

    std::size_t n() const noexcept { return n_; }
    std::size_t size() const noexcept { return weights_.size(); }
    std::span<const std::uint8_t> counts(std::size_t k) const noexcept {
        return {counts_.data() + k * n_, n_};
    }
    std::uint64_t weight(std::size_t k) const noexcept { return weights_[k]; }
    std::uint64_t total() const noexcept { return total_; }
    double probability(std::size_t k) const noexcept {
        return static_cast<double>(weights_[k]) / static_cast<double>(total_);
    }

private:
    std::size_t n_;
    std::uint64_t total_;
    std::vector<std::uint8_t> counts_;     // size() * n, row-major
    std::vector<std::uint64_t> weights_;   // multinomial coefficients
};

}  // namespace pilotstat::resample
