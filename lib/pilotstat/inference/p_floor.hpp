// The design p-floors moved to null/p_floor.hpp; this header keeps the old
// names for callers outside the engine's folders until they include the new
// one.
#pragma once

#include "pilotstat/null/p_floor.hpp"

namespace pilotstat::inference {
using null::design_floor_paired;
using null::design_floor_permutation;
using null::design_floor_two_sample;
}  // namespace pilotstat::inference
