// Can ONE sequence of means reproduce several published figures at once — the
// percent changes between times and any means — each at its published precision?
// (GRIM reasoning, Brown & Heathers 2017, applied jointly; docs/check.md, "Sequences of means").
//
// Grid mode: the mean at time i is a multiple of grid/n_i inside [min, max]; every
// sequence is enumerated (depth first, each figure checked as soon as its times are set).
// An SD at a time is checked with GRIMMER's rule for the total that time's mean fixes
// (grim.hpp, sd_attainable_for_total): an SD is only meaningful against a known mean, so
// SDs need grid mode.
// Arithmetic mode (no grid): means are any positive reals; a percent change P to K
// decimals bounds the ratio m_b/m_a to [1 + (P - h)/100, 1 + (P + h)/100], h = 0.5*10^-K,
// and the figures are jointly possible iff the difference constraints on log means have
// no negative cycle (Bellman-Ford/Floyd-Warshall).
// Rounding as in grim.hpp: a value fits a figure when within h of it, ends included.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pilotstat/check/pct_change.hpp"

namespace pilotstat::check {

struct SequenceFigure {
    enum class Kind { pct, mean, sd } kind = Kind::pct;
    std::size_t from = 0, to = 0;  // time indices (a mean or an SD uses `from` only)
    Published value;
    std::string text;  // as written in the row, e.g. "T1:T2:-32.81"
};

struct SequenceQuery {
    std::vector<std::string> times;
    std::vector<std::int64_t> n;      // per time (grid mode)
    std::optional<double> grid;       // none: arithmetic mode
    double min = 0, max = 0;          // range of a mean (grid mode)
    std::vector<SequenceFigure> figures;
};

struct SequenceResult {
    bool consistent = false;
    std::vector<double> means;                          // a sequence reproducing every figure (when consistent)
    std::uint64_t sequences = 0;                        // grid mode: how many do (counted up to 10^6)
    std::vector<std::vector<std::size_t>> conflicts;    // when not: every smallest jointly impossible set (figure indices)
};

// Throws std::invalid_argument for more than 12 figures, an SD in arithmetic mode or with
// n < 2 at its time, a grid with more than 10^5 means
// at one time, or more than 10^8 enumeration steps.
SequenceResult mean_sequence_test(const SequenceQuery& query);

}  // namespace pilotstat::check
