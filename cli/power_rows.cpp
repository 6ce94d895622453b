#include "power_rows.hpp"

#include "pilotstat/power/permutation_power.hpp"

namespace pilotstat::cli {

namespace {
void start_row(report::ResultTable& t, const PowerOptions& o, const power::PowerSettings& s, const char* test,
               Solve solve) {
    t.add_row();
    t.set("design", std::string(power::to_string(s.design)));
    t.set("test", test);
    t.set("alpha", s.alpha);
    t.set("alternative", std::string(core::to_string(s.alternative)));
    t.set("solved", solve == Solve::power ? "power" : (solve == Solve::effect ? "effect" : "n"));
    if (solve != Solve::n) t.set("n", o.n);
    if (solve != Solve::effect) t.set("effect", o.effect);
    if (solve != Solve::power) t.set("power", o.power);
}

void simulated(report::ResultTable& t, const power::SimulatedPower& p) {
    t.set("power", p.power);
    t.set("method", p.method_label());
    if (p.replicates > 0) t.set("mc_se", p.mc_se);
    t.set("p_floor", p.p_floor);
    if (!p.note.empty()) t.set("note", p.note);
}
}  // namespace

report::ResultTable power_table() {
    using K = report::ColumnKind;
    return report::ResultTable({{"design", K::text}, {"test", K::text}, {"n", K::integer}, {"alpha", K::real},
                                {"alternative", K::text}, {"power", K::real}, {"effect", K::real},
                                {"solved", K::text}, {"method", K::text}, {"mc_se", K::real},
                                {"n_real", K::real}, {"p_floor", K::pvalue}, {"note", K::text}});
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

}  // namespace pilotstat::cli
