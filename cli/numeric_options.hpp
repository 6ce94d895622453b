// Numeric options, typed and checked one way in every subcommand: the value
// must be a number (a whole number for counts) inside the option's range
// from pilotstat/analysis/option_ranges.hpp, or parsing stops with a usage
// error (exit 2) that names the option and states the range:
//   pilotstat: error: --alpha: 1.5 is out of range; valid: 0 < alpha <= 0.5
// The range also shows in --help and the man pages (FLOAT:0 < alpha <= 0.5).
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include <CLI/CLI.hpp>

#include "pilotstat/analysis/numeric_range.hpp"

namespace pilotstat::cli {

// --flag into a double; show_default adds "[value]" to --help as
// capture_default_str would.
CLI::Option* add_real(CLI::App& app, const std::string& flag, double& target, const std::string& help,
                      const analysis::RealRange& range, bool show_default = false);

// --flag into a whole number (the range keeps it inside Int).
template <class Int>
CLI::Option* add_count(CLI::App& app, const std::string& flag, Int& target, const std::string& help,
                       const analysis::CountRange& range, bool show_default = false);

// --flag checked here, then stored as the text typed under `key` in options
// (the analyses read key=value options with the same ranges, so the value
// they see is exactly the one checked).
CLI::Option* add_keyed_real(CLI::App& app, std::map<std::string, std::string>& options, const std::string& flag,
                            const std::string& key, const std::string& help, const analysis::RealRange& range);
CLI::Option* add_keyed_count(CLI::App& app, std::map<std::string, std::string>& options, const std::string& flag,
                             const std::string& key, const std::string& help, const analysis::CountRange& range);

}  // namespace pilotstat::cli
