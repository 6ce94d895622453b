#include "pilotstat/version.hpp"

namespace pilotstat {

std::string_view version() noexcept { return PILOTSTAT_VERSION; }

}  // namespace pilotstat
