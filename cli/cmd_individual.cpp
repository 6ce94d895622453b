#include "cmd_individual.hpp"

#include <memory>

#include "numeric_options.hpp"
#include "pilotstat/analysis/individual.hpp"
#include "pilotstat/analysis/option_ranges.hpp"
#include "pilotstat/data/instrument_norms.hpp"

namespace pilotstat::cli {

void add_individual_options(CLI::App& app, IndividualOptions& o) {
    app.add_option("--from", o.from, "Earlier time (default: the baseline)");
    app.add_option("--to", o.to, "Later time(s), comma-separated (default: every time after --from)")->delimiter(',')->allow_extra_args(false);
    add_real(app, "--rci-z", o.rci_z, "Change is reliable when |RCI| exceeds this", analysis::ranges::rci_z, true);
    app.add_option("--rci-sd", o.rci_sd,
                   "SD for the standard error of measurement: instrument (published, from the registry or "
                   "--instruments) or baseline (the study's own baseline scores, arms together)")
        ->capture_default_str()
        ->check(CLI::IsMember({"instrument", "baseline"}));
    app.add_flag("--summary", o.summary,
                 "Print the counts per arm in each category with the exact test between arms, instead of "
                 "one row per subject");
}

void run_individual(const IndividualOptions& o) {
    const auto study = load_input(o.input);
    const auto norms = load_norms(o.input);
    analysis::IndividualOptions a;
    a.from = o.from;
    a.to = o.to;
    a.rci_z = o.rci_z;
    a.rci_sd = analysis::parse_rci_sd(o.rci_sd);
    const auto result = analysis::individual_change(study, norms, a);
    emit(o.summary ? analysis::individual_summary_table(result.summary) : analysis::individual_table(result.rows),
         o.output);
}

void setup_individual(CLI::App& app) {
    auto opt = std::make_shared<IndividualOptions>();
    auto* sub = app.add_subcommand("individual",
                                   "Per subject: change, Reliable Change Index, Jacobson-Truax category, "
                                   "severity bands, MCID; --summary: counts per arm with an exact test");
    add_input_options(*sub, opt->input);
    add_output_options(*sub, opt->output);
    add_individual_options(*sub, *opt);
    sub->footer(
        "Columns: subject,group,measure,from,to,score_from,score_to,change,pct_change,rci,reliable_change,\n"
        "clinical_change,band_from,band_to,mcid_reached,reliability,sd,sd_source,s_diff,cutoff,criterion,mcid,note\n"
        "--summary columns: measure,from,to,classification,group,n,not_classified,recovered,improved,\n"
        "unchanged,deteriorated,test,p_value,p_floor,method,note\n"
        "RCI = (to - from) / (sqrt(2) SD sqrt(1 - r)) (Jacobson & Truax 1991). Values not known for an\n"
        "instrument are left empty and the note says how to supply them: columns reliability, sd, cutoff,\n"
        "clinical_mean, clinical_sd, functional_mean, functional_sd, mcid_points, mcid_percent, bands\n"
        "(e.g. minimal:0-13;mild:14-19) and *_source in the --instruments FILE. See docs/instruments.md.\n\n"
        "Examples:\n"
        "  pilotstat individual data/examples/kap_pilot.csv --measures bdi --to T3 --format csv\n"
        "  pilotstat individual data/examples/kap_pilot.csv --measures bdi --to T3 --rci-sd baseline --summary");
    sub->callback([opt] { run_individual(*opt); });
}

}  // namespace pilotstat::cli
