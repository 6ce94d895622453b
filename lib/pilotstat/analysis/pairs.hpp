// Complete (from, to) pairs of one measure in one group: the input of every
// within-group change analysis and of change scores compared between groups.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "pilotstat/data/study.hpp"

namespace pilotstat::analysis {

// A group's subjects in order of subject id (byte order), not of first
// appearance: every analysis sees its sample in the same order whatever the
// order of the input rows, so floating-point sums (bootstrap, % changes, QR)
// and therefore every output byte are invariant to row order (issue 7).
std::vector<std::size_t> subjects_by_id(const data::Study& study, std::size_t group);

struct PairedSample {
    std::vector<std::size_t> subjects;  // study subject indices, in subjects_by_id order
    std::vector<double> from, to;
    std::vector<data::Rational> exact_from, exact_to;  // empty unless every score is exact
    std::vector<double> differences;                   // to - from, rounded once from the exact scores
    std::vector<data::Rational> exact_differences;     // to - from exactly; empty unless every score is exact
    std::size_t missing = 0;                           // group members lacking either score
};

PairedSample paired_sample(const data::Study& study, std::size_t measure, std::size_t group, std::size_t t_from,
                           std::size_t t_to);

// One score per subject at one time (for raw comparisons), with missing count.
struct SingleSample {
    std::vector<std::size_t> subjects;
    std::vector<double> values;
    std::vector<data::Rational> exact;
    std::size_t missing = 0;
};
SingleSample single_sample(const data::Study& study, std::size_t measure, std::size_t group, std::size_t t);

// to - from computed exactly from two exact scores and rounded once
// (nullopt if the exact difference does not fit in 64-bit terms).
std::optional<double> exact_difference(const data::Rational& from, const data::Rational& to);

}  // namespace pilotstat::analysis
