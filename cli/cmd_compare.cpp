#include "cmd_compare.hpp"

#include <map>
#include <memory>

#include "common.hpp"
#include "pilotstat/error.hpp"
#include "numeric_options.hpp"
#include "pilotstat/analysis/option_ranges.hpp"
#include "pilotstat/commands/table_command.hpp"

namespace pilotstat::cli {

namespace {
struct CompareArgs {
    InputArgs input;
    OutputArgs output;
    std::map<std::string, std::string> options;
    bool responders = false;
    bool curve = false;  // --curve: the permutation test's p-value function instead of the comparison
    bool all_visits = false;  // --all-visits (--on mmrm): one row per visit
};

void run_compare(const CompareArgs& a) {
    if (a.curve && a.responders) throw UsageError("--curve and --responders cannot be combined");
    auto options = a.options;
    if (a.curve) options["curve"] = "true";
    if (a.all_visits) options["all_visits"] = "true";
    const auto study = load_input(a.input);
    emit(commands::run_table_command(a.responders ? "responders" : "compare", study, options, load_norms(a.input)), a.output);
}
}  // namespace

void setup_compare(CLI::App& app) {
    auto a = std::make_shared<CompareArgs>();
    auto* sub = app.add_subcommand("compare", "Between-group comparison: exact permutation and Wilcoxon-Mann-Whitney "
                                              "tests, Welch/Student t, Hedges g, Cliff's delta, Hodges-Lehmann, "
                                              "bootstrap CI, ANCOVA, slopes, responders");
    add_input_options(*sub, a->input);
    add_output_options(*sub, a->output);
    auto& o = a->options;
    add_keyed_option(*sub, o, "--on", "on",
                     "What is compared: change (default; --from to --to), raw (scores at --at), ancova (score at --to "
                     "adjusted for --from), slope (per-subject least-squares slope), auc (time-averaged AUC), mmrm (mixed model "
                     "for repeated measures over every visit after --from, with an exact randomization p)");
    add_keyed_option(*sub, o, "--covariance", "covariance",
                     "--on mmrm: within-subject covariance cs, un, ar1 or toeplitz (default: un when n - 3 >= "
                     "V(V+1)/2, else cs)");
    add_keyed_option(*sub, o, "--df", "df",
                     "--on mmrm: degrees of freedom kenward-roger (default; with KR's adjusted SE), satterthwaite or "
                     "residual");
    sub->add_flag("--all-visits", a->all_visits, "--on mmrm: one row per post-baseline visit instead of --to only");
    add_keyed_option(*sub, o, "--from", "from", "Earlier time for change and ancova (default: the baseline)");
    add_keyed_option(*sub, o, "--to", "to", "Later time for change and ancova (default: the last time)");
    add_keyed_option(*sub, o, "--at", "at", "Time for --on raw (default: the last time)");
    add_keyed_option(*sub, o, "--time-values", "time_values",
                     "Numeric time of each time point for slope and auc, comma-separated (default 0,1,2,...)");
    add_keyed_real(*sub, o, "--responder", "responder",
                   "Responder: improvement of at least this percent of the baseline score (default 50)",
                   analysis::ranges::responder);
    sub->add_flag("--responders", a->responders,
                  "Print the responders table (Fisher, Boschloo, Newcombe) instead of the comparison");
    sub->add_flag("--curve", a->curve,
                  "Print the compatibility curve instead: the exact permutation p-value of each hypothesised "
                  "difference in means (shift) at every breakpoint of the p-value function");
    add_keyed_real(*sub, o, "--margin", "margin",
                   "Equivalence margin M (points): two one-sided exact permutation tests (TOST) of |difference in means| < M, "
                   "at --alpha: column tost says whether both reject (each p), tost_min_margin is the smallest "
                   "margin these data establish (empty when too few subjects can establish any)", analysis::ranges::margin);
    add_inference_options(*sub, o);
    sub->footer(
        "Effects are group A minus group B, A being the first group (or the first of --groups a,b). With\n"
        "three or more groups every pair is compared and the k-sample exact tests (permutation F, Kruskal-\n"
        "Wallis) are added to each row. p_floor_perm is the smallest p any data of this size could give:\n"
        "2/252 two-sided at 5 v 5. Columns: docs/formats.md; methods: docs/methods.md.\n\n"
        "Examples:\n"
        "  pilotstat compare data/examples/kap_pilot.csv --measures bdi\n"
        "  pilotstat compare data/examples/kap_pilot.csv --on ancova --format csv\n"
        "  pilotstat compare data/examples/kap_pilot.csv --on mmrm --measures bdi --all-visits\n"
        "  pilotstat compare data/examples/kap_pilot.csv --on slope --time-values 0,1,3,6\n"
        "  pilotstat compare data/examples/kap_pilot.csv --responders --responder 30\n"
        "  pilotstat compare data/examples/kap_pilot.csv --measures bdi --curve --format csv");
    sub->callback([a] { run_compare(*a); });
}

}  // namespace pilotstat::cli
