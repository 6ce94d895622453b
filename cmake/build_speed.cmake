# Precompiled headers: a cold build (a fresh clone, no ccache) spends most of
# its time parsing the same standard, Boost.Math, CLI11 and doctest headers in
# every file; a precompiled header parses them once per target. They change
# no generated code (the same headers, only parsed once), so outputs are
# byte-identical with and without. With ccache a warm cache is faster still,
# and ccache does not cache compiles that use a precompiled header, so they
# are off by default when ccache is the compiler launcher; the libFuzzer
# build (clang) keeps plain compiles too.
if(CMAKE_CXX_COMPILER_LAUNCHER MATCHES "ccache" OR PILOTSTAT_FUZZ)
  set(PILOTSTAT_PCH_DEFAULT OFF)
else()
  set(PILOTSTAT_PCH_DEFAULT ON)
endif()
option(PILOTSTAT_PCH "Precompile the heavy headers (faster cold builds)" ${PILOTSTAT_PCH_DEFAULT})

set(PILOTSTAT_PCH_STD <algorithm> <cmath> <cstdint> <limits> <map> <memory> <numeric> <optional> <span>
    <sstream> <string> <string_view> <vector>)

# pilotstat_add_pch(TARGET HEADER...): the standard headers and HEADER... .
function(pilotstat_add_pch target)
  if(PILOTSTAT_PCH)
    target_precompile_headers(${target} PRIVATE ${PILOTSTAT_PCH_STD} ${ARGN})
  endif()
endfunction()
