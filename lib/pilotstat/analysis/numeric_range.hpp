// The valid range of a numeric option and the one check every numeric option
// goes through, whether it comes from the command line (cli/numeric_options)
// or from a key=value option in an expectations file (OptionReader): the same
// parse and the same message, "1.5 is out of range; valid: 0 < alpha <= 0.5".
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace pilotstat::analysis {

// A real range; an infinite bound is no bound. Open bounds exclude the bound.
struct RealRange {
    double low = -std::numeric_limits<double>::infinity();
    double high = std::numeric_limits<double>::infinity();
    bool low_open = false;
    bool high_open = false;
};

// A range of whole numbers written in decimal digits, both bounds included.
struct CountRange {
    std::uint64_t low = 0;
    std::uint64_t high = std::numeric_limits<std::uint64_t>::max();
};

// The condition as the messages and --help state it: "0 < alpha <= 0.5",
// "mcid > 0", "a finite number" (name is the option without dashes).
std::string describe_range(std::string_view name, const RealRange& range);
std::string describe_range(std::string_view name, const CountRange& range);

// The value of text when it is a finite number (or whole number) in range;
// otherwise nullopt and *error (when given) says why:
// "\"abc\" is not a number; valid: 0 < alpha <= 0.5".
std::optional<double> parse_in_range(std::string_view name, std::string_view text, const RealRange& range,
                                     std::string* error = nullptr);
std::optional<std::uint64_t> parse_in_range(std::string_view name, std::string_view text, const CountRange& range,
                                            std::string* error = nullptr);

}  // namespace pilotstat::analysis
