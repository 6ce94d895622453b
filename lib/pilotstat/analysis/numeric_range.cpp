#include "pilotstat/analysis/numeric_range.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "pilotstat/data/decimal.hpp"

namespace pilotstat::analysis {

namespace {
// Bounds are printed as written in the source (0.9999, 1e-06 would be odd):
// %.15g gives the shortest form of every bound used.
std::string number(double x) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.15g", x);
    return buf;
}

template <class Range>
std::nullopt_t fail(std::string* error, const std::string& what, std::string_view name, const Range& range) {
    if (error) *error = what + "; valid: " + describe_range(name, range);
    return std::nullopt;
}
}  // namespace

std::string describe_range(std::string_view name, const RealRange& r) {
    const std::string n(name);
    const bool has_low = std::isfinite(r.low), has_high = std::isfinite(r.high);
    const std::string lo = r.low_open ? " < " : " <= ", hi = r.high_open ? " < " : " <= ";
    if (has_low && has_high) return number(r.low) + lo + n + hi + number(r.high);
    if (has_low) return n + (r.low_open ? " > " : " >= ") + number(r.low);
    if (has_high) return n + hi + number(r.high);
    return "a finite number";
}

std::string describe_range(std::string_view name, const CountRange& r) {
    return "a whole number " + std::to_string(r.low) + " <= " + std::string(name) + " <= " + std::to_string(r.high);
}

std::optional<double> parse_in_range(std::string_view name, std::string_view text, const RealRange& r,
                                     std::string* error) {
    const std::string shown(text);
    const auto v = data::parse_finite(text);
    if (!v) return fail(error, "\"" + shown + "\" is not a number", name, r);
    const bool above_low = r.low_open ? *v > r.low : *v >= r.low;
    const bool below_high = r.high_open ? *v < r.high : *v <= r.high;
    if (!above_low || !below_high) return fail(error, shown + " is out of range", name, r);
    return v;
}

std::optional<std::uint64_t> parse_in_range(std::string_view name, std::string_view text, const CountRange& r,
                                            std::string* error) {
    const std::string shown(text);
    std::uint64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec == std::errc() && end == text.data() + text.size()) {
        if (v < r.low || v > r.high) return fail(error, shown + " is out of range", name, r);
        return v;
    }
    if (ec == std::errc::result_out_of_range && end == text.data() + text.size())
        return fail(error, shown + " is out of range", name, r);
    // Not digits only: a number (negative, fractional, with an exponent) is out of
    // range or not whole; anything else is not a number at all.
    if (const auto real = data::parse_finite(text)) {
        const bool inside = *real >= static_cast<double>(r.low) && *real <= static_cast<double>(r.high);
        return fail(error, shown + (inside ? " is not a whole number" : " is out of range"), name, r);
    }
    return fail(error, "\"" + shown + "\" is not a number", name, r);
}

}  // namespace pilotstat::analysis
