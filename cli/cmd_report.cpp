#include "cmd_report.hpp"

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <system_error>

#include "common.hpp"
#include "numeric_options.hpp"
#include "pilotstat/analysis/option_ranges.hpp"
#include "pilotstat/study_report/study_report.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/study_report/study_report_view.hpp"
#include "pilotstat/version.hpp"

namespace pilotstat::cli {

namespace {
struct ReportArgs {
    InputArgs input;
    OutputArgs output;
    std::map<std::string, std::string> options;
};

bool is_stdin(const std::string& path) { return path.empty() || path == "-"; }

// The date is read here, not in the library: with SOURCE_DATE_EPOCH set (CI,
// golden tests) only its day is printed, so the same input gives the same bytes.
report::Provenance provenance(const ReportArgs& a, const study_report::StudyReport& r, const std::string& sha256) {
    report::Provenance p;
    p.version = std::string(version());
    p.command_line = report::shell_join(command_line());
    p.input = is_stdin(a.input.path) ? "standard input" : a.input.path;
    p.input_sha256 = sha256;
    p.seed = std::to_string(r.options.change.exact.seed);
    if (const auto epoch = report::parse_source_date_epoch(std::getenv("SOURCE_DATE_EPOCH")))
        p.when = report::utc_stamp(*epoch, true) + " (from SOURCE_DATE_EPOCH)";
    else
        p.when = report::utc_stamp(std::time(nullptr), false);
    return p;
}

// `-o DIR/` (or an existing directory) with markdown: DIR/report.md and the
// SVGs it references, each written atomically.
bool names_directory(const std::string& path) {
    std::error_code ec;
    return !path.empty() && (path.back() == '/' || std::filesystem::is_directory(path, ec));
}

void run_report(const ReportArgs& a) {
    const bool markdown = a.output.format == "markdown" || a.output.format == "md";
    const bool to_dir = markdown && names_directory(a.output.output);
    // A bad SOURCE_DATE_EPOCH fails before any work, whatever the format.
    if (a.output.format == "html") (void)report::parse_source_date_epoch(std::getenv("SOURCE_DATE_EPOCH"));
    std::string sha256;  // of the bytes read, for the html provenance block
    const auto study = load_input(a.input, a.output.format == "html" ? &sha256 : nullptr);
    const auto norms = load_norms(a.input);  // --instruments may add reliability, SD, cut-offs
    const auto report = study_report::build_report(study, study_report::report_options(study, a.options), norms);
    report::RenderOptions ro;
    ro.digits = a.output.digits;
    study_report::ReportContext ctx;
    ctx.norms = &norms;
    if (a.output.format == "html") ctx.provenance = provenance(a, report, sha256);
    std::vector<study_report::Figure> figures;
    if (to_dir) {
        figures = study_report::report_figures(report, study, norms, false);
        ctx.figures = &figures;
    }
    std::ostringstream out;
    study_report::render_report(report, study, a.output.format, ro, out, ctx);
    if (!to_dir) {
        write_output(out.str(), a.output.output);
        return;
    }
    const std::filesystem::path dir(a.output.output);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw DataError(SourceLocation{a.output.output, 0, 0}, "cannot create the output directory: " + ec.message());
    for (const auto& f : figures) write_output(f.svg, (dir / f.file).string());
    write_output(out.str(), (dir / "report.md").string());
}
}  // namespace

void setup_report(CLI::App& app) {
    auto a = std::make_shared<ReportArgs>();
    auto* sub = app.add_subcommand("report", "Everything for every measure - descriptives, change per arm, the "
                                             "between-arm comparison (change and ANCOVA) - with adjusted p-values "
                                             "and the reasons each effect is or is not significant");
    add_input_options(*sub, a->input);
    sub->add_option("--format", a->output.format, "Output format: text, markdown, json, html")->capture_default_str();
    sub->add_option("-o,--output", a->output.output, "Write to FILE (atomically) instead of standard output; with markdown, a directory (DIR/) "
                    "receives report.md and the SVG pictures it shows");
    add_count(*sub, "--digits", a->output.digits, "Decimals shown in text, markdown and html", analysis::ranges::digits,
              true);
    auto& o = a->options;
    add_keyed_real(*sub, o, "--power", "power", "Power at which DESIGN_SENSITIVITY states the minimal detectable effect (default 0.8)",
                   analysis::ranges::power);
    add_keyed_option(*sub, o, "--adjust", "adjust",
                     "Multiplicity adjustment: holm (default), hochberg, BH, bonferroni, maxT (Westfall-Young, "
                     "between-arm, joint over measures), none");
    add_keyed_option(*sub, o, "--primary", "primary",
                     "The pre-specified primary between-arm analysis: ancova (default) or the comparison beside it "
                     "(change, or the --on basis); the other is reported as secondary, outside the adjusted family");
    add_keyed_option(*sub, o, "--on", "on",
                     "Basis of the comparison beside ANCOVA, as compare --on: change (default), raw (scores at --to), "
                     "slope, auc; it becomes the primary analysis unless --primary ancova (--on ancova: ANCOVA primary)");
    add_keyed_option(*sub, o, "--time-values", "time_values",
                     "Numeric time of each visit, comma-separated, for slope and auc and the trajectory figures' "
                     "time axis (default 0,1,2,...)");
    add_keyed_option(*sub, o, "--rci-sd", "rci_sd",
                     "SD behind the reliable change index, as individual: instrument (default) or baseline");
    add_keyed_option(*sub, o, "--family", "family",
                     "Family adjusted together: measures (default; the primary analysis per pair of arms, the "
                     "within-arm changes per arm), times (within-arm changes across times), all (within-arm "
                     "changes join the primary family)");
    add_keyed_option(*sub, o, "--from", "from", "Earlier time (default: the baseline)");
    add_keyed_option(*sub, o, "--to", "to", "Later time(s) for the within-arm changes (default: the last time)");
    add_keyed_real(*sub, o, "--responder", "responder", "Responder threshold in percent (default 50)",
                   analysis::ranges::responder);
    add_inference_options(*sub, o);
    sub->footer(
        "Each effect gets a verdict at --alpha (after adjustment), a role (primary or secondary) and reasons\n"
        "with stable codes (P_FLOOR, INCONCLUSIVE, EXCLUDES_MCID, CI_SPANS, CI_EXCLUDES_ZERO,\n"
        "DESIGN_SENSITIVITY, ZEROS, TIES, INCONSISTENT_DIRECTION, MULTIPLICITY, MISSING_DATA, FLOOR_CEILING,\n"
        "BASELINE_IMBALANCE, NO_CONTROL, FRAGILE, WIDE_INTERVAL), notes (COARSE, RELIABLE_CHANGE,\n"
        "INDIVIDUAL_CHANGE) and a leave-one-out robustness line; docs/explain.md. json carries\n"
        "the codes and numbers for scripts; html is one self-contained file with the pictures and a provenance\n"
        "block (version, command, input SHA-256, seed, UTC time; only the date when SOURCE_DATE_EPOCH is set).\n\n"
        "Examples:\n"
        "  pilotstat report data/examples/kap_pilot.csv\n"
        "  pilotstat report data/examples/kap_pilot.csv --format html -o report.html\n"
        "  pilotstat report data/examples/kap_pilot.csv --format markdown -o supplement/\n"
        "  pilotstat report data/examples/kap_pilot.csv --format json | jq '.measures[].compare[].reasons[].code'");
    sub->callback([a] { run_report(*a); });
}

}  // namespace pilotstat::cli
