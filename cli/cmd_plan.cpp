#include "cmd_plan.hpp"

#include <memory>

#include "common.hpp"
#include "numeric_options.hpp"
#include "pilotstat/analysis/option_ranges.hpp"
#include "pilotstat/analysis/common_options.hpp"
#include "pilotstat/analysis/plan_document.hpp"
#include "pilotstat/data/instrument_norms.hpp"
#include "pilotstat/error.hpp"

namespace pilotstat::cli {

namespace {
struct PlanArgs {
    InputArgs input;
    OutputArgs output;
    std::string from, to, endpoint = "change", progression, table = "plan";
    double mcid = 0.0, sd_conf = 0.8, alpha = 0.05, power = 0.9;
    long screened = 0, randomized = 0;
    CLI::Option *mcid_opt = nullptr, *screened_opt = nullptr, *randomized_opt = nullptr;
};

void run_plan(const PlanArgs& a) {
    const auto study = load_input(a.input);
    const auto norms = load_norms(a.input);
    analysis::PlanOptions o;
    o.endpoint = analysis::parse_endpoint(a.endpoint);
    o.from = a.from.empty() ? study.baseline : analysis::one_time(study, a.from, "--from");
    o.to = a.to.empty() ? study.times.size() - 1 : analysis::one_time(study, a.to, "--to");
    if (a.mcid_opt->count() > 0) o.mcid = a.mcid;
    if (a.screened_opt->count() > 0) o.screened = a.screened;
    if (a.randomized_opt->count() > 0) o.randomized = a.randomized;
    o.sd_conf = a.sd_conf;
    o.alpha = a.alpha;
    o.power = a.power;
    analysis::validate(o);
    if (o.mcid && study.measures.size() > 1)
        throw UsageError("--mcid is in points of one instrument but " + std::to_string(study.measures.size()) +
                         " measures are selected; choose one with --measures");
    if (a.table == "progression" && a.progression.empty())
        throw UsageError("--table progression needs --progression FILE");
    std::optional<std::vector<analysis::ProgressionCriterion>> criteria;
    if (!a.progression.empty()) criteria = analysis::read_progression(a.progression);
    const auto doc = analysis::plan_document(study, norms, o, criteria ? &*criteria : nullptr);
    const bool human = a.output.format == "text" || a.output.format == "markdown";
    if (a.table == "plan" && human)
        write_output(analysis::plan_document(study, doc, a.output.format == "markdown", a.output.digits),
                     a.output.output);
    else if (a.table == "plan")
        emit(analysis::plan_table(study, doc.result), a.output);
    else if (a.table == "completeness")
        emit(analysis::completeness_table(study, doc.result, doc.completeness), a.output);
    else
        emit(analysis::progression_table(study, doc.result, *doc.progression), a.output);
}
}  // namespace

void setup_plan(CLI::App& app) {
    auto a = std::make_shared<PlanArgs>();
    auto* sub = app.add_subcommand("plan", "Plan the main trial from the pilot: outcome SD with its upper "
                                           "confidence limit, n per arm for the MCID, observed retention");
    add_input_options(*sub, a->input);
    add_output_options(*sub, a->output);
    sub->add_option("--from", a->from, "Earlier time (default: the baseline)");
    sub->add_option("--to", a->to, "Time of the main trial's endpoint (default: the last time)");
    sub->add_option("--endpoint", a->endpoint, "change (to - from), raw (score at --to) or ancova (residual SD)")
        ->capture_default_str();
    namespace r = analysis::ranges;
    a->mcid_opt = add_real(*sub, "--mcid", a->mcid,
                           "Difference to detect, in points (default: the instrument's sourced MCID)", r::mcid);
    a->screened_opt = add_count(*sub, "--screened", a->screened, "Participants screened (gives the recruitment rate)",
                                r::participants);
    a->randomized_opt = add_count(
        *sub, "--randomized", a->randomized,
        "Participants randomized, from the trial's records (default: those in the data; retention's denominator)",
        r::participants);
    sub->add_option("--progression", a->progression,
                    "Progression criteria: CSV with columns criterion, measure, green, amber (docs/formats.md)");
    sub->add_option("--table", a->table,
                    "Table to print: plan (text/markdown: every section), completeness, progression")
        ->capture_default_str()
        ->check(CLI::IsMember({"plan", "completeness", "progression"}));
    add_real(*sub, "--sd-conf", a->sd_conf, "One-sided confidence of the SD's upper limit used for sizing", r::sd_conf,
             true);
    add_real(*sub, "--alpha", a->alpha, "Two-sided significance level of the main trial", r::alpha, true);
    add_real(*sub, "--power", a->power, "Power of the main trial", r::power, true);
    sub->footer(
        "Per measure: sd_pooled, the pooled within-arm SD of the endpoint (n - 1 SDs, complete pairs), and\n"
        "sd_ucl = sqrt(df sd^2 / qchisq(1 - sd_conf, df)), its one-sided upper limit (Browne 1995; Sim &\n"
        "Lewis 2012). n_per_arm: two-sided two-sample t test detecting the MCID with sd_ucl (as\n"
        "pwr::pwr.t.test, n rounded up); n_per_arm_pooled_sd the same with sd_pooled, for contrast;\n"
        "n_per_arm_attrition = ceiling(n_per_arm / retention). retention: share of randomized participants\n"
        "scored at --to, with 95% Clopper-Pearson intervals (overall and per arm). A percent MCID is turned\n"
        "into points at the pilot's mean at --from (mcid_source says so); with no known MCID and no --mcid\n"
        "the sizes stay empty. The pilot's own effect estimate is never used for sizing. --screened N gives\n"
        "recruitment = randomized / screened with its Clopper-Pearson interval (columns screened, recruitment,\n"
        "recruitment_ci_low, recruitment_ci_high).\n"
        "Feasibility: --table completeness, the share of participants scored on each measure at each visit\n"
        "(per arm and all) with Clopper-Pearson intervals; --progression FILE judges each criterion\n"
        "(recruitment, retention, completeness) green/amber/red by its point estimate against the file's\n"
        "thresholds (Avery et al. 2017), shows its interval and says when the interval spans colours.\n"
        "Columns are listed in docs/formats.md; methods in docs/methods/planning.md.\n\n"
        "Examples:\n"
        "  pilotstat plan data/examples/kap_pilot.csv --measures gad7 --to T3\n"
        "  pilotstat plan data/examples/kap_pilot.csv --measures bdi --mcid 6 --endpoint ancova --format csv\n"
        "  pilotstat plan data/examples/kap_pilot.csv --measures pcl5 --screened 24 --randomized 12\n"
        "  pilotstat plan data/examples/kap_pilot.csv --progression data/examples/progression.csv");
    sub->callback([a] { run_plan(*a); });
}

}  // namespace pilotstat::cli
