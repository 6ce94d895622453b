#include "pilotstat/analysis/option_values.hpp"

#include "pilotstat/error.hpp"

namespace pilotstat::analysis {

std::string OptionReader::text(const std::string& key, const std::string& fallback) const {
    auto it = options_.find(key);
    return it == options_.end() ? fallback : it->second;
}

double OptionReader::real(const std::string& key, double fallback, const RealRange& range) const {
    auto it = options_.find(key);
    if (it == options_.end()) return fallback;
    std::string error;
    if (const auto v = parse_in_range(key, it->second, range, &error)) return *v;
    throw UsageError(key + ": " + error);
}

std::uint64_t OptionReader::count(const std::string& key, std::uint64_t fallback, const CountRange& range) const {
    auto it = options_.find(key);
    if (it == options_.end()) return fallback;
    std::string error;
    if (const auto v = parse_in_range(key, it->second, range, &error)) return *v;
    throw UsageError(key + ": " + error);
}

}  // namespace pilotstat::analysis
