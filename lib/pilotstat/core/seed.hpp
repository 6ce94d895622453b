// The seed every seeded method uses unless --seed says otherwise: one
// constant, so that the same input gives the same output everywhere.
#pragma once

#include <cstdint>

namespace pilotstat::core {

inline constexpr std::uint64_t kDefaultSeed = 20230401;

}  // namespace pilotstat::core
