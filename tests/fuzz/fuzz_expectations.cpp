// libFuzzer target 2: the expectations-file parser (check::parse_expectations)
// on arbitrary bytes. A DataError/UsageError is the expected answer to bad
// input; a crash, sanitizer report or any other exception is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pilotstat/check/expectations.hpp"
#include "pilotstat/error.hpp"

namespace ps = pilotstat;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto rows = ps::check::parse_expectations("fuzz.expect.csv", text);
        for (const auto& r : rows)
            if (r.id.empty()) __builtin_trap();  // documented: an empty id is an error
    } catch (const ps::DataError&) {
    } catch (const ps::UsageError&) {
    }
    return 0;
}
