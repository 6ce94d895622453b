// Enumeration of two-sample splits: every k-subset of {0, ..., n-1} (the
// members of group A), in revolving-door order, so that consecutive subsets
// differ by one member leaving and one joining. A statistic that is a sum over
// group A is then updated in O(1) per split (Nijenhuis & Wilf 1978, ch. 3;
// Knuth, TAOCP 4A, 7.2.1.3 Algorithm R) [1, 2].
//
// Three ways in, from the most general to the fastest:
//   for_each_split(n, k, f)        f(const std::vector<int>& in_a)      0/1 membership
//   for_each_swap(n, k, f)         f(in_a, out, in)  (out = in = -1 on the first subset)
//   for_each_subset_sum(v, k, s0, f)  f(sum of v over group A), O(1) per split
//
// [1] A. Nijenhuis, H. S. Wilf. Combinatorial Algorithms, 2nd ed. Academic
//     Press, 1978.
// [2] D. E. Knuth. The Art of Computer Programming 4A, Addison-Wesley 2011,
//     §7.2.1.3, Algorithm R (revolving-door combinations).
#pragma once

#include <cstdint>
#include <span>
#include <type_traits>
#include <vector>

namespace pilotstat::resample {

// C(n, k) as a double (0 when k < 0 or k > n). Exact while C(n, k) < 2^53.
double binomial_coefficient(int n, int k);

// Generator of the C(n, k) k-subsets of {0..n-1} in revolving-door order.
// The first subset is {0, ..., k-1}. Requires 0 <= k <= n (else ComputeError).
class RevolvingDoor {
public:
    RevolvingDoor(int n, int k);

    // Membership of the current subset: in_a()[i] == 1 when i is in group A.
    const std::vector<int>& in_a() const noexcept { return in_a_; }
    int n() const noexcept { return n_; }
    int k() const noexcept { return k_; }

    // Moves to the next subset. Returns false (state unchanged) once every
    // subset has been visited; otherwise sets `out` (the member that left
    // group A) and `in` (the one that joined).
    bool next(int& out, int& in) noexcept {
        if (done_) return false;
        if (k_ == 1 && c_[1] + 1 < n_) return move(c_[1], c_[1] + 1, c_[1], c_[1] + 1, out, in);
        if (k_ < 2 || k_ >= n_) return finish();
        return next_general(out, in);
    }

private:
    bool next_general(int& out, int& in) noexcept;
    bool finish() noexcept {
        done_ = true;
        return false;
    }
    bool move(int leaving, int joining, int& slot_a, int value_a, int& out, int& in) noexcept {
        slot_a = value_a;
        in_a_[static_cast<std::size_t>(leaving)] = 0;
        in_a_[static_cast<std::size_t>(joining)] = 1;
        out = leaving;
        in = joining;
        return true;
    }
    int n_, k_;
    std::vector<int> c_;     // Knuth's c_1 < ... < c_k, 1-based, c_{k+1} = n
    std::vector<int> in_a_;  // 0/1 membership
    bool done_ = false;
};

// Calls f(in_a) for each of the C(n, k) subsets.
template <class F>
void for_each_split(int n, int k, F&& f) {
    RevolvingDoor door(n, k);
    f(door.in_a());
    int out = 0, in = 0;
    while (door.next(out, in)) f(door.in_a());
}

// Calls f(in_a, out, in) for each subset; the first call has out = in = -1.
template <class F>
void for_each_swap(int n, int k, F&& f) {
    RevolvingDoor door(n, k);
    f(door.in_a(), -1, -1);
    int out = 0, in = 0;
    while (door.next(out, in)) f(door.in_a(), out, in);
}

// Calls f(sum) with the sum of `values` over group A, for each of the
// C(n, k) subsets, updating the sum in O(1) per subset. T is an integer type
// (exact) or a floating type; for floating T the running sum is recomputed
// from scratch every 4096 subsets so that rounding drift stays at the level
// of one summation.
template <class T, class F>
void for_each_subset_sum(std::span<const T> values, int k, F&& f) {
    RevolvingDoor door(static_cast<int>(values.size()), k);
    T sum{};
    for (int i = 0; i < k; ++i) sum += values[static_cast<std::size_t>(i)];
    f(sum);
    int out = 0, in = 0;
    [[maybe_unused]] unsigned since_resync = 0;
    while (door.next(out, in)) {
        sum += values[static_cast<std::size_t>(in)] - values[static_cast<std::size_t>(out)];
        if constexpr (!std::is_integral_v<T>) {
            if (++since_resync == 4096) {
                since_resync = 0;
                sum = T{};
                for (std::size_t i = 0; i < values.size(); ++i)
                    if (door.in_a()[i]) sum += values[i];
            }
        }
        f(sum);
    }
}

}  // namespace pilotstat::resample
