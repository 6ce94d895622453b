#include "pilotstat/null/tails.hpp"

#include <cmath>

namespace pilotstat::null {

double extreme_count(const TailCounts& c, core::Alternative alternative, core::TwoSidedRule rule, double total,
                     bool monte_carlo) {
    switch (alternative) {
        case core::Alternative::greater: return c.ge;
        case core::Alternative::less: return c.le;
        case core::Alternative::two_sided: break;
    }
    if (rule == core::TwoSidedRule::deviation) return c.dev;
    return std::min(total, 2.0 * std::min(c.le, c.ge) + (monte_carlo ? 1.0 : 0.0));
}

}  // namespace pilotstat::null
