#include "pilotstat/data/decimal.hpp"
#include "pilotstat/io/text.hpp"

#include <charconv>
#include <cmath>

namespace pilotstat::data {

namespace {
std::string_view trim(std::string_view s) { return io::trim_blanks(s); }
}  // namespace

std::optional<Decimal> parse_decimal(std::string_view text) {
    text = trim(text);
    bool negative = false;
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    if (text.empty()) return std::nullopt;
    Decimal d;
    int digits = 0;
    bool seen_point = false, seen_digit = false;
    for (char c : text) {
        if (c == '.') {
            if (seen_point) return std::nullopt;
            seen_point = true;
        } else if (c >= '0' && c <= '9') {
            seen_digit = true;
            if (d.mantissa != 0 || c != '0') ++digits;
            if (digits > 18) return std::nullopt;
            d.mantissa = d.mantissa * 10 + (c - '0');
            if (seen_point) ++d.scale;
        } else {
            return std::nullopt;
        }
    }
    if (!seen_digit || d.scale > 18) return std::nullopt;
    if (negative) d.mantissa = -d.mantissa;
    return d;
}

std::optional<double> parse_finite(std::string_view text) {
    text = trim(text);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    if (text.empty()) return std::nullopt;
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
    if (value == 0.0) value = 0.0;  // "-0" reads as 0: a score has no sign of zero
    return value;
}

int written_decimals(std::string_view text) {
    text = trim(text);
    const auto point = text.find('.');
    if (point == std::string_view::npos) return 0;
    int k = 0;
    for (std::size_t i = point + 1; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) ++k;
    return k;
}

}  // namespace pilotstat::data
