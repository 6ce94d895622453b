#include "cmd_power.hpp"

#include <memory>
#include <string>

#include "common.hpp"
#include "numeric_options.hpp"
#include "pilotstat/analysis/option_ranges.hpp"
#include "pilotstat/analysis/power_table.hpp"

namespace pilotstat::cli {

namespace {
// The flags as given; n, effect and power become the library's optionals
// only when given (two of the three).
struct PowerArgs {
    analysis::PowerOptions power;
    int n = 0;
    double effect = 0.0, target = 0.0;
    CLI::Option *n_opt = nullptr, *effect_opt = nullptr, *power_opt = nullptr;
    OutputArgs output;
};

void run_power(PowerArgs a) {
    if (a.n_opt->count() > 0) a.power.n = a.n;
    if (a.effect_opt->count() > 0) a.power.effect = a.effect;
    if (a.power_opt->count() > 0) a.power.power = a.target;
    emit(analysis::power_table(a.power), a.output);
}

}  // namespace

void setup_power(CLI::App& app) {
    auto a = std::make_shared<PowerArgs>();
    auto& o = a->power;
    auto* sub = app.add_subcommand("power", "Power, minimal detectable effect or n needed (give two of n, effect, "
                                            "power), t-based and exact-permutation (simulated)");
    sub->add_option("--design", o.design, "paired (n pairs, effect dz) or two-sample (n per arm, effect d)")
        ->required()
        ->check(CLI::IsMember({"paired", "two-sample"}));
    namespace r = analysis::ranges;
    a->n_opt = add_count(*sub, "--n", a->n, "Pairs (paired) or participants per arm (two-sample)", r::power_n);
    a->effect_opt = add_real(*sub, "--effect", a->effect, "Standardized effect: dz (paired) or d (two-sample)", r::effect);
    a->power_opt = add_real(*sub, "--power", a->target, "Target power, e.g. 0.8", r::power);
    add_real(*sub, "--alpha", o.alpha, "Significance level", r::alpha, true);
    sub->add_option("--alternative", o.alternative, "two-sided, less or greater")
        ->capture_default_str()
        ->check(CLI::IsMember({"two-sided", "less", "greater"}));
    sub->add_option("--test", o.test, "t, perm or all")->capture_default_str()->check(CLI::IsMember({"t", "perm", "all"}));
    add_count(*sub, "--resamples", o.resamples, "Simulated data sets for the permutation test (R)",
              r::power_replicates, true);
    add_count(*sub, "--seed", o.seed, "Seed of the simulation", r::seed, true);
    add_output_options(*sub, a->output);
    sub->footer(
        "Give exactly two of --n, --effect, --power; the third is solved for.\n"
        "Columns: design,test,n,alpha,alternative,power,effect,solved,method,mc_se,n_real,p_floor,note\n"
        "  t:    noncentral t; two-sided power counts both tails (as pwr and power.t.test(strict = TRUE));\n"
        "        n_real is power.t.test's real-valued n, n the smallest whole n reaching the power.\n"
        "  perm: exact sign-flip (paired) / permutation (two-sample) test, power simulated under a\n"
        "        normal shift model (R data sets, seeded; mc_se its Monte Carlo SE). When the test's\n"
        "        p-floor exceeds alpha its power is 0 for every effect. Solved n is searched up to 200.\n"
        "  power is the power at the reported n and effect (>= the target when n or effect is solved).\n\n"
        "Example: the smallest standardized difference 5 v 5 detects with 80% power:\n"
        "  pilotstat power --design two-sample --n 5 --power 0.8 --format csv\n"
        "  (t: d = 2.02; exact permutation test: a little larger)\n"
        "Power of the paired sign-flip test with 5 pairs is 0 at alpha 0.05, two-sided:\n"
        "  pilotstat power --design paired --n 5 --effect 1.5 --test perm");
    sub->callback([a] { run_power(*a); });
}

}  // namespace pilotstat::cli
