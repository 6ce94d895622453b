#include "pilotstat/resample/splits.hpp"

#include <cmath>
#include <string>

#include "pilotstat/error.hpp"

namespace pilotstat::resample {

double binomial_coefficient(int n, int k) {
    if (k < 0 || n < 0 || k > n) return 0.0;
    if (k > n - k) k = n - k;
    // C(n-k+i, i) for i = 1..k: every partial product is itself a binomial
    // coefficient, so the result is exact while it stays below 2^53.
    double r = 1.0;
    for (int i = 1; i <= k; ++i) r = r * static_cast<double>(n - k + i) / static_cast<double>(i);
    return r < 9.0e15 ? std::nearbyint(r) : r;
}

RevolvingDoor::RevolvingDoor(int n, int k)
    : n_(n), k_(k), c_(static_cast<std::size_t>(k > 0 ? k + 2 : 2), 0),
      in_a_(static_cast<std::size_t>(n > 0 ? n : 0), 0) {
    if (n < 0 || k < 0 || k > n)
        throw ComputeError("splits: need 0 <= k <= n (got n = " + std::to_string(n) +
                           ", k = " + std::to_string(k) + ")");
    // Algorithm R, step R1: c_j = j - 1, c_{k+1} = n.
    for (int j = 1; j <= k; ++j) c_[static_cast<std::size_t>(j)] = j - 1;
    c_[static_cast<std::size_t>(k + 1)] = n;
    for (int i = 0; i < k; ++i) in_a_[static_cast<std::size_t>(i)] = 1;
}

// Knuth's Algorithm R, steps R3-R5, for 1 < k < n. Each branch changes the
// subset by exactly one member out and one in; the comments give Knuth's
// invariants that make the swapped pair what it is.
bool RevolvingDoor::next_general(int& out, int& in) noexcept {
    auto c = [this](int j) -> int& { return c_[static_cast<std::size_t>(j)]; };
    int j = 2;
    bool try_decrease;  // R4 (true) or R5 (false)
    if (k_ % 2 == 1) {  // R3, t odd: move c_1 up if there is room
        if (c(1) + 1 < c(2)) return move(c(1), c(1) + 1, c(1), c(1) + 1, out, in);
        try_decrease = true;
    } else {  // R3, t even: move c_1 down if there is room
        if (c(1) > 0) return move(c(1), c(1) - 1, c(1), c(1) - 1, out, in);
        try_decrease = false;
    }
    for (;;) {
        if (try_decrease) {  // R4: here c_j = c_{j-1} + 1
            if (c(j) >= j) {
                const int leaving = c(j), joining = j - 2;
                c(j) = c(j - 1);
                return move(leaving, joining, c(j - 1), joining, out, in);
            }
            ++j;
        }
        // R5: here c_{j-1} = j - 2
        if (c(j) + 1 < c(j + 1)) {
            const int leaving = c(j - 1), joining = c(j) + 1;
            c(j - 1) = c(j);
            return move(leaving, joining, c(j), joining, out, in);
        }
        ++j;
        if (j > k_) return finish();
        try_decrease = true;
    }
}

}  // namespace pilotstat::resample
