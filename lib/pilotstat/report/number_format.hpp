// The two ways numbers are printed (CONVENTIONS "Output"): machine formats
// use the shortest text that reads back to the same double; human formats
// round once, here, to --digits decimals.
#pragma once

#include <string>

namespace pilotstat::report {

// Shortest round-trip representation (std::to_chars), e.g. 0.1, -21.875, 1e-05.
std::string shortest(double value);

// Fixed `digits` decimals with trailing zeros removed ("23.4", "5", "-0.0625").
// Negative zero after rounding prints as "0".
std::string rounded(double value, int digits);

// The one human p-value format, for tables and sentences alike: "< 0.0001"
// below 10^-digits, one more decimal just above it ("0.00079" at 4 digits),
// else rounded() to `digits` decimals.
std::string rounded_p(double p, int digits);

}  // namespace pilotstat::report
