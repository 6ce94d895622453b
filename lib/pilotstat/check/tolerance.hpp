// Expected values and tolerances of expectations files (docs/check.md,
// "Tolerances"), and the one rule that compares a computed value with them.
//
// Every tolerance turns the expected value into an acceptance interval; a
// computed value (or, for p-value consistency, a computed range) passes when
// it meets that interval:
//   abs:X       [e - X, e + X]
//   rel:X%      [e - X/100*|e|, e + X/100*|e|]
//   decimals:K  [e - h, e + h], h = 0.5*10^-K: the computed value rounds to e
//               (both ends included, so an exact half passes whichever way
//               the publication rounded it)
//   p:K         as decimals:K for a p-value written as a number; a bound
//               (<B, <=B, >B, >=B) accepts the values below/above B
//   exact       [e, e]: equal as doubles (e read to the nearest double)
// All but exact widen the interval by a binary-representation allowance of
// 1e-9 of its half-width plus 8 ulps of |e| (so 1.235 - 1.23, which is
// 0.0050000000000001 in doubles, still passes decimals:2).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pilotstat::check {

enum class ToleranceKind { absolute, relative, decimals, pvalue, exact };

struct Tolerance {
    ToleranceKind kind = ToleranceKind::exact;
    double amount = 0;  // X of abs:X, X of rel:X% (in percent)
    int decimals = 0;   // K of decimals:K and p:K
    std::string text;   // as written
};

// Parses "abs:X", "rel:X%", "decimals:K", "p:K" or "exact" (X >= 0 finite,
// 0 <= K <= 15); std::nullopt for anything else.
std::optional<Tolerance> parse_tolerance(std::string_view text);

enum class Bound { none, below, at_most, above, at_least };

struct Expected {
    double value = 0;
    Bound bound = Bound::none;  // "<0.05" is {0.05, below}
    int decimals = 0;           // decimals written after the point
    std::string text;           // as written
};

// Parses a strict finite number, or with allow_bound a bound "<B", "<=B",
// ">B", ">=B"; std::nullopt for anything else.
std::optional<Expected> parse_expected(std::string_view text, bool allow_bound);

// The acceptance interval of an expected value under a tolerance, with its
// allowance; open ends only for strict bounds.
struct Acceptance {
    double low = 0, high = 0;
    bool low_open = false, high_open = false;
};
Acceptance acceptance(const Expected& expected, const Tolerance& tolerance);

// True when [computed_low, computed_high] meets the acceptance interval.
bool accepts(const Acceptance& a, double computed_low, double computed_high);

}  // namespace pilotstat::check
