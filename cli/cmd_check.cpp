#include "cmd_check.hpp"

#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "common.hpp"
#include "numeric_options.hpp"
#include "pilotstat/analysis/option_ranges.hpp"
#include "pilotstat/check/expectations.hpp"
#include "pilotstat/check/record.hpp"
#include "pilotstat/check/render.hpp"
#include "pilotstat/check/scan.hpp"
#include "pilotstat/check/runner.hpp"
#include "pilotstat/data/instruments.hpp"
#include "pilotstat/error.hpp"

namespace pilotstat::cli {

namespace {
struct CheckArgs {
    InputArgs input;  // input.path = --data
    std::vector<std::string> files;
    std::string format = "text", output, junit;
    int digits = 4;
    bool record = false;
    std::vector<std::string> select;
    std::string scan, instrument, step;
    std::int64_t n = 0;
};

check::ScanOptions scan_options(const CheckArgs& a) {
    check::ScanOptions o;
    if (!a.instrument.empty()) {
        auto reg = data::InstrumentRegistry::builtin();
        if (!a.input.instruments_file.empty()) reg.load_csv(a.input.instruments_file);
        const auto* ins = reg.find(a.instrument);
        if (!ins) throw UsageError("--instrument: unknown instrument \"" + a.instrument + "\" (see docs/instruments.md)");
        char step[32];
        std::snprintf(step, sizeof step, "%.10g", ins->step);
        if (ins->step > 0) o.step = step;
        o.min = ins->min;
        o.max = ins->max;
    }
    if (!a.step.empty()) o.step = a.step;
    if (a.n > 0) o.n = a.n;
    return o;
}

void run_record(const CheckArgs& a) {
    if (a.input.path.empty()) throw UsageError("--record needs --data STUDY.csv");
    if (a.select.empty()) throw UsageError("--record needs at least one --select PATTERN");
    if (!a.files.empty()) throw UsageError("--record writes an expectations file (-o FILE); give no EXPECT.csv");
    const auto study = load_input(a.input);
    write_output(check::record_expectations(study, a.select, a.digits, load_norms(a.input)), a.output);
}

void run_check(const CheckArgs& a) {
    const bool scan = !a.scan.empty();
    if (!scan && (!a.instrument.empty() || !a.step.empty() || a.n > 0))
        throw UsageError("--instrument, --step and --n are for --scan");
    if (scan && !a.select.empty()) throw UsageError("--select is for --record with --data, not --scan");
    std::optional<check::ScanResult> scanned;
    if (scan) {
        scanned = check::scan_file(a.scan, scan_options(a));
        // figures found but not checkable are said, not dropped silently
        for (const auto& note : scanned->notes) std::cerr << "pilotstat: note: " << note << '\n';
    }
    if (scan && a.record) return write_output(scanned->csv, a.output);
    if (a.record) return run_record(a);
    if (a.files.empty() && !scan) throw UsageError("give at least one expectations file (see 'pilotstat check --help')");
    if (!a.select.empty()) throw UsageError("--select is for --record");
    std::ostringstream probe;
    check::render_check(check::CheckRun{}, a.format, probe, a.digits);  // unknown format: usage error first
    std::vector<check::Expectation> all;
    if (scan) all = scanned->expectations;
    for (const auto& f : a.files) {  // every file is validated before anything runs
        auto rows = check::read_expectations(f);
        all.insert(all.end(), rows.begin(), rows.end());
    }
    std::optional<data::Study> study;
    if (!a.input.path.empty()) study = load_input(a.input);
    const auto norms = load_norms(a.input);  // --instruments: the same norms the commands use
    const auto run = check::run_checks(all, study ? &*study : nullptr, norms);
    std::ostringstream out;
    check::render_check(run, a.format, out, a.digits);
    if (!a.junit.empty()) {
        std::ostringstream xml;
        check::render_junit(run, xml);
        write_output(xml.str(), a.junit);
    }
    write_output(out.str(), a.output);
    if (run.failed() > 0) throw FinishedWithStatus{1};
}

void add_data_options(CLI::App& sub, InputArgs& in) {
    sub.add_option("--data", in.path, "Study CSV (long or wide) the data rows are computed from; - = stdin");
    add_reading_options(sub, in);  // the same reading options as every command
}
}  // namespace

void setup_check(CLI::App& app) {
    auto a = std::make_shared<CheckArgs>();
    auto* sub = app.add_subcommand("check", "Recompute the numbers listed in expectations files and compare them "
                                            "with their tolerances (exit 1 when any is off)");
    sub->add_option("expectations", a->files, "Expectations CSV files (id,select,expected,tolerance,note)");
    add_data_options(*sub, a->input);
    sub->add_option("--format", a->format, "Output: text, tap (TAP 13) or json")->capture_default_str();
    sub->add_option("-o,--output", a->output, "Write to FILE (atomically) instead of standard output");
    sub->add_option("--junit", a->junit, "Also write JUnit XML to FILE (one testcase per row)");
    add_count(*sub, "--digits", a->digits, "Least decimals shown for computed values; with --record, the decimals recorded",
              analysis::ranges::check_digits, true);
    sub->add_flag("--record", a->record, "Write an expectations file from the current results (with --select)");
    sub->add_option("--select", a->select, "With --record: a selection pattern, e.g. "
                                           "'change measure=bdi column=mean_change,p_*' (repeatable)");
    sub->add_option("--scan", a->scan, "Check the APA results, means and percent changes found in a plain-text "
                                       "FILE (- = stdin); with --record, write them as an expectations file");
    sub->add_option("--instrument", a->instrument, "With --scan: the instrument the means are on (grid and range)");
    sub->add_option("--step", a->step, "With --scan: grid of one score (0.25, 1/7), for GRIM/GRIMMER rows");
    add_count(*sub, "--n", a->n, "With --scan: n for figures whose line gives no n = N", analysis::ranges::participants);
    sub->footer(
        "Rows without raw data (grim, grimmer, pct_change, pvalue, means) run without --data.\n"
        "--scan finds APA results (t(8) = 2.10, p = .04; U = 3, p = .06 with n1 = 5, n2 = 5), means with\n"
        "SD and n, and percent changes in plain text and checks them as rows (p as statcheck recomputes\n"
        "it; GRIM/GRIMMER need the grid); figures found but not checkable are noted on stderr.\n"
        "Exit status: 0 all passed, 1 a row failed, 2 usage, 3 malformed expectations file or data.\n"
        "The file format, tolerances and consistency tests are in docs/check.md; CI wiring in docs/ci.md.\n\n"
        "Examples:\n"
        "  pilotstat check --data data/examples/kap_pilot.csv data/examples/kap_pilot.expect.csv\n"
        "  pilotstat check data/examples/published_consistency.expect.csv --format tap\n"
        "  pilotstat check --data study.csv expect.csv --junit check.xml\n"
        "  pilotstat check --scan data/examples/seed_excerpt.txt --instrument bpi_severity\n"
        "  pilotstat check --scan paper.txt --record -o paper.expect.csv\n"
        "  pilotstat check --data study.csv --record --select 'change column=pct_change_of_means' -o snap.csv");
    sub->callback([a] { run_check(*a); });
}

}  // namespace pilotstat::cli
