#include "pilotstat/analysis/option_values.hpp"

#include <charconv>

#include "pilotstat/data/decimal.hpp"
#include "pilotstat/error.hpp"

namespace pilotstat::analysis {

std::string OptionReader::text(const std::string& key, const std::string& fallback) const {
    auto it = options_.find(key);
    return it == options_.end() ? fallback : it->second;
}

double OptionReader::real(const std::string& key, double fallback, double min, double max) const {
    auto it = options_.find(key);
    if (it == options_.end()) return fallback;
    const auto v = data::parse_finite(it->second);
    if (!v || *v < min || *v > max)
        throw UsageError(key + " must be a number >= " + std::to_string(min) + " and <= " + std::to_string(max) +
                         " (\"" + it->second + "\")");
    return *v;
}

std::uint64_t OptionReader::count(const std::string& key, std::uint64_t fallback, std::uint64_t min,
                                  std::uint64_t max) const {
    auto it = options_.find(key);
    if (it == options_.end()) return fallback;
    std::uint64_t v = 0;
    const auto& s = it->second;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || v < min || v > max)
        throw UsageError(key + " must be a whole number >= " + std::to_string(min) + " and <= " +
                         std::to_string(max) + " (\"" + s + "\")");
    return v;
}

}  // namespace pilotstat::analysis
