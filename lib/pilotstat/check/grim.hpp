// Granularity tests for summary statistics published without raw data.
//
// Scores lie on a grid: integers (step 1), BPI severity quarter points
// (step 0.25), or the mean of K integer items (grid step/K). A mean of n such
// scores is then a multiple of grid/n, and an SD comes from an integer sum of
// squares. A published figure rounded to D decimals is consistent when some
// attainable value lies within 0.5*10^-D of it, ends included: an exact half
// passes under round-half-up, half-down and half-even alike (scrutiny's
// "up_or_down"), with an allowance of 1e-9 of the half-width plus 8 ulps.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace pilotstat::check {

// Reads a grid step: a positive decimal ("0.25") or fraction ("1/7");
// std::nullopt for anything else.
std::optional<double> parse_step(std::string_view text);

// True when |value - published| <= 0.5*10^-decimals (+ allowance).
bool rounds_to(double value, double published, int decimals);

struct GrimResult {
    bool consistent = false;
    double nearest_mean = 0;  // the attainable mean closest to the published one
    std::int64_t total = 0;   // its total in grid units (sum of scores / grid)
};

// GRIM (Brown & Heathers 2017, Soc Psychol Personal Sci 8:363): is `mean`,
// published to `decimals` decimals, the mean of n scores on a grid of
// `grid`? The closest attainable mean is round(mean*n/grid)*grid/n; the mean
// is consistent iff that rounds to the published value. Requires n >= 1,
// grid > 0.
GrimResult grim_test(double mean, int decimals, std::int64_t n, double grid);

enum class GrimmerVerdict { consistent, mean_impossible, no_sum_of_squares, wrong_parity };

struct GrimmerResult {
    GrimmerVerdict verdict = GrimmerVerdict::mean_impossible;
    std::optional<double> nearest_sd;  // attainable sample SD (n - 1) closest to the published one
};

// GRIMMER (Anaya 2016, PeerJ Preprints 4:e2400; analytic form of Allard 2018,
// as in R's scrutiny::grimmer): with y = score/grid integers, total T and sum
// of squares Q, the sample SD is grid*sqrt((Q - T^2/n)/(n - 1)). The SD is
// consistent iff, for some total T whose mean passes GRIM, an integer Q with
// (1) the published SD range, (2) Q = T (mod 2) (y^2 and y have the same
// parity) and (3) Q >= the smallest sum of squares of n integers totalling T
// gives an SD that rounds to the published one. Requires n >= 2.
GrimmerResult grimmer_test(double mean, int mean_decimals, double sd, int sd_decimals, std::int64_t n,
                           double grid);

// The same condition for one known total (in grid units: the sum of the scores divided by
// the grid): does some integer Q = T (mod 2), Q >= the smallest sum of squares for T, give
// an SD that rounds to `sd` at `sd_decimals`? Used when the mean is fixed by a sequence
// (mean_sequence.hpp). Requires n >= 2.
bool sd_attainable_for_total(std::int64_t total, std::int64_t n, double grid, double sd, int sd_decimals);

}  // namespace pilotstat::check
