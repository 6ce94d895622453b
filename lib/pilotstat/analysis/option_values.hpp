// Typed access to key=value options (from expectations files), with range
// checks that throw UsageError naming the key and the valid range
// ("alpha: 1.5 is out of range; valid: 0 < alpha <= 0.5").
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "pilotstat/analysis/numeric_range.hpp"

namespace pilotstat::analysis {

// Options as key=value text (from the command line or an expectations file).
using OptionMap = std::map<std::string, std::string>;

// Notes of one row joined for the `note` column: "a; b; c".
inline std::string join_notes(const std::vector<std::string>& notes) {
    std::string s;
    for (const auto& n : notes) s += (s.empty() ? "" : "; ") + n;
    return s;
}

class OptionReader {
public:
    explicit OptionReader(const std::map<std::string, std::string>& options) : options_(options) {}
    bool has(const std::string& key) const { return options_.count(key) > 0; }
    std::string text(const std::string& key, const std::string& fallback) const;
    double real(const std::string& key, double fallback, const RealRange& range) const;
    std::uint64_t count(const std::string& key, std::uint64_t fallback, const CountRange& range) const;

private:
    const std::map<std::string, std::string>& options_;
};

}  // namespace pilotstat::analysis
