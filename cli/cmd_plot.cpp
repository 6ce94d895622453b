#include "cmd_plot.hpp"

#include <memory>

#include "common.hpp"
#include "numeric_options.hpp"
#include "pilotstat/analysis/option_ranges.hpp"
#include "pilotstat/data/instrument_norms.hpp"
#include "pilotstat/plot/make_plot.hpp"

namespace pilotstat::cli {

namespace {
struct PlotArgs {
    InputArgs input;
    std::string output;
    plot::PlotRequest request;
};

void run_plot(const PlotArgs& a) {
    plot::check_kind(a.request.kind);
    plot::check_format(a.request.format);
    plot::check_scale(a.request.scale);
    const auto study = load_input(a.input);
    const auto norms = load_norms(a.input);
    write_output(plot::make_plot(study, norms, a.request), a.output);
}
}  // namespace

void setup_plot(CLI::App& app) {
    auto a = std::make_shared<PlotArgs>();
    auto* sub = app.add_subcommand("plot", "Standalone SVG pictures: trajectories, estimation plot, forest plot, "
                                           "reliable-change plot, compatibility curve");
    sub->add_option("kind", a->request.kind, "trajectories, estimation, forest, rci or curve")->required();
    add_input_options(*sub, a->input);
    sub->add_option("--format", a->request.format, "svg (one figure) or html (one figure per measure)")
        ->capture_default_str();
    sub->add_option("-o,--output", a->output, "Write to FILE (atomically) instead of standard output");
    sub->add_option("--scale", a->request.scale,
                    "forest: standardized (Hedges' g, one axis) or raw (points, one panel per measure, "
                    "unadjusted and baseline-adjusted differences)")
        ->capture_default_str();
    add_real(*sub, "--width", a->request.plot.width, "Width in pixels", analysis::ranges::width, true);
    add_real(*sub, "--height", a->request.plot.height, "Height in pixels", analysis::ranges::height, true);
    add_real(*sub, "--rci-z", a->request.rci_z, "rci: change is reliable when |RCI| exceeds this",
             analysis::ranges::rci_z, true);
    auto& o = a->request.options;
    add_keyed_option(*sub, o, "--from", "from", "Earlier time of the change (default: the baseline)");
    add_keyed_option(*sub, o, "--to", "to", "Later time of the change (default: the last time)");
    add_keyed_option(*sub, o, "--on", "on",
                     "estimation/curve/forest: compare change (default) or raw scores (with --to); trajectories: "
                     "mmrm draws the mixed model's adjusted means after the baseline");
    add_keyed_option(*sub, o, "--covariance", "covariance", "trajectories --on mmrm: cs, un, ar1 or toeplitz");
    add_keyed_option(*sub, o, "--df", "df", "trajectories --on mmrm: kenward-roger (default), satterthwaite, residual");
    add_keyed_option(*sub, o, "--time-values", "time_values",
                     "trajectories: the time of each visit, comma-separated, for a true time axis (e.g. 0,1,3,6)");
    add_inference_options(*sub, o);
    sub->footer(
        "KIND: trajectories (every participant over time, arm means with t intervals, severity bands;\n"
        "--on mmrm: the MMRM's adjusted means with their intervals after the baseline);\n"
        "estimation (each participant's change per arm, the difference in means with its bootstrap interval\n"
        "and distribution); forest (Hedges' g of every measure; --scale raw: the difference in points per\n"
        "measure, unadjusted and adjusted for baseline); rci (baseline against follow-up, the\n"
        "reliable-change band and the clinical cut-off); curve (exact permutation p-value over shifts).\n"
        "The numbers drawn are those of describe, compare (--on mmrm: compare --on mmrm --all-visits) and individual. See docs/plots.md.\n\n"
        "Examples:\n"
        "  pilotstat plot trajectories data/examples/kap_pilot.csv --measures bdi --time-values 0,1,3,6 -o bdi.svg\n"
        "  pilotstat plot trajectories data/examples/kap_pilot.csv --measures bdi --on mmrm -o bdi_mmrm.svg\n"
        "  pilotstat plot estimation data/examples/kap_pilot.csv --measures bdi -o bdi_estimation.svg\n"
        "  pilotstat plot forest data/examples/kap_pilot.csv -o forest.svg\n"
        "  pilotstat plot forest data/examples/kap_pilot.csv --scale raw -o forest_points.svg\n"
        "  pilotstat plot rci data/examples/kap_pilot.csv --measures bdi --to T3 -o bdi_rci.svg\n"
        "  pilotstat plot curve data/examples/kap_pilot.csv --measures bdi --format html -o bdi_curve.html");
    sub->callback([a] { run_plot(*a); });
}

}  // namespace pilotstat::cli
