#include "pilotstat/analysis/power_table.hpp"

#include <algorithm>

#include "pilotstat/analysis/option_ranges.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/power/permutation_power.hpp"
#include "pilotstat/power/t_power.hpp"

namespace pilotstat::analysis {

namespace {

enum class Solve { power, effect, n };

Solve solve_power_for(const PowerOptions& o) {
    if (o.n.has_value() + o.effect.has_value() + o.power.has_value() != 2)
        throw UsageError("give exactly two of --n, --effect and --power (the third is solved for)");
    return !o.power ? Solve::power : (!o.effect ? Solve::effect : Solve::n);
}

report::ResultTable power_columns() {
    using K = report::ColumnKind;
    return report::ResultTable({{"design", K::text}, {"test", K::text}, {"n", K::integer}, {"alpha", K::real},
                                {"alternative", K::text}, {"power", K::real}, {"effect", K::real},
                                {"solved", K::text}, {"method", K::text}, {"mc_se", K::real},
                                {"n_real", K::real}, {"p_floor", K::pvalue}, {"note", K::text}});
}

void start_power_row(report::ResultTable& t, const PowerOptions& o, const power::PowerSettings& s, const char* test,
               Solve solve) {
    t.add_row();
    t.set("design", std::string(power::to_string(s.design)));
    t.set("test", test);
    t.set("alpha", s.alpha);
    t.set("alternative", std::string(core::to_string(s.alternative)));
    t.set("solved", solve == Solve::power ? "power" : (solve == Solve::effect ? "effect" : "n"));
    if (solve != Solve::n) t.set("n", *o.n);
    if (solve != Solve::effect) t.set("effect", *o.effect);
    if (solve != Solve::power) t.set("power", *o.power);
}

void set_simulated(report::ResultTable& t, const power::SimulatedPower& p) {
    t.set("power", p.power);
    t.set("method", p.method_label());
    if (p.replicates > 0) t.set("mc_se", p.mc_se);
    t.set("p_floor", p.p_floor);
    if (!p.note.empty()) t.set("note", p.note);
}

void t_row(report::ResultTable& t, const PowerOptions& o, const power::PowerSettings& s, Solve solve) {
    start_power_row(t, o, s, "t", solve);
    t.set("method", "noncentral-t");
    if (solve == Solve::power) {
        t.set("power", power::t_power(s, *o.n, *o.effect));
    } else if (solve == Solve::effect) {
        t.set("effect", power::t_min_effect(s, *o.n, *o.power));
    } else if (auto ss = power::t_sample_size(s, *o.effect, *o.power)) {
        t.set("n", ss->n);
        t.set("n_real", ss->n_real);
        t.set("power", ss->achieved);
    } else {
        t.set("note", power::kNoteNotReached);
    }
}

void perm_row(report::ResultTable& t, const PowerOptions& o, const power::PowerSettings& s, Solve solve) {
    start_power_row(t, o, s, "perm", solve);
    power::SimulationOptions sim;
    sim.replicates = o.resamples;
    sim.seed = o.seed;
    if (solve == Solve::power) {
        set_simulated(t, power::permutation_power(s, *o.n, *o.effect, sim));
    } else if (solve == Solve::effect) {
        const auto r = power::permutation_min_effect(s, *o.n, *o.power, sim);
        set_simulated(t, r.at);
        if (r.effect) t.set("effect", *r.effect);
        if (!r.note.empty()) t.set("note", r.note);
    } else {
        const auto r = power::permutation_sample_size(s, *o.effect, *o.power, sim);
        if (r.at.replicates > 0 || !r.at.note.empty()) set_simulated(t, r.at);
        if (r.n) t.set("n", *r.n);
        if (!r.note.empty()) t.set("note", r.note);
    }
}

void check_power_value(const std::string& key, const std::string& value, const std::vector<std::string>& valid) {
    if (std::find(valid.begin(), valid.end(), value) != valid.end()) return;
    std::string list;
    for (const auto& v : valid) list += (list.empty() ? "" : ", ") + v;
    throw UsageError(key + ": \"" + value + "\" is not one of " + list);
}

}  // namespace

const std::vector<std::string>& power_option_keys() {
    static const std::vector<std::string> keys{"design", "n",    "effect",    "power", "alpha",
                                               "alternative", "test", "resamples", "seed"};
    return keys;
}

PowerOptions power_options(const OptionMap& options) {
    const OptionReader opt(options);
    PowerOptions o;
    o.design = opt.text("design", "");
    if (opt.has("n")) o.n = static_cast<int>(opt.count("n", 0, ranges::power_n));
    if (opt.has("effect")) o.effect = opt.real("effect", 0, ranges::effect);
    if (opt.has("power")) o.power = opt.real("power", 0, ranges::power);
    o.alpha = opt.real("alpha", o.alpha, ranges::alpha);
    o.alternative = opt.text("alternative", o.alternative);
    o.test = opt.text("test", o.test);
    o.resamples = opt.count("resamples", o.resamples, ranges::power_replicates);
    o.seed = opt.count("seed", o.seed, ranges::seed);
    return o;
}

report::ResultTable power_table(const PowerOptions& o) {
    check_power_value("design", o.design, {"paired", "two-sample"});
    check_power_value("test", o.test, {"t", "perm", "all"});
    const Solve solve = solve_power_for(o);
    power::PowerSettings s;
    s.design = power::parse_design(o.design);
    s.alternative = core::parse_alternative(o.alternative);
    s.alpha = o.alpha;
    power::validate(s);
    if (solve != Solve::power && !(*o.power > o.alpha))  // --power < 1 is its range
        throw UsageError("--power must be greater than --alpha");
    auto table = power_columns();
    if (o.test != "perm") t_row(table, o, s, solve);
    if (o.test != "t") perm_row(table, o, s, solve);
    return table;
}

}  // namespace pilotstat::analysis
