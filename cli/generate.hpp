// Man pages and shell completions generated from the CLI11 definitions that
// also make --help, so the three cannot drift apart. The build runs the
// hidden `pilotstat --generate-man DIR` and `--generate-completions DIR`.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace pilotstat::cli {

// Shared by the generators (generate_man.cpp, generate_completion.cpp).
namespace generate_detail {
std::vector<CLI::App*> commands(CLI::App& app);                                  // every subcommand
std::vector<const CLI::Option*> options(const CLI::App& app, bool positional);  // visible ones
std::string first_line(const std::string& text);
std::string flag_names(const CLI::Option& opt);  // "-o, --output"
bool takes_value(const CLI::Option& opt);        // false for flags
}  // namespace generate_detail

// Writes DIR/pilotstat.1 and DIR/pilotstat-COMMAND.1 for every command
// (throws DataError when a file cannot be written).
void generate_man_pages(CLI::App& app, const std::string& dir);

// The completion script for bash, zsh or fish (throws UsageError otherwise).
std::string generate_completion(CLI::App& app, const std::string& shell);

// Writes DIR/pilotstat.bash, DIR/_pilotstat (zsh) and DIR/pilotstat.fish.
void generate_completions(CLI::App& app, const std::string& dir);

}  // namespace pilotstat::cli
