#include "pilotstat/bootstrap/bootstrap_distribution.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>

#include "pilotstat/error.hpp"
#include "pilotstat/resample/multisets.hpp"
#include "pilotstat/resample/rng.hpp"

namespace pilotstat::bootstrap {

using resample::MultisetTable;

namespace {

using Entries = std::vector<std::pair<double, std::uint64_t>>;

void validate(std::span<const double> x, const char* what) {
    if (x.empty()) throw UsageError(std::string("bootstrap: ") + what + " has no observations");
    for (double v : x)
        if (!std::isfinite(v)) throw DataError(std::string("bootstrap: ") + what + " has a non-finite value");
}

void validate_resamples(std::uint64_t resamples) {
    if (resamples == 0) throw UsageError("bootstrap: the number of resamples must be >= 1");
}

// Sort key of a double whose unsigned order is the numeric order (no NaN,
// no -0.0: callers check).
std::uint64_t order_key(double v) noexcept {
    const auto bits = std::bit_cast<std::uint64_t>(v);
    return (bits >> 63) ? ~bits : bits | (std::uint64_t{1} << 63);
}

// Puts the entries in exactly the order std::sort gives them (ascending value,
// ties by weight; entries equal in both are indistinguishable), in linear
// time: a stable LSD radix sort on (value key, weight) with 8-bit digits,
// weight digits first, skipping digits that every entry shares. Falls back to
// std::sort for small inputs and for NaN or -0.0, whose std::sort order the
// radix key would not reproduce.
void sort_entries(Entries& entries) {
    const std::size_t n = entries.size();
    bool plain = n >= 512 && n < (std::size_t{1} << 32);
    for (std::size_t i = 0; plain && i < n; ++i) {
        const double v = entries[i].first;
        plain = !std::isnan(v) && !(v == 0.0 && std::signbit(v));
    }
    if (!plain) {
        std::sort(entries.begin(), entries.end());
        return;
    }
    struct Item {
        std::uint64_t digits[2];  // weight, value key: least significant first
        std::uint32_t index;
    };
    std::vector<Item> items(n), buffer(n);
    std::vector<std::uint32_t> count(16 * 256, 0);
    for (std::size_t i = 0; i < n; ++i) {
        items[i] = {{entries[i].second, order_key(entries[i].first)}, static_cast<std::uint32_t>(i)};
        for (int d = 0; d < 16; ++d) ++count[d * 256 + ((items[i].digits[d / 8] >> (8 * (d % 8))) & 0xff)];
    }
    for (int d = 0; d < 16; ++d) {
        std::uint32_t* c = count.data() + d * 256;
        if (std::find(c, c + 256, static_cast<std::uint32_t>(n)) != c + 256) continue;  // digit shared by all
        std::uint32_t pos = 0;
        for (int b = 0; b < 256; ++b) pos += std::exchange(c[b], pos);
        const int word = d / 8, shift = 8 * (d % 8);
        for (const auto& it : items) buffer[c[(it.digits[word] >> shift) & 0xff]++] = it;
        items.swap(buffer);
    }
    Entries sorted(n);
    for (std::size_t i = 0; i < n; ++i) sorted[i] = entries[items[i].index];
    entries.swap(sorted);
}

// Sorts by value (ties by weight, so the order is fully determined) and
// splits into the record's parallel arrays.
BootstrapDistribution finish(Entries entries, std::uint64_t total) {
    sort_entries(entries);
    BootstrapDistribution d;
    d.values.reserve(entries.size());
    d.weights.reserve(entries.size());
    for (const auto& [v, w] : entries) {
        d.values.push_back(v);
        d.weights.push_back(w);
    }
    d.total = total;
    return d;
}

void mark_exact(BootstrapDistribution& d, std::size_t rows_a, std::size_t rows_b) {
    d.exact = true;
    d.resamples = rows_b == 0 ? rows_a : static_cast<std::uint64_t>(rows_a) * rows_b;
    d.label = exact_label(rows_a, rows_b);
}

void mark_monte_carlo(BootstrapDistribution& d, std::uint64_t resamples, std::uint64_t seed) {
    d.exact = false;
    d.resamples = resamples;
    d.seed = seed;
    d.label = "monte-carlo (B=" + std::to_string(resamples) + ", seed=" + std::to_string(seed) + ")";
}

// x_i repeated c_i times, in the order of x, written into `out` (size n).
void materialize(std::span<const double> x, std::span<const std::uint8_t> counts, std::vector<double>& out) {
    std::size_t pos = 0;
    for (std::size_t i = 0; i < x.size(); ++i)
        for (std::uint8_t c = 0; c < counts[i]; ++c) out[pos++] = x[i];
}

// The n indices of one resample of n observations: blocks of k indices, each
// block the base-n digits of one draw rng.below(n^k) (resample::DigitDraw),
// k = DigitDraw::block_size(n, n); a last, shorter block takes the remainder.
// n = 5: one draw below 3125 per resample. Exactly uniform over the n^n
// ordered resamples.
class ResampleIndices {
public:
    explicit ResampleIndices(std::uint64_t n)
        : full_(n, resample::DigitDraw::block_size(n, static_cast<unsigned>(std::min<std::uint64_t>(n, 64)))),
          rest_(n, static_cast<unsigned>(n % full_.k() == 0 ? 1 : n % full_.k())),
          blocks_(n / full_.k()),
          has_rest_(n % full_.k() != 0),
          n_(n) {}

    std::uint64_t size() const noexcept { return n_; }
    // The one DigitDraw that draws a whole resample (n <= 12), or nullptr.
    const resample::DigitDraw* single_block() const noexcept {
        return blocks_ == 1 && !has_rest_ ? &full_ : nullptr;
    }

    // Writes the n indices to out[0..n).
    void draw(resample::Rng& rng, std::uint64_t* out) const noexcept {
        for (std::uint64_t b = 0; b < blocks_; ++b) full_.draw(rng, out + b * full_.k());
        if (has_rest_) rest_.draw(rng, out + blocks_ * full_.k());
    }

    // 0 + term(i_1) + ... + term(i_n), added in index order, over the n
    // indices of one resample (the same draws as draw()).
    template <class T, class Term>
    T accumulate(resample::Rng& rng, const Term& term) const noexcept {
        T sum{};
        for (std::uint64_t b = 0; b < blocks_; ++b) sum = full_.accumulate(rng, sum, term);
        if (has_rest_) sum = rest_.accumulate(rng, sum, term);
        return sum;
    }

private:
    resample::DigitDraw full_, rest_;
    std::uint64_t blocks_;
    bool has_rest_;
    std::uint64_t n_;
};

void draw(resample::Rng& rng, const ResampleIndices& indices, std::vector<std::uint64_t>& scratch,
          std::span<const double> x, std::vector<double>& out) {
    indices.draw(rng, scratch.data());
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = x[scratch[i]];
}

// Values that are integers k_i times one power of two 2^-e, with n max|k_i|
// below 2^53: every partial sum of such doubles is exact, whatever the order,
// so a resample's double sum equals k-sum x 2^-e exactly.
struct BinaryUnits {
    std::vector<std::int64_t> k;
    int exponent = 0;      // e
    std::int64_t low = 0;  // min k_i
    std::int64_t range = 0;  // n (max k - min k) + 1 possible sums
};

std::optional<BinaryUnits> binary_units(std::span<const double> x, std::uint64_t resamples) {
    constexpr double kExactLimit = 9007199254740992.0;  // 2^53
    BinaryUnits u;
    for (double v : x) {
        int e = 0;
        while (e <= 60 && std::ldexp(v, e) != std::nearbyint(std::ldexp(v, e))) ++e;
        if (e > 60) return std::nullopt;
        u.exponent = std::max(u.exponent, e);
    }
    const auto n = static_cast<double>(x.size());
    for (double v : x) {
        const double k = std::ldexp(v, u.exponent);
        if (!(std::fabs(k) * n < kExactLimit)) return std::nullopt;
        u.k.push_back(static_cast<std::int64_t>(k));
    }
    const auto [lo, hi] = std::minmax_element(u.k.begin(), u.k.end());
    u.low = *lo;
    // The histogram must stay small next to the resamples it replaces.
    const double bins = n * static_cast<double>(*hi - *lo) + 1.0;
    if (bins > std::max(8.0 * static_cast<double>(resamples), 65536.0) || bins > 16777216.0) return std::nullopt;
    u.range = static_cast<std::int64_t>(bins);
    return u;
}

// The hot loop of histogram_means when one draw makes a whole resample
// (n <= 12): DigitDraw::accumulate written out, so that the generator's state,
// the digit chain and the loop counter all stay in registers.
[[gnu::noinline]] void tally_single_block(const resample::DigitDraw& block, const std::int64_t* k,
                                          std::uint64_t* tally, std::uint64_t resamples, resample::Rng& rng) {
    const std::uint64_t n = block.n(), threshold = block.threshold();
    const unsigned digits = block.k();
    resample::Rng local = rng;
    for (std::uint64_t b = 0; b < resamples; ++b) {
        std::int64_t sum;
        for (;;) {
            std::uint64_t low = local.next();
            sum = 0;
            for (unsigned j = 0; j < digits; ++j) {
                const resample::uint128 m = static_cast<resample::uint128>(low) * n;
                sum += k[static_cast<std::uint64_t>(m >> 64)];
                low = static_cast<std::uint64_t>(m);
            }
            if (low >= threshold) break;
        }
        ++tally[sum];
    }
    rng = local;
}

// Monte Carlo bootstrap of the mean over binary units: the same draws as the
// general loop (ResampleIndices, in order), the integer sum of each resample
// tallied in a histogram, and the values laid out in ascending order from it
// -- the record the general loop and its sort would produce, bit for bit
// (value = (K 2^-e) / n, each weight 1), in O(B + range).
BootstrapDistribution histogram_means(const BinaryUnits& u, std::uint64_t n, std::uint64_t resamples,
                                      resample::Rng& rng) {
    std::vector<std::uint64_t> hist(static_cast<std::size_t>(u.range), 0);
    std::vector<std::int64_t> shifted(u.k.size());
    for (std::size_t i = 0; i < u.k.size(); ++i) shifted[i] = u.k[i] - u.low;
    const std::int64_t* k = shifted.data();
    std::uint64_t* tally = hist.data();
    const ResampleIndices indices(n);
    if (const auto* block = indices.single_block()) {
        tally_single_block(*block, k, tally, resamples, rng);
    } else {
        const auto term = [k](std::uint64_t i) { return k[i]; };
        resample::Rng local = rng;  // a local copy stays in registers: the tally stores cannot alias it
        for (std::uint64_t b = 0; b < resamples; ++b) ++tally[indices.accumulate<std::int64_t>(local, term)];
        rng = local;
    }
    BootstrapDistribution d;
    d.values.reserve(resamples);
    const auto base = static_cast<std::int64_t>(n) * u.low;
    for (std::size_t t = 0; t < hist.size(); ++t) {
        if (hist[t] == 0) continue;
        const double s = std::ldexp(static_cast<double>(base + static_cast<std::int64_t>(t)), -u.exponent);
        d.values.insert(d.values.end(), hist[t], s / static_cast<double>(n));
    }
    d.weights.assign(resamples, 1);
    d.total = resamples;
    return d;
}

}  // namespace

std::string exact_label(std::size_t rows_a, std::size_t rows_b) {
    if (rows_b == 0) return "exact enumeration (" + std::to_string(rows_a) + " multisets)";
    return "exact enumeration (" + std::to_string(rows_a) + " x " + std::to_string(rows_b) + " = " +
           std::to_string(static_cast<std::uint64_t>(rows_a) * rows_b) + " multiset pairs)";
}

std::vector<double> multiset_means(std::span<const double> x, const MultisetTable& t) {
    std::vector<double> means(t.size());
    const auto n = static_cast<double>(x.size());
    for (std::size_t k = 0; k < t.size(); ++k) {
        const auto c = t.counts(k);
        double s = 0.0;
        for (std::size_t i = 0; i < x.size(); ++i) s += c[i] * x[i];
        means[k] = s / n;
    }
    return means;
}

BootstrapDistribution exact_from_tally(std::vector<double> values, std::vector<std::uint64_t> weights,
                                       std::uint64_t total, std::size_t rows_a, std::size_t rows_b) {
    BootstrapDistribution d;
    d.values = std::move(values);
    d.weights = std::move(weights);
    d.total = total;
    mark_exact(d, rows_a, rows_b);
    return d;
}

bool exact_feasible(std::size_t n, double max_exact) noexcept {
    return n > 0 && resample::ordered_resample_count(n) != 0 && resample::multiset_count(n) <= max_exact;
}

bool exact_feasible(std::size_t n_a, std::size_t n_b, double max_exact) noexcept {
    const auto ta = resample::ordered_resample_count(n_a);
    const auto tb = resample::ordered_resample_count(n_b);
    if (ta == 0 || tb == 0 || ta > std::numeric_limits<std::uint64_t>::max() / tb) return false;
    return resample::multiset_count(n_a) * resample::multiset_count(n_b) <= max_exact;
}

BootstrapDistribution exact_mean(std::span<const double> x) {
    validate(x, "sample");
    const MultisetTable t(x.size());
    const auto means = multiset_means(x, t);
    Entries e(t.size());
    for (std::size_t k = 0; k < t.size(); ++k) e[k] = {means[k], t.weight(k)};
    auto d = finish(std::move(e), t.total());
    mark_exact(d, t.size(), 0);
    return d;
}

BootstrapDistribution exact_one_sample(std::span<const double> x, const OneSampleStatistic& stat) {
    validate(x, "sample");
    const MultisetTable t(x.size());
    std::vector<double> buffer(x.size());
    Entries e(t.size());
    for (std::size_t k = 0; k < t.size(); ++k) {
        materialize(x, t.counts(k), buffer);
        e[k] = {stat(buffer), t.weight(k)};
    }
    auto d = finish(std::move(e), t.total());
    mark_exact(d, t.size(), 0);
    return d;
}

BootstrapDistribution exact_mean_difference(std::span<const double> a, std::span<const double> b) {
    validate(a, "first sample");
    validate(b, "second sample");
    if (!exact_feasible(a.size(), b.size(), std::numeric_limits<double>::infinity()))
        throw UsageError("bootstrap: two-sample enumeration is too large for these sample sizes");
    const MultisetTable ta(a.size()), tb(b.size());
    const auto ma = multiset_means(a, ta), mb = multiset_means(b, tb);
    Entries e;
    e.reserve(ta.size() * tb.size());
    for (std::size_t k = 0; k < ta.size(); ++k)
        for (std::size_t l = 0; l < tb.size(); ++l) e.emplace_back(ma[k] - mb[l], ta.weight(k) * tb.weight(l));
    auto d = finish(std::move(e), ta.total() * tb.total());
    mark_exact(d, ta.size(), tb.size());
    return d;
}

BootstrapDistribution exact_two_sample(std::span<const double> a, std::span<const double> b,
                                       const TwoSampleStatistic& stat) {
    validate(a, "first sample");
    validate(b, "second sample");
    if (!exact_feasible(a.size(), b.size(), std::numeric_limits<double>::infinity()))
        throw UsageError("bootstrap: two-sample enumeration is too large for these sample sizes");
    const MultisetTable ta(a.size()), tb(b.size());
    std::vector<double> ra(a.size()), rb(b.size());
    Entries e;
    e.reserve(ta.size() * tb.size());
    for (std::size_t k = 0; k < ta.size(); ++k) {
        materialize(a, ta.counts(k), ra);
        for (std::size_t l = 0; l < tb.size(); ++l) {
            materialize(b, tb.counts(l), rb);
            e.emplace_back(stat(ra, rb), ta.weight(k) * tb.weight(l));
        }
    }
    auto d = finish(std::move(e), ta.total() * tb.total());
    mark_exact(d, ta.size(), tb.size());
    return d;
}

BootstrapDistribution monte_carlo_mean(std::span<const double> x, std::uint64_t resamples,
                                       std::uint64_t seed) {
    validate(x, "sample");
    validate_resamples(resamples);
    resample::Rng rng(seed);
    const std::uint64_t n = x.size();
    BootstrapDistribution d;
    if (const auto units = binary_units(x, resamples)) {
        d = histogram_means(*units, n, resamples, rng);
    } else {
        const double* data = x.data();
        const ResampleIndices indices(n);
        const auto term = [data](std::uint64_t i) { return data[i]; };
        Entries e(resamples);
        resample::Rng local = rng;
        for (auto& entry : e) entry = {indices.accumulate<double>(local, term) / static_cast<double>(n), 1};
        d = finish(std::move(e), resamples);
    }
    mark_monte_carlo(d, resamples, seed);
    return d;
}

BootstrapDistribution monte_carlo_one_sample(std::span<const double> x, const OneSampleStatistic& stat,
                                             std::uint64_t resamples, std::uint64_t seed) {
    validate(x, "sample");
    validate_resamples(resamples);
    resample::Rng rng(seed);
    std::vector<double> buffer(x.size());
    const ResampleIndices indices(x.size());
    std::vector<std::uint64_t> scratch(x.size());
    Entries e(resamples);
    for (auto& entry : e) {
        draw(rng, indices, scratch, x, buffer);
        entry = {stat(buffer), 1};
    }
    auto d = finish(std::move(e), resamples);
    mark_monte_carlo(d, resamples, seed);
    return d;
}

BootstrapDistribution monte_carlo_mean_difference(std::span<const double> a, std::span<const double> b,
                                                  std::uint64_t resamples, std::uint64_t seed) {
    const auto mean = [](std::span<const double> r) {
        double s = 0.0;
        for (double v : r) s += v;
        return s / static_cast<double>(r.size());
    };
    return monte_carlo_two_sample(
        a, b, [&](std::span<const double> ra, std::span<const double> rb) { return mean(ra) - mean(rb); },
        resamples, seed);
}

BootstrapDistribution monte_carlo_two_sample(std::span<const double> a, std::span<const double> b,
                                             const TwoSampleStatistic& stat, std::uint64_t resamples,
                                             std::uint64_t seed) {
    validate(a, "first sample");
    validate(b, "second sample");
    validate_resamples(resamples);
    resample::Rng rng(seed);
    std::vector<double> ra(a.size()), rb(b.size());
    const ResampleIndices ia(a.size()), ib(b.size());
    std::vector<std::uint64_t> scratch(std::max(a.size(), b.size()));
    Entries e(resamples);
    for (auto& entry : e) {
        draw(rng, ia, scratch, a, ra);
        draw(rng, ib, scratch, b, rb);
        entry = {stat(ra, rb), 1};
    }
    auto d = finish(std::move(e), resamples);
    mark_monte_carlo(d, resamples, seed);
    return d;
}

}  // namespace pilotstat::bootstrap
