// Standardized effect sizes for within-group change (paired designs).
// Sign convention: change is later minus earlier, so a fall in
// symptom scores is a negative effect.
#pragma once

#include <cstddef>
#include <optional>
#include <span>

#include "pilotstat/core/interval.hpp"

namespace pilotstat::effects {

struct PairedEffect {
    double estimate = 0.0;
    std::optional<core::Interval> ci;  // nullopt when the noncentral-t bounds cannot be found
    std::size_t n = 0;           // number of pairs
    double df = 0.0;             // n - 1
};

// Cohen's d_z = mean(d) / sd(d) on the paired differences d = to - from
// (Cohen 1988, §2.3.5; Lakens 2013, eq. 6 [1]); sd with n - 1. CI: the
// noncentral-t interval (Steiger & Fouladi 1997) of ncp for t = d_z sqrt(n),
// df = n - 1, divided by sqrt(n), as R's effectsize::cohens_d(paired = TRUE)
// (which finds the same roots by optim; ours are to ~1e-12).
// Returns nullopt for n < 2 or sd(d) = 0 (all differences equal: d_z is 0/0
// or infinite). Throws DataError for non-finite differences.
// [1] Lakens D. (2013). Calculating and reporting effect sizes to facilitate
//     cumulative science. Front. Psychol. 4:863.
std::optional<PairedEffect> cohens_dz(std::span<const double> differences, double conf = 0.95);

// Hedges' g_z = J(n - 1) d_z with the exact J(df) = Γ(df/2)/(sqrt(df/2) Γ((df-1)/2))
// (Hedges 1981); CI = J times the d_z interval, as effectsize::hedges_g(paired = TRUE).
// Same nullopt conditions as cohens_dz, and nullopt for n = 2 (J(1) = 0).
std::optional<PairedEffect> hedges_gz(std::span<const double> differences, double conf = 0.95);

// d_av = mean(to - from) / ((sd(from) + sd(to)) / 2) (Cumming 2012, §11;
// Lakens 2013, eq. 10): the change in units of the average of the two
// occasions' SDs, comparable with a between-subjects d. Point estimate only
// (no exact interval exists). Requires equal lengths (else DataError) and
// n >= 2; nullopt when both SDs are zero.
// Cumming G. (2012). Understanding the New Statistics. Routledge.
std::optional<double> d_av(std::span<const double> from, std::span<const double> to);

}  // namespace pilotstat::effects
