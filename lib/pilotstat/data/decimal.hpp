// Scores read as exact decimals: "5.8571" is 58571 x 10^-4.
// Exact arithmetic over these is how sums, means and squared deviations
// reach full precision where summing doubles would not.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace pilotstat::data {

struct Decimal {
    std::int64_t mantissa = 0;
    int scale = 0;  // value = mantissa * 10^-scale, 0 <= scale <= 18
};

// Parses [+-]digits[.digits] (at most 18 significant digits) exactly;
// nullopt for anything else (exponents, hex, too many digits), which the
// caller then reads as a double.
std::optional<Decimal> parse_decimal(std::string_view text);

// Parses a finite number strictly (the whole text, optional surrounding
// spaces); nullopt if it is not a number or not finite.
std::optional<double> parse_finite(std::string_view text);

// Number of digits written after the decimal point ("5.8571" -> 4, "6" -> 0).
int written_decimals(std::string_view text);

}  // namespace pilotstat::data
