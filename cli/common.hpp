// Options every subcommand shares: how to read the study (input) and how to
// write the result (output). Each subcommand adds these to its CLI11 app.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "pilotstat/data/instrument_norms.hpp"
#include "pilotstat/data/study_builder.hpp"
#include "pilotstat/report/result_table.hpp"

namespace pilotstat::cli {

struct InputArgs {
    std::string path;
    std::string delimiter;  // "", ",", ";", "tab"
    std::string encoding = "utf-8";
    std::string subject_col = "subject", group_col = "group", time_col = "time", measure_col = "measure",
                score_col = "score";
    bool wide = false;
    bool redcap = false;
    bool decimal_comma = false;
    std::vector<std::string> arm_labels;  // "1=ketamine"
    std::string sep = "_";
    std::vector<std::string> na{"", "NA", "NaN", "."};
    std::vector<std::string> times;
    std::string baseline;
    std::vector<std::string> measures, groups, higher_is_better;
    std::string instruments_file;
};

struct OutputArgs {
    std::string format = "text";
    std::string output;  // -o FILE; empty = stdout
    int digits = 4;
};

// Thrown by a subcommand that ran to the end, output written, but whose
// result asks for another exit status (`check` with a number off: 1); main
// returns `status` without printing anything.
struct FinishedWithStatus {
    int status;
};
// The arguments of this run, the program named "pilotstat" whatever its path
// (so a report's provenance does not depend on where the binary lives).
std::vector<std::string>& command_line();

void add_input_options(CLI::App& app, InputArgs& args);
// How to read a study (column mapping, layout, REDCap, time order, missing
// tokens, encoding, decimal comma, instruments) without the file argument and
// the --measures/--groups selection: what `check --data` shares with the commands.
void add_reading_options(CLI::App& app, InputArgs& args);
void add_output_options(CLI::App& app, OutputArgs& args);

// Adds an option whose text value is stored under `key` in `options` (the
// analyses parse and validate key=value options themselves, the same way for
// the command line and for `check` expectations).
void add_keyed_option(CLI::App& app, std::map<std::string, std::string>& options, const std::string& flag,
                      const std::string& key, const std::string& help);

// Options shared by change and compare: --alternative, --two-sided, --conf,
// --resamples, --boot-resamples, --boot-method, --seed, --exact-limit.
void add_inference_options(CLI::App& app, std::map<std::string, std::string>& options);

// Reads and validates the study (throws DataError / UsageError). With
// `input_sha256`, also the SHA-256 of the bytes read (standard input too).
data::Study load_input(const InputArgs& args, std::string* input_sha256 = nullptr);
// The built-in instrument norms plus those of --instruments (reliability, SD,
// cut-offs, MCID): what individual, report, plan, plot and check use.
data::NormsRegistry load_norms(const InputArgs& args);

// Renders the table in the chosen format to stdout, or atomically to -o FILE.
void emit(const report::ResultTable& table, const OutputArgs& args);

// Writes text to stdout, or to FILE via a temporary file and rename so that a
// failure never leaves a half-written FILE (throws DataError with the reason).
void write_output(const std::string& text, const std::string& path);

}  // namespace pilotstat::cli
