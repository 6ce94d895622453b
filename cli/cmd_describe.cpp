#include "cmd_describe.hpp"

#include <memory>

#include "common.hpp"
#include "numeric_options.hpp"
#include "pilotstat/analysis/option_ranges.hpp"
#include "pilotstat/analysis/describe.hpp"
#include "pilotstat/error.hpp"

namespace pilotstat::cli {

namespace {
struct DescribeOptions {
    InputArgs input;
    OutputArgs output;
    double conf = 0.95;
};

void run_describe(const DescribeOptions& o) {
    const auto study = load_input(o.input);
    emit(analysis::describe_table(analysis::describe(study, o.conf)), o.output);
}
}  // namespace

void setup_describe(CLI::App& app) {
    auto opt = std::make_shared<DescribeOptions>();
    auto* sub = app.add_subcommand("describe", "n, missing, mean, sd, se, t-CI, median, quartiles, min, max "
                                               "per measure x group x time");
    add_input_options(*sub, opt->input);
    add_output_options(*sub, opt->output);
    add_real(*sub, "--conf", opt->conf, "Confidence level of the t interval of the mean", analysis::ranges::conf, true);
    sub->footer(
        "Columns: measure,group,time,n,missing,mean,sd,se,ci_low,ci_high,median,q1,q3,min,max\n"
        "sd uses n - 1; the CI is mean +/- t(n-1) * se; quartiles are R's type 7.\n\n"
        "Example:\n"
        "  pilotstat describe data/examples/kap_pilot.csv --measures bdi --format csv\n"
        "  cat study.csv | pilotstat describe - --format json | jq '.[] | select(.time == \"T3\")'");
    sub->callback([opt] { run_describe(*opt); });
}

}  // namespace pilotstat::cli
