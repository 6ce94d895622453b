#include "common.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>

#include <unistd.h>

#include "numeric_options.hpp"
#include "pilotstat/analysis/option_ranges.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/report/renderer.hpp"

namespace pilotstat::cli {

// Comma lists take one argument per occurrence (allow_extra_args(false)), so
// that "--times T0,T1 FILE" leaves FILE to the positional argument.
void add_input_options(CLI::App& app, InputArgs& a) {
    app.add_option("file", a.path, "Study CSV (long or wide); - reads standard input")->required();
    add_reading_options(app, a);
    app.add_option("--measures", a.measures, "Only these measures, comma-separated")->delimiter(',')->allow_extra_args(false);
    app.add_option("--groups", a.groups, "Only these groups, comma-separated, in this order")->delimiter(',')->allow_extra_args(false);
}

void add_reading_options(CLI::App& app, InputArgs& a) {
    app.add_option("--delimiter", a.delimiter, "Field delimiter: , ; or tab (default: detected from the header)");
    app.add_option("--encoding", a.encoding,
                   "Character encoding of the input: utf-8 (required unless named), cp1252 or latin1 "
                   "(transcoded to UTF-8)")
        ->capture_default_str();
    app.add_option("--subject-col", a.subject_col, "Name of the subject column")->capture_default_str();
    app.add_option("--group-col", a.group_col,
                   "Name of the group column (a file without the default column \"group\" is a single-arm study)")->capture_default_str();
    app.add_option("--time-col", a.time_col, "Name of the time column (long format)")->capture_default_str();
    app.add_option("--measure-col", a.measure_col, "Name of the measure column (long format)")->capture_default_str();
    app.add_option("--score-col", a.score_col, "Name of the score column (long format)")->capture_default_str();
    app.add_flag("--wide", a.wide, "Wide format: columns <measure><sep><time> (detected when there is no measure column)");
    app.add_flag("--decimal-comma", a.decimal_comma,
                 "Scores use a decimal comma (5,5 = 5.5; as Excel writes in many locales, usually with ; as delimiter)");
    app.add_flag("--redcap", a.redcap,
                 "REDCap export: subject from record_id, time from redcap_event_name without its _arm_N suffix, "
                 "group arm_N (see --arm-labels); form-status columns skipped; items scored to totals");
    app.add_option("--arm-labels", a.arm_labels, "REDCap: names of the arms, e.g. 1=ketamine,2=placebo")
        ->delimiter(',')->allow_extra_args(false);
    app.add_option("--sep", a.sep, "Wide format: separator between measure and time (split at the last one)")
        ->capture_default_str();
    app.add_option("--na", a.na, "Tokens that mean a missing score (default: empty, NA, NaN, .)")->delimiter(',')->allow_extra_args(false);
    app.add_option("--times", a.times, "Time order, comma-separated (default: natural order of the labels: baseline, then by number, \"day 7 < week 2 < month 3\"; else the file's order if every subject agrees)")
        ->delimiter(',')->allow_extra_args(false);
    app.add_option("--baseline", a.baseline, "Baseline time (default: the first time)");
    app.add_option("--higher-is-better", a.higher_is_better,
                   "Measures on which a higher score is better, comma-separated")
        ->delimiter(',')->allow_extra_args(false);
    app.add_option("--instruments", a.instruments_file,
                   "CSV of instruments to add or override: name,min,max,step,higher_is_worse");
}

void add_output_options(CLI::App& app, OutputArgs& a) {
    app.add_option("--format", a.format, "Output format: text, csv, tsv, json, markdown")->capture_default_str();
    app.add_option("-o,--output", a.output, "Write to FILE (atomically) instead of standard output");
    add_count(app, "--digits", a.digits, "Decimals shown in text and markdown", analysis::ranges::digits, true);
}

void add_keyed_option(CLI::App& app, std::map<std::string, std::string>& options, const std::string& flag,
                      const std::string& key, const std::string& help) {
    app.add_option_function<std::string>(
        flag, [&options, key](const std::string& value) { options[key] = value; }, help);
}

std::vector<std::string>& command_line() {
    static std::vector<std::string> args;
    return args;
}

void write_output(const std::string& text, const std::string& path) {
    if (path.empty() || path == "-") {
        // A full disk or a closed file must not pass as success; a closed
        // pipe (| head) ends the process quietly through SIGPIPE first.
        std::cout.flush();
        errno = 0;
        const bool written = std::fwrite(text.data(), 1, text.size(), stdout) == text.size();
        if (std::fflush(stdout) != 0 || !written || std::ferror(stdout))
            throw DataError(std::string("writing standard output: ") +
                            (errno ? std::strerror(errno) : "write failed"));
        return;
    }
    const std::string tmp = path + ".tmp." + std::to_string(::getpid());
    auto fail = [&](const std::string& what) {
        const std::string reason = std::strerror(errno);
        std::remove(tmp.c_str());
        throw DataError(SourceLocation{path, 0, 0}, what + ": " + reason);
    };
    errno = 0;
    FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) fail("cannot write output");
    const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    const bool flushed = std::fflush(f) == 0 && ::fsync(::fileno(f)) == 0;
    if (std::fclose(f) != 0 || !written || !flushed) fail("cannot write output");
    if (std::rename(tmp.c_str(), path.c_str()) != 0) fail("cannot replace output");
}

void emit(const report::ResultTable& table, const OutputArgs& a) {
    report::RenderOptions ro;
    ro.digits = a.digits;
    const auto renderer = report::make_renderer(a.format, ro);
    std::ostringstream out;
    renderer->render(table, out);
    write_output(out.str(), a.output);
}

}  // namespace pilotstat::cli
