// Confidence intervals by inverting the exact permutation tests over a shift
// delta, with every breakpoint of the p-value function found exactly.
//
// Two-sample (mean difference): the test of (A - delta) against B. For a split
// S of the pooled sample taking k of group A's subjects into the "A" half,
// the permuted statistic is linear in delta,
//     T_S(delta) = T_S(0) - c_S delta,  c_S = k / n_a - (n_a - k) / n_b,
// and the observed one is T_A(delta) = T_A(0) - delta (c = 1).
// Paired (mean change): the sign-flip test of d - delta. For a sign vector e,
//     T_e(delta) = sum_i e_i (d_i - delta) / n = T_e(0) - c_e delta,
//     c_e = sum_i e_i / n.
// Each arrangement's comparison with the observed statistic
// (|T_S| >= |T_A| two-sided, T_S >= T_A or T_S <= T_A one-sided) therefore
// changes only where two lines cross: at most two roots per arrangement, each
// a closed form. p(delta) is a step function whose steps are those roots; it
// is evaluated exactly at every root and on every open segment between roots,
// so the interval's ends are roots, not points of a grid (Lehmann 1975,
// ch. 1-2; Ernst 2004, section 3.3; Bauer 1972 for the rank version).
//
// The interval at confidence conf is the set of shifts the test does not
// reject at size alpha* (p(delta) > alpha*), alpha* being the largest p-value
// the design can attain (untied data) that is <= 1 - conf, so its coverage is
// at least 1 - alpha* (exactly that for continuous data): that is the
// achieved level. When no attainable p-value is <= 1 - conf (n = 5 pairs:
// the smallest two-sided p is 2/32 = 0.0625), alpha* is the smallest
// attainable p and the achieved level is below conf (0.9375 at n = 5).
//
// Providers: every arrangement when there are at most kMaxInversionArrangements
// of them (and no more than ExactOptions::max_enumeration); otherwise the
// observed arrangement plus B = ExactOptions::resamples random ones from
// Rng(seed), the same B for every delta, so that p(delta) = (k + 1) / (B + 1)
// is a valid Monte Carlo p-value at every delta and its breakpoints are again
// exact.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "pilotstat/core/exact_options.hpp"
#include "pilotstat/core/test_result.hpp"

namespace pilotstat::inference {

inline constexpr double kMaxInversionArrangements = 1.0e6;

// One breakpoint of p(delta): the p-value at the shift itself and on the open
// segment from it to the next breakpoint (the last one's extends to +inf).
struct PValueStep {
    double shift = 0.0;
    double p_at = 1.0;
    double p_above = 1.0;
};

// The p-value function of a shift test. `steps` are sorted by shift.
struct PValueFunction {
    double p_below = 0.0;  // p on (-inf, first breakpoint)
    std::vector<PValueStep> steps;
    core::Method method = core::Method::exact_enumeration;
    double arrangements = 0.0;    // C(N, n_a), 2^n, or B + 1 for Monte Carlo
    double resolution = 0.0;      // spacing of the attainable p-values for untied data
    core::Alternative alternative = core::Alternative::two_sided;
    core::TwoSidedRule two_sided_rule = core::TwoSidedRule::deviation;
    std::optional<std::uint64_t> seed;  // Monte Carlo only

    double p(double shift) const;  // p(delta) at any shift (uses the breakpoints, tolerance 0)
    // "exact-enumeration", "monte-carlo (B=..., seed=...)".
    std::string method_label() const;
};

// The interval of shifts not rejected. low/high are nullopt when that end is
// unbounded (one-sided alternatives) or when the interval is not estimable
// (then `estimable` is false and `reason` says why).
struct ShiftInterval {
    std::optional<double> low, high;
    double level = 0.0;        // achieved confidence 1 - alpha*
    double requested = 0.95;   // the conf asked for
    bool estimable = false;
    bool level_below_requested = false;  // conf unattainable: level is the highest attainable below it
    bool has_gaps = false;     // the non-rejected set is not one interval (its hull is given)
    std::string reason;        // why not estimable, empty otherwise
    core::Method method = core::Method::exact_enumeration;
    std::string method_label;  // "exact sign-flip inversion (exact-enumeration)", ...
};

// p(delta) of the exact permutation test of mean(A - delta) - mean(B).
// nullopt when a group is empty or a value is not finite.
std::optional<PValueFunction> two_sample_shift_pvalues(std::span<const double> a, std::span<const double> b,
                                                       const core::ExactOptions& options = {});

// p(delta) of the exact sign-flip test of mean(d - delta). nullopt when d is
// empty or a value is not finite.
std::optional<PValueFunction> sign_flip_shift_pvalues(std::span<const double> differences,
                                                      const core::ExactOptions& options = {});

// p(delta) of any permutation test whose statistic, for every arrangement, is
// linear in the shift: T(delta) = u - c delta (the ANCOVA adjusted difference
// with the treated arm's outcome shifted is one). lines.front() is the
// observed arrangement (c = 1); E T(delta) = centre_u - centre_c delta is the
// centre of the two-sided deviation rule. The caller states how the lines were
// obtained (method, arrangements, resolution, seed) and the scale of the data
// (tolerances are relative to it). Slopes within 1e-10 of +-1 count as equal
// to it; a crossing within the tie tolerance of 0 is put at 0. nullopt when
// lines is empty.
struct LinearLine {
    double u = 0.0, c = 0.0;
};
struct LinearShiftProblem {
    std::vector<LinearLine> lines;
    double centre_u = 0.0, centre_c = 0.0;
    core::Method method = core::Method::exact_enumeration;
    double arrangements = 0.0;
    double resolution = 0.0;
    std::optional<std::uint64_t> seed;
    double scale = 1.0;
};
std::optional<PValueFunction> linear_shift_pvalues(const LinearShiftProblem& problem,
                                                   const core::ExactOptions& options = {});

// The achieved size alpha* for confidence conf (see above).
double attained_size(const PValueFunction& f, double conf);

// Inverts p(delta) at confidence conf. `test_name` labels the method
// ("sign-flip", "permutation").
ShiftInterval invert(const PValueFunction& f, double conf, const std::string& test_name);

// Equivalence by two one-sided tests (TOST; Schuirmann 1987) at margin M:
// p_lower is the exact one-sided test of "shift <= -M" (alternative greater,
// at delta = -M), p_upper of "shift >= M" (alternative less, at delta = M);
// equivalence within +-M is shown at alpha when both are <= alpha. With the
// one-sided p-value functions monotone in delta, TOST rejects for every
// margin above min_margin = max(-L, U), L and U the ends of the one-sided
// 1 - alpha inversions. possible is false when the smallest one-sided p the
// design can attain (p_floor) exceeds alpha: then no margin can ever be
// shown with this many observations, and min_margin is empty.
struct TostResult {
    double margin = 0.0;
    double p_lower = 1.0, p_upper = 1.0, p = 1.0;  // p = max(p_lower, p_upper)
    bool equivalent = false;
    bool possible = false;
    double p_floor = 1.0;
    std::optional<double> min_margin;
};
TostResult tost(const PValueFunction& greater, const PValueFunction& less, double margin, double alpha);

}  // namespace pilotstat::inference
