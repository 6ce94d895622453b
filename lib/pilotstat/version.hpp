// The library's version, the same string `pilotstat --version` prints.
#pragma once

#include <string_view>

namespace pilotstat {

// "MAJOR.MINOR.PATCH" of the installed library (e.g. "0.1.0").
std::string_view version() noexcept;

}  // namespace pilotstat
