#include "cmd_change.hpp"

#include <map>
#include <memory>

#include "cmd_individual.hpp"
#include "common.hpp"
#include "pilotstat/error.hpp"
#include "numeric_options.hpp"
#include "pilotstat/analysis/option_ranges.hpp"
#include "pilotstat/commands/table_command.hpp"

namespace pilotstat::cli {

namespace {
struct ChangeArgs {
    InputArgs input;
    OutputArgs output;
    std::map<std::string, std::string> options;
    bool individual = false;  // --individual: per-subject change (same as `pilotstat individual`)
    bool curve = false;       // --curve: the sign-flip test's p-value function instead of the change table
    IndividualOptions ind;
};

std::vector<std::string> split_commas(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = text.find(',', start);
        out.push_back(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

void run_change(const ChangeArgs& a) {
    if (a.curve && a.individual) throw UsageError("--curve and --individual cannot be combined");
    if (a.individual) {
        IndividualOptions ind = a.ind;
        ind.input = a.input;
        ind.output = a.output;
        if (auto it = a.options.find("from"); it != a.options.end()) ind.from = it->second;
        if (auto it = a.options.find("to"); it != a.options.end()) ind.to = split_commas(it->second);
        run_individual(ind);
        return;
    }
    auto options = a.options;
    if (a.curve) options["curve"] = "true";
    const auto study = load_input(a.input);
    emit(commands::run_table_command("change", study, options, load_norms(a.input)), a.output);
}
}  // namespace

void setup_change(CLI::App& app) {
    auto a = std::make_shared<ChangeArgs>();
    auto* sub = app.add_subcommand("change", "Within-group change between two times: exact sign-flip, signed-rank "
                                             "and sign tests, paired t, dz, bootstrap CI, responders");
    add_input_options(*sub, a->input);
    add_output_options(*sub, a->output);
    auto& o = a->options;
    add_keyed_option(*sub, o, "--from", "from", "Earlier time (default: the baseline)");
    add_keyed_option(*sub, o, "--to", "to", "Later time(s), comma-separated (default: every time after --from)");
    add_keyed_option(*sub, o, "--zero-method", "zero_method",
                     "Signed-rank zeros: pratt (default; ranked, then scored 0) or wilcoxon (dropped)");
    add_keyed_real(*sub, o, "--responder", "responder",
                   "Responder: improvement of at least this percent of the baseline score (default 50)",
                   analysis::ranges::responder);
    add_keyed_real(*sub, o, "--margin", "margin",
                   "Equivalence margin M (points): two one-sided exact sign-flip tests (TOST) of |mean change| < M, "
                   "at --alpha: column tost says whether both reject (each p), tost_min_margin is the smallest "
                   "margin these data establish (empty when too few subjects can establish any)", analysis::ranges::margin);
    add_inference_options(*sub, o);
    sub->add_flag("--curve", a->curve,
                  "Print the compatibility curve instead: the exact sign-flip p-value of each hypothesised mean "
                  "change (shift) at every breakpoint of the p-value function");
    sub->add_flag("--individual", a->individual,
                  "Per-subject change instead: RCI, Jacobson-Truax category, severity bands, MCID (as `pilotstat "
                  "individual`; with --rci-z, --rci-sd, --summary)");
    add_real(*sub, "--rci-z", a->ind.rci_z, "With --individual: |RCI| above this is reliable (default 1.96)",
             analysis::ranges::rci_z);
    sub->add_option("--rci-sd", a->ind.rci_sd, "With --individual: instrument (default) or baseline");
    sub->add_flag("--summary", a->ind.summary, "With --individual: counts per arm and the exact test");
    sub->footer(
        "Change is later minus earlier: a fall in symptoms is negative. Rows: measure x group x (from, to),\n"
        "on complete pairs. Every p-value names how it was computed (method_* columns): exact enumeration of\n"
        "all 2^n sign flips, the exact shift/DP distribution, or Monte Carlo (with its SE). p_floor_* is the\n"
        "smallest p any data of this size could give: 0.0625 two-sided at n = 5, so no within-arm test of 5\n"
        "people can reach p < 0.05. Columns are listed in docs/formats.md; methods in docs/methods.md.\n\n"
        "Example:\n"
        "  pilotstat change data/examples/kap_pilot.csv --measures bpi_severity --to T3\n"
        "  pilotstat change data/examples/kap_pilot.csv --from T1 --to T3 --format json | jq '.[].p_signflip'\n"
        "  pilotstat change data/examples/kap_pilot.csv --individual --measures bdi --to T3\n"
        "  pilotstat change data/examples/kap_pilot.csv --measures bdi --to T3 --curve --format csv");
    sub->callback([a] { run_change(*a); });
}

}  // namespace pilotstat::cli
