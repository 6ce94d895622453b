// The interval reason of a non-significant row: what its headline interval
// (row_interval.hpp) is compatible with — no change and, where the
// instrument has a sourced MCID, a clinically important effect (ASA 2016
// principles 3 and 5; an interval that excludes the MCID is evidence against
// an important effect, Hoenig & Heisey 2001). Exactly one of:
//   INCONCLUSIVE      includes 0 and an MCID-sized effect
//   EXCLUDES_MCID     includes 0, excludes the MCID in the direction(s) considered
//   CI_SPANS          includes 0, no MCID is sourced
//   CI_EXCLUDES_ZERO  excludes 0 although the test is not significant: why (method, level, adjustment)
#pragma once

#include <optional>
#include <string>

#include "pilotstat/explain/knowledge.hpp"
#include "pilotstat/explain/reason.hpp"
#include "pilotstat/explain/row_interval.hpp"

namespace pilotstat::explain {

struct IntervalContext {
    std::string what;         // "mean change", "difference in mean change", "adjusted difference"
    std::string test;         // the primary test's name
    bool between = false;     // between arms: an important difference in either direction
    std::string arm_a, arm_b; // between: the arms, A - B
    double alpha = 0.05;
    double p_unadjusted = 1.0, p_verdict = 1.0;  // p_verdict > p_unadjusted: adjusted
    std::string adjustment;   // "Holm" (empty: none)
};

// nullopt for significant rows (`significant`) and rows without an interval.
std::optional<Reason> interval_reason(const std::optional<RowInterval>& ci, const IntervalContext& c,
                                      const MeasureKnowledge& k, bool significant);

}  // namespace pilotstat::explain
