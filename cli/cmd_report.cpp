#include "cmd_report.hpp"

#include <map>
#include <memory>
#include <sstream>

#include "common.hpp"
#include "numeric_options.hpp"
#include "pilotstat/analysis/option_ranges.hpp"
#include "pilotstat/analysis/study_report.hpp"
#include "pilotstat/report/study_report_view.hpp"

namespace pilotstat::cli {

namespace {
struct ReportArgs {
    InputArgs input;
    OutputArgs output;
    std::map<std::string, std::string> options;
};

void run_report(const ReportArgs& a) {
    const auto study = load_input(a.input);
    auto norms = data::NormsRegistry::builtin();  // --instruments may add reliability, SD, cut-offs
    if (!a.input.instruments_file.empty()) norms.load_csv(a.input.instruments_file);
    const auto report = analysis::build_report(study, analysis::report_options(study, a.options), norms);
    report::RenderOptions ro;
    ro.digits = a.output.digits;
    std::ostringstream out;
    report::render_report(report, study, a.output.format, ro, out);
    write_output(out.str(), a.output.output);
}
}  // namespace

void setup_report(CLI::App& app) {
    auto a = std::make_shared<ReportArgs>();
    auto* sub = app.add_subcommand("report", "Everything for every measure - descriptives, change per arm, the "
                                             "between-arm comparison (change and ANCOVA) - with adjusted p-values "
                                             "and the reasons each effect is or is not significant");
    add_input_options(*sub, a->input);
    sub->add_option("--format", a->output.format, "Output format: text, markdown, json, html")->capture_default_str();
    sub->add_option("-o,--output", a->output.output, "Write to FILE (atomically) instead of standard output");
    add_count(*sub, "--digits", a->output.digits, "Decimals shown in text, markdown and html", analysis::ranges::digits,
              true);
    auto& o = a->options;
    add_keyed_real(*sub, o, "--power", "power", "Power for the minimal detectable effect in UNDERPOWERED (default 0.8)",
                   analysis::ranges::power);
    add_keyed_option(*sub, o, "--adjust", "adjust",
                     "Multiplicity adjustment: holm (default), hochberg, BH, bonferroni, maxT (Westfall-Young, "
                     "between-arm, joint over measures), none");
    add_keyed_option(*sub, o, "--family", "family",
                     "Family adjusted together: measures (default; per arm / per pair of arms), times, all");
    add_keyed_option(*sub, o, "--from", "from", "Earlier time (default: the baseline)");
    add_keyed_option(*sub, o, "--to", "to", "Later time(s) for the within-arm changes (default: the last time)");
    add_keyed_real(*sub, o, "--responder", "responder", "Responder threshold in percent (default 50)",
                   analysis::ranges::responder);
    add_inference_options(*sub, o);
    sub->footer(
        "Each effect gets a verdict at --alpha (after adjustment) and reasons with stable codes (P_FLOOR,\n"
        "CI_SPANS, UNDERPOWERED, INCONSISTENT_DIRECTION, INFLUENTIAL_SUBJECT, MULTIPLICITY, MISSING_DATA, TIES,\n"
        "FLOOR_CEILING, BASELINE_IMBALANCE, NO_CONTROL, FRAGILE, WIDE_INTERVAL; docs/explain.md). json carries\n"
        "the codes and numbers for scripts; html is one self-contained file.\n\n"
        "Examples:\n"
        "  pilotstat report data/examples/kap_pilot.csv\n"
        "  pilotstat report data/examples/kap_pilot.csv --format html -o report.html\n"
        "  pilotstat report data/examples/kap_pilot.csv --format json | jq '.measures[].compare[].reasons[].code'");
    sub->callback([a] { run_report(*a); });
}

}  // namespace pilotstat::cli
