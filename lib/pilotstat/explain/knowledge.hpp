// What the explanation of one measure needs beyond the row itself: the SD
// that turns SD units into points (the instrument's normative SD where the
// registry sources one, else the pooled baseline SD of the arms) and the
// sourced MCID in points. Each carries a name that says which it is, so the
// sentence can say so.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "pilotstat/data/instrument_norms.hpp"
#include "pilotstat/data/study.hpp"

namespace pilotstat::explain {

struct NamedValue {
    double value = 0.0;
    std::string name;  // "the BDI-II normative SD (Beck, Steer & Brown 1996 ...)"
};

struct MeasureKnowledge {
    std::optional<NamedValue> sd;    // for points <-> SD units
    std::optional<NamedValue> mcid;  // points of improvement; percent MCIDs converted at the baseline mean
    bool higher_is_worse = true;
};

// `from`: the baseline time whose pooled SD and mean are the fallbacks.
// Unknown norms leave sd to the pooled baseline SD and mcid empty.
MeasureKnowledge measure_knowledge(const data::Study& study, std::size_t measure, std::size_t from,
                                   const data::NormsRegistry& norms);

}  // namespace pilotstat::explain
