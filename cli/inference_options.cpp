// The inference options of change, compare, report and plot (declared in
// common.hpp): stored as key=value text for the analyses, numeric ones
// checked here against the ranges the analyses use.
#include "common.hpp"
#include "numeric_options.hpp"
#include "pilotstat/analysis/option_ranges.hpp"

namespace pilotstat::cli {

void add_inference_options(CLI::App& app, std::map<std::string, std::string>& o) {
    namespace r = analysis::ranges;
    add_keyed_option(app, o, "--alternative", "alternative", "two-sided (default), less or greater");
    add_keyed_option(app, o, "--two-sided", "two_sided",
                     "Two-sided exact p: deviation (default; P(|T-ET| >= |t-ET|), as R's coin) or doubled "
                     "(twice the smaller one-sided p, as SciPy)");
    add_keyed_real(app, o, "--conf", "conf", "Confidence level of every interval (default 0.95)", r::conf);
    add_keyed_real(app, o, "--alpha", "alpha", "Significance level of the verdict column (default 0.05)", r::alpha);
    add_keyed_count(app, o, "--resamples", "resamples",
                    "Monte Carlo arrangements B when a test cannot be exact (default 100000)", r::resamples);
    add_keyed_count(app, o, "--exact-limit", "exact_limit",
                    "Enumerate at most this many arrangements; beyond, shift/DP or Monte Carlo (default 5000000)",
                    r::exact_limit);
    add_keyed_count(app, o, "--dp-limit", "dp_limit",
                    "Use the exact shift/DP algorithm when its table has at most this many cells (default 200000000)",
                    r::dp_limit);
    add_keyed_option(app, o, "--boot-method", "boot_method",
                     "Bootstrap interval: expanded-percentile (default), percentile or bca");
    add_keyed_count(app, o, "--boot-resamples", "boot_resamples",
                    "Monte Carlo bootstrap resamples when enumeration is too large (default 10000)", r::boot_resamples);
    add_keyed_count(app, o, "--boot-exact-limit", "boot_exact_limit",
                    "Enumerate the bootstrap when it has at most this many resamples (default 1000000)",
                    r::boot_exact_limit);
    add_keyed_count(app, o, "--seed", "seed", "Seed of the project's random generator (default 20230401)", r::seed);
}

}  // namespace pilotstat::cli
