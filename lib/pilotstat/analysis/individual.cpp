#include "pilotstat/analysis/individual.hpp"

#include "pilotstat/analysis/common_options.hpp"

#include <cmath>
#include <cstdio>

#include "pilotstat/error.hpp"
#include "pilotstat/stats/descriptive.hpp"

namespace pilotstat::analysis {

RciSd parse_rci_sd(const std::string& text) {
    if (text == "instrument") return RciSd::instrument;
    if (text == "baseline") return RciSd::baseline;
    throw UsageError("unknown --rci-sd \"" + text + "\" (valid: instrument, baseline)");
}

double standard_error_of_measurement(double sd, double reliability) { return sd * std::sqrt(1.0 - reliability); }
double standard_error_of_difference(double sd, double reliability) {
    return std::sqrt(2.0) * standard_error_of_measurement(sd, reliability);
}
double reliable_change_index(double score_from, double score_to, double s_diff) {
    return (score_to - score_from) / s_diff;
}

std::string to_string(Criterion c) {
    switch (c) {
        case Criterion::a: return "a";
        case Criterion::b: return "b";
        case Criterion::c: return "c";
        case Criterion::published: return "published";
    }
    return "";
}
double criterion_a(double m, double sd, bool higher_is_worse) { return higher_is_worse ? m - 2 * sd : m + 2 * sd; }
double criterion_b(double m, double sd, bool higher_is_worse) { return higher_is_worse ? m + 2 * sd : m - 2 * sd; }
double criterion_c(double m_clin, double sd_clin, double m_func, double sd_func) {
    return (sd_clin * m_func + sd_func * m_clin) / (sd_clin + sd_func);
}

std::optional<Cutoff> choose_cutoff(const data::InstrumentNorms& n, bool hiw) {
    const bool clin = n.clinical_mean && n.clinical_sd, func = n.functional_mean && n.functional_sd;
    if (clin && func)
        return Cutoff{criterion_c(*n.clinical_mean, *n.clinical_sd, *n.functional_mean, *n.functional_sd),
                      Criterion::c, n.norms_source};
    if (n.cutoff) return Cutoff{*n.cutoff, Criterion::published, n.cutoff_source};
    if (func) return Cutoff{criterion_b(*n.functional_mean, *n.functional_sd, hiw), Criterion::b, n.norms_source};
    if (clin) return Cutoff{criterion_a(*n.clinical_mean, *n.clinical_sd, hiw), Criterion::a, n.norms_source};
    return std::nullopt;
}

bool in_clinical_range(double score, const Cutoff& c, bool hiw) {
    const double x = hiw ? score : -score, cut = hiw ? c.value : -c.value;
    return c.criterion == Criterion::b ? x > cut : x >= cut;
}

std::string to_string(Reliable r) {
    switch (r) {
        case Reliable::improved: return "improved";
        case Reliable::deteriorated: return "deteriorated";
        case Reliable::none: return "none";
    }
    return "";
}
std::string to_string(Clinical c) {
    switch (c) {
        case Clinical::recovered: return "recovered";
        case Clinical::improved: return "improved";
        case Clinical::unchanged: return "unchanged";
        case Clinical::deteriorated: return "deteriorated";
    }
    return "";
}

Reliable classify_reliable(double rci, double z, bool hiw) {
    if (std::fabs(rci) <= z) return Reliable::none;
    return (rci < 0) == hiw ? Reliable::improved : Reliable::deteriorated;
}

Clinical classify_clinical(Reliable r, bool clinical_before, bool clinical_after) {
    if (r == Reliable::deteriorated) return Clinical::deteriorated;
    if (r == Reliable::none) return Clinical::unchanged;
    return clinical_before && !clinical_after ? Clinical::recovered : Clinical::improved;
}

namespace {

std::string fmt(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", x);
    return buf;
}

void add_note(std::string& note, const std::string& text) {
    if (text.empty()) return;
    if (!note.empty()) note += "; ";
    note += text;
}

// What is known for one measure, resolved once.
struct Knowledge {
    bool hiw = true;
    const data::InstrumentNorms* norms = nullptr;
    std::optional<double> reliability, sd, s_diff;
    std::string sd_source, mcid;
    std::optional<Cutoff> cutoff;
    std::string rci_note, cutoff_note, band_note, mcid_note;
};

std::optional<double> baseline_sd(const data::Study& study, std::size_t m, std::size_t& n) {
    std::vector<double> v;
    std::vector<data::Rational> exact;
    for (std::size_t s = 0; s < study.subjects.size(); ++s)
        if (const auto& sc = study.at(m, s, study.baseline)) {
            v.push_back(sc->value);
            if (sc->exact) exact.push_back(*sc->exact);
        }
    if (exact.size() != v.size()) exact.clear();
    n = v.size();
    const auto sd = stats::summarize(v, exact, 0.95).sd;
    return sd && *sd > 0 ? sd : std::nullopt;
}

std::string how(const std::string& what, const std::string& name) {
    return what + " unknown for " + name + ": supply ";
}

void resolve_rci(Knowledge& k, const data::Study& study, std::size_t m, RciSd mode) {
    const std::string& name = study.measures[m];
    if (k.norms) k.reliability = k.norms->reliability;
    if (mode == RciSd::baseline) {
        std::size_t n = 0;
        k.sd = baseline_sd(study, m, n);
        k.sd_source = "baseline (SD of " + std::to_string(n) + " scores at " + study.times[study.baseline] + ")";
        if (!k.sd) add_note(k.rci_note, "baseline SD unavailable for " + name + " (fewer than 2 scores or all equal)");
    } else if (k.norms && k.norms->sd) {
        k.sd = k.norms->sd;
        k.sd_source = "instrument (" + k.norms->sd_source + ")";
    }
    if (!k.reliability && !k.sd && mode == RciSd::instrument)
        add_note(k.rci_note, how("reliability and SD", name) +
                                 "reliability and sd with --instruments FILE (sd also by --rci-sd baseline)");
    else if (!k.reliability)
        add_note(k.rci_note, how("reliability", name) + "reliability with --instruments FILE");
    else if (!k.sd && mode == RciSd::instrument)
        add_note(k.rci_note, how("SD for the RCI", name) + "sd with --instruments FILE or use --rci-sd baseline");
    if (k.reliability && k.sd) k.s_diff = standard_error_of_difference(*k.sd, *k.reliability);
}

Knowledge resolve(const data::Study& study, const data::NormsRegistry& reg, std::size_t m, RciSd mode) {
    Knowledge k;
    const std::string& name = study.measures[m];
    k.hiw = study.higher_is_worse[m];
    k.norms = reg.find(name);
    resolve_rci(k, study, m, mode);
    if (k.norms) k.cutoff = choose_cutoff(*k.norms, k.hiw);
    if (!k.cutoff)
        k.cutoff_note = how("cut-off", name) +
                        "cutoff, or clinical_mean/clinical_sd and functional_mean/functional_sd, with --instruments FILE";
    if (!k.norms || k.norms->bands.empty()) k.band_note = how("severity bands", name) + "bands with --instruments FILE";
    if (k.norms && k.norms->mcid_points) k.mcid = fmt(*k.norms->mcid_points) + " points";
    if (k.norms && k.norms->mcid_percent) add_note(k.mcid, fmt(*k.norms->mcid_percent) + "%");
    if (k.mcid.empty()) k.mcid_note = how("MCID", name) + "mcid_points or mcid_percent with --instruments FILE";
    return k;
}

std::string band_of(const Knowledge& k, double score, std::string& note) {
    if (!k.norms || k.norms->bands.empty()) return "";
    if (const auto* b = data::find_band(k.norms->bands, score)) return b->label;
    add_note(note, "score " + fmt(score) + " lies in no severity band");
    return "";
}

// Reached when the improvement is at least the MCID in points or in percent
// of score_from (either suffices); nullopt when neither can be judged.
std::optional<bool> mcid_reached(const Knowledge& k, double from, double to, std::string& note) {
    if (!k.norms) return std::nullopt;
    const double gain = k.hiw ? from - to : to - from, tol = 1e-9;
    std::optional<bool> reached;
    if (k.norms->mcid_points) reached = gain >= *k.norms->mcid_points * (1 - tol);
    if (k.norms->mcid_percent) {
        if (from == 0) add_note(note, "percent MCID undefined: score_from is 0");
        else reached = reached.value_or(false) || 100 * gain / std::fabs(from) >= *k.norms->mcid_percent * (1 - tol);
    }
    return reached;
}

IndividualRow make_row(const data::Study& study, std::size_t m, std::size_t s, std::size_t from, std::size_t to,
                       const Knowledge& k, double z) {
    IndividualRow r;
    r.subject = study.subjects[s];
    r.group = study.groups[study.subject_group[s]];
    r.measure = study.measures[m];
    r.from = study.times[from];
    r.to = study.times[to];
    r.reliability = k.reliability;
    r.sd = k.sd;
    r.s_diff = k.s_diff;
    r.sd_source = k.sd ? k.sd_source : "";
    if (k.cutoff) r.cutoff = k.cutoff->value, r.criterion = to_string(k.cutoff->criterion);
    r.mcid = k.mcid;
    const auto& a = study.at(m, s, from);
    const auto& b = study.at(m, s, to);
    if (a) r.score_from = a->value, r.band_from = band_of(k, a->value, r.note);
    if (b) r.score_to = b->value, r.band_to = band_of(k, b->value, r.note);
    if (!a || !b) {
        const std::string which = !a && !b ? r.from + " and " + r.to : (!a ? r.from : r.to);
        add_note(r.note, "score at " + which + " missing");
        return r;
    }
    r.change = b->value - a->value;
    if (a->value != 0) r.pct_change = 100.0 * *r.change / a->value;
    else add_note(r.note, "pct_change undefined: score_from is 0");
    if (k.s_diff) r.rci = reliable_change_index(a->value, b->value, *k.s_diff);
    if (r.rci) r.reliable = classify_reliable(*r.rci, z, k.hiw);
    add_note(r.note, k.rci_note);
    if (r.reliable && k.cutoff)
        r.clinical = classify_clinical(*r.reliable, in_clinical_range(a->value, *k.cutoff, k.hiw),
                                       in_clinical_range(b->value, *k.cutoff, k.hiw));
    if (r.reliable) add_note(r.note, k.cutoff_note);
    add_note(r.note, k.band_note);
    r.mcid_reached = mcid_reached(k, a->value, b->value, r.note);
    add_note(r.note, k.mcid_note);
    return r;
}

// An unknown time name is a data error (exit 3), as in change and compare.
std::size_t time_or_throw(const data::Study& study, const std::string& name, const std::string& option) {
    return one_time(study, name, option);
}

std::vector<std::size_t> target_times(const data::Study& study, std::size_t from, const IndividualOptions& o) {
    std::vector<std::size_t> to;
    if (o.to.empty())
        for (std::size_t t = from + 1; t < study.times.size(); ++t) to.push_back(t);
    for (const auto& name : o.to) {
        const auto t = time_or_throw(study, name, "--to");
        if (t <= from) throw UsageError("--to " + name + " is not after --from " + study.times[from]);
        to.push_back(t);
    }
    return to;
}

}  // namespace

IndividualResult individual_change(const data::Study& study, const data::NormsRegistry& norms,
                                   const IndividualOptions& o) {
    if (!(o.rci_z > 0) || !std::isfinite(o.rci_z)) throw UsageError("--rci-z must be a positive number");
    require_two_times(study, "individual change");
    const std::size_t from = o.from.empty() ? study.baseline : time_or_throw(study, o.from, "--from");
    const auto to = target_times(study, from, o);
    IndividualResult result;
    for (std::size_t m = 0; m < study.measures.size(); ++m) {
        const Knowledge k = resolve(study, norms, m, o.rci_sd);
        for (const auto t : to) {
            const std::size_t first = result.rows.size();
            for (std::size_t g = 0; g < study.groups.size(); ++g)
                for (const auto s : study.subjects_in(g)) result.rows.push_back(make_row(study, m, s, from, t, k, o.rci_z));
            const std::vector<IndividualRow> block(result.rows.begin() + static_cast<std::ptrdiff_t>(first),
                                                   result.rows.end());
            for (auto& s : summarize_categories(study, block)) result.summary.push_back(std::move(s));
        }
    }
    return result;
}

report::ResultTable individual_table(const std::vector<IndividualRow>& rows) {
    using report::ColumnKind;
    const auto T = ColumnKind::text, R = ColumnKind::real;
    report::ResultTable table({{"subject", T},      {"group", T},        {"measure", T},
                               {"from", T},         {"to", T},           {"score_from", R},
                               {"score_to", R},     {"change", R},       {"pct_change", R},
                               {"rci", R},          {"reliable_change", T}, {"clinical_change", T},
                               {"band_from", T},    {"band_to", T},      {"mcid_reached", T},
                               {"reliability", R},  {"sd", R},           {"sd_source", T},
                               {"s_diff", R},       {"cutoff", R},       {"criterion", T},
                               {"mcid", T},         {"note", T}});
    auto text = [&](const char* col, const std::string& v) {
        if (!v.empty()) table.set(col, v);
    };
    for (const auto& r : rows) {
        table.add_row();
        for (auto [col, v] : {std::pair{"subject", &r.subject}, {"group", &r.group}, {"measure", &r.measure},
                              {"from", &r.from}, {"to", &r.to}, {"band_from", &r.band_from},
                              {"band_to", &r.band_to}, {"sd_source", &r.sd_source}, {"criterion", &r.criterion},
                              {"mcid", &r.mcid}, {"note", &r.note}})
            text(col, *v);
        for (auto [col, v] : {std::pair{"score_from", &r.score_from}, {"score_to", &r.score_to},
                              {"change", &r.change}, {"pct_change", &r.pct_change}, {"rci", &r.rci},
                              {"reliability", &r.reliability}, {"sd", &r.sd}, {"s_diff", &r.s_diff},
                              {"cutoff", &r.cutoff}})
            table.set(col, *v);
        if (r.reliable) table.set("reliable_change", to_string(*r.reliable));
        if (r.clinical) table.set("clinical_change", to_string(*r.clinical));
        if (r.mcid_reached) table.set("mcid_reached", *r.mcid_reached ? "yes" : "no");
    }
    return table;
}

}  // namespace pilotstat::analysis
