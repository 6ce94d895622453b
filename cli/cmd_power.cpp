#include "cmd_power.hpp"

#include <memory>
#include <string>

#include "common.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/power/permutation_power.hpp"
#include "pilotstat/power/t_power.hpp"

namespace pilotstat::cli {

namespace {

using report::ColumnKind;

struct PowerOptions {
    std::string design, alternative = "two-sided", test = "all";
    int n = 0;
    double effect = 0.0, power = 0.0, alpha = 0.05;
    std::uint64_t resamples = 10000, seed = resample::kDefaultSeed;
    CLI::Option *n_opt = nullptr, *effect_opt = nullptr, *power_opt = nullptr;
    OutputArgs output;
};

enum class Solve { power, effect, n };

Solve solve_for(const PowerOptions& o) {
    const bool n = o.n_opt->count() > 0, e = o.effect_opt->count() > 0, p = o.power_opt->count() > 0;
    if (n + e + p != 2)
        throw UsageError("give exactly two of --n, --effect and --power (the third is solved for)");
    return !p ? Solve::power : (!e ? Solve::effect : Solve::n);
}

report::ResultTable make_table() {
    using K = ColumnKind;
    return report::ResultTable({{"design", K::text}, {"test", K::text}, {"n", K::integer}, {"alpha", K::real},
                                {"alternative", K::text}, {"power", K::real}, {"effect", K::real},
                                {"solved", K::text}, {"method", K::text}, {"mc_se", K::real},
                                {"n_real", K::real}, {"p_floor", K::pvalue}, {"note", K::text}});
}

void start_row(report::ResultTable& t, const PowerOptions& o, const power::PowerSettings& s, const char* test,
               Solve solve) {
    t.add_row();
    t.set("design", std::string(power::to_string(s.design)));
    t.set("test", test);
    t.set("alpha", s.alpha);
    t.set("alternative", std::string(inference::to_string(s.alternative)));
    t.set("solved", solve == Solve::power ? "power" : (solve == Solve::effect ? "effect" : "n"));
    if (solve != Solve::n) t.set("n", o.n);
    if (solve != Solve::effect) t.set("effect", o.effect);
    if (solve != Solve::power) t.set("power", o.power);
}

void t_row(report::ResultTable& t, const PowerOptions& o, const power::PowerSettings& s, Solve solve) {
    start_row(t, o, s, "t", solve);
    t.set("method", "noncentral-t");
    if (solve == Solve::power) {
        t.set("power", power::t_power(s, o.n, o.effect));
    } else if (solve == Solve::effect) {
        t.set("effect", power::t_min_effect(s, o.n, o.power));
    } else if (auto ss = power::t_sample_size(s, o.effect, o.power)) {
        t.set("n", ss->n);
        t.set("n_real", ss->n_real);
        t.set("power", ss->achieved);
    } else {
        t.set("note", power::kNoteNotReached);
    }
}

void simulated(report::ResultTable& t, const power::SimulatedPower& p) {
    t.set("power", p.power);
    t.set("method", p.method_label());
    if (p.replicates > 0) t.set("mc_se", p.mc_se);
    t.set("p_floor", p.p_floor);
    if (!p.note.empty()) t.set("note", p.note);
}

void perm_row(report::ResultTable& t, const PowerOptions& o, const power::PowerSettings& s, Solve solve) {
    start_row(t, o, s, "perm", solve);
    power::SimulationOptions sim;
    sim.replicates = o.resamples;
    sim.seed = o.seed;
    if (solve == Solve::power) {
        simulated(t, power::permutation_power(s, o.n, o.effect, sim));
    } else if (solve == Solve::effect) {
        const auto r = power::permutation_min_effect(s, o.n, o.power, sim);
        simulated(t, r.at);
        if (r.effect) t.set("effect", *r.effect);
        if (!r.note.empty()) t.set("note", r.note);
    } else {
        const auto r = power::permutation_sample_size(s, o.effect, o.power, sim);
        if (r.at.replicates > 0 || !r.at.note.empty()) simulated(t, r.at);
        if (r.n) t.set("n", *r.n);
        if (!r.note.empty()) t.set("note", r.note);
    }
}

void run_power(const PowerOptions& o) {
    const Solve solve = solve_for(o);
    power::PowerSettings s;
    s.design = power::parse_design(o.design);
    s.alternative = inference::parse_alternative(o.alternative);
    s.alpha = o.alpha;
    power::validate(s);
    if (solve != Solve::power && !(o.power > o.alpha && o.power < 1.0))
        throw UsageError("--power must be greater than --alpha and less than 1");
    auto table = make_table();
    if (o.test != "perm") t_row(table, o, s, solve);
    if (o.test != "t") perm_row(table, o, s, solve);
    emit(table, o.output);
}

}  // namespace

void setup_power(CLI::App& app) {
    auto o = std::make_shared<PowerOptions>();
    auto* sub = app.add_subcommand("power", "Power, minimal detectable effect or n needed (give two of n, effect, "
                                            "power), t-based and exact-permutation (simulated)");
    sub->add_option("--design", o->design, "paired (n pairs, effect dz) or two-sample (n per arm, effect d)")
        ->required()
        ->check(CLI::IsMember({"paired", "two-sample"}));
    o->n_opt = sub->add_option("--n", o->n, "Pairs (paired) or participants per arm (two-sample)")
                   ->check(CLI::Range(2, 100000));
    o->effect_opt = sub->add_option("--effect", o->effect, "Standardized effect: dz (paired) or d (two-sample)");
    o->power_opt = sub->add_option("--power", o->power, "Target power, e.g. 0.8");
    sub->add_option("--alpha", o->alpha, "Significance level")->capture_default_str();
    sub->add_option("--alternative", o->alternative, "two-sided, less or greater")
        ->capture_default_str()
        ->check(CLI::IsMember({"two-sided", "less", "greater"}));
    sub->add_option("--test", o->test, "t, perm or all")->capture_default_str()->check(CLI::IsMember({"t", "perm", "all"}));
    sub->add_option("--resamples", o->resamples, "Simulated data sets for the permutation test (R)")
        ->capture_default_str()
        ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100000000}));
    sub->add_option("--seed", o->seed, "Seed of the simulation")->capture_default_str();
    add_output_options(*sub, o->output);
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
    sub->callback([o] { run_power(*o); });
}

}  // namespace pilotstat::cli
