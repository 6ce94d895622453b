// The friendlier edges of the command line: "did you mean ...?" for unknown
// commands and options, `pilotstat help [COMMAND]`, and --version on every
// subcommand.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace pilotstat::cli {

// Levenshtein distance (insertions, deletions, substitutions; each costs 1).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word`, if it is within max(2, |word| / 3) edits; else "".
std::string closest(std::string_view word, const std::vector<std::string>& candidates);

// Adds `help [COMMAND]`: the top-level help, or COMMAND's (as COMMAND --help).
void setup_help(CLI::App& app);

// Adds --version to every subcommand of `app`; it calls `print` and exits 0.
void add_version_flags(CLI::App& app, const std::function<void()>& print);

// The message for arguments CLI11 did not expect, listed in the order given,
// with a suggestion for the first unknown command or option.
std::string unexpected_arguments_message(CLI::App& app, int argc, char** argv);

}  // namespace pilotstat::cli
