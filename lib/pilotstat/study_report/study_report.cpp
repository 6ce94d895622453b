#include "pilotstat/study_report/study_report.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "pilotstat/analysis/common_options.hpp"
#include "pilotstat/analysis/option_ranges.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/explain/exact_sensitivity.hpp"
#include "pilotstat/explain/individual_reason.hpp"
#include "pilotstat/multiplicity/westfall_young.hpp"

namespace pilotstat::study_report {

// The report is built from the analyses and rendered with the generic renderers.
using namespace pilotstat::analysis;
using namespace pilotstat::report;

const std::vector<std::string>& report_option_keys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> k{"alpha", "power", "adjust", "family", "primary"};
        for (const auto& key : change_option_keys())
            if (std::find(k.begin(), k.end(), key) == k.end()) k.push_back(key);
        for (const auto& key : compare_option_keys())
            if (key != "at" && std::find(k.begin(), k.end(), key) == k.end()) k.push_back(key);
        k.push_back("rci_sd");
        return k;
    }();
    return keys;
}

namespace {
// --on BASIS and --primary: which between-arm analysis is primary, and on
// what basis the comparison beside ANCOVA is made (ReportOptions::primary).
void choose_primary(const data::Study& st, const OptionReader& opt, ReportOptions& o) {
    static const std::vector<std::string> bases{"ancova", "change", "raw", "slope", "auc"};
    const std::string on = opt.text("on", ""), primary = opt.text("primary", "");
    for (const auto& [flag, value] : {std::pair<std::string, std::string>{"--on", on}, {"--primary", primary}})
        if (!value.empty() && std::find(bases.begin(), bases.end(), value) == bases.end())
            throw UsageError("unknown " + flag + " \"" + value + "\" (valid: ancova, change, raw, slope, auc)");
    o.single_time = st.times.size() == 1;
    if (o.single_time) {
        if (!primary.empty() && primary != "raw")
            throw UsageError("--primary " + primary + " needs two time points; the study has one (\"" +
                             st.times.front() + "\"): the arms are compared on raw scores at it");
        o.primary = "raw";
        o.primary_flag = "";
        return;
    }
    if (st.groups.size() < 2 && !(on.empty() && primary.empty()))
        throw UsageError(std::string(on.empty() ? "--primary" : "--on") + " chooses the between-arm analysis; a "
                         "single-arm study has none (its report tests the change within the arm)");
    if (!on.empty() && !primary.empty() && primary != "ancova" && primary != on)
        throw UsageError("--primary " + primary + " and --on " + on + " name different analyses (with --on " + on +
                         " the primary analysis is " + (on == "ancova" ? "ancova" : on + " or ancova") + ")");
    o.primary = !primary.empty() ? primary : !on.empty() ? on : "ancova";
    o.primary_flag = !primary.empty() ? "--primary " + primary : !on.empty() ? "--on " + on : "--primary ancova";
}
}  // namespace

ReportOptions report_options(const data::Study& st, const OptionMap& options) {
    const OptionReader opt(options);
    ReportOptions o;
    o.settings.alpha = opt.real("alpha", 0.05, ranges::alpha);
    o.settings.power = opt.real("power", 0.8, ranges::power);
    if (!(o.settings.power > o.settings.alpha))  // a power at or below alpha is no test's aim
        throw UsageError("power (" + opt.text("power", "0.8") + ") must be greater than alpha (" +
                         opt.text("alpha", "0.05") + ")");
    o.adjust = opt.text("adjust", "holm");
    static const std::vector<std::string> methods{"holm", "hochberg", "BH", "bonferroni", "maxT", "none"};
    if (std::find(methods.begin(), methods.end(), o.adjust) == methods.end())
        throw UsageError("unknown adjustment \"" + o.adjust + "\" (valid: holm, hochberg, BH, bonferroni, maxT, none)");
    o.family = opt.text("family", "measures");
    if (o.family != "measures" && o.family != "times" && o.family != "all")
        throw UsageError("unknown --family \"" + o.family + "\" (valid: measures, times, all)");
    choose_primary(st, opt, o);
    OptionMap change_map = options, compare_map = options;
    for (const char* k : {"power", "adjust", "family", "primary", "on", "rci_sd", "time_values"}) change_map.erase(k);
    for (const char* k : {"power", "adjust", "family", "primary", "zero_method", "rci_sd"}) compare_map.erase(k);
    o.rci_sd = parse_rci_sd(opt.text("rci_sd", "instrument"));
    if (o.single_time) {
        // cross-sectional: the comparison is of raw scores at the only time
        // point (compare_options makes raw the default and refuses the rest)
        if (st.groups.size() < 2)
            throw UsageError("report needs two time points or two arms; the study has one of each (time \"" +
                             st.times.front() + "\", group \"" + st.groups.front() +
                             "\"): nothing to test, use describe for the scores");
        o.ancova = false;
        o.change = change_options(st, change_map);  // its levels and seed; no change is computed
        o.compare = compare_options(st, compare_map);
        return o;
    }
    if (!change_map.count("to")) change_map["to"] = st.times.back();
    o.change = change_options(st, change_map);
    compare_map.erase("to");
    if (o.change.to.size() == 1) compare_map["to"] = st.times[o.change.to.front()];
    // the comparison beside ANCOVA: on change unless --on names another basis
    const std::string on = opt.text("on", "change");
    compare_map["on"] = o.ancova_primary() ? (on == "ancova" ? "change" : on) : o.primary;
    o.compare = compare_options(st, compare_map);
    if (opt.has("time_values")) o.time_values = o.compare.time_values;
    return o;
}

namespace {

// Adjusts a set of p-values (nullopt entries stay out of the family).
std::vector<std::optional<double>> adjust(const std::vector<std::optional<double>>& p, const std::string& method) {
    return multiplicity::p_adjust(std::span<const std::optional<double>>(p),
                                  multiplicity::parse_adjust_method(method == "maxT" ? "holm" : method));
}

// Group indices of rows into families; `key` gives each row's family.
template <class Key>
std::map<std::string, std::vector<std::size_t>> families(std::size_t n, Key key) {
    std::map<std::string, std::vector<std::size_t>> out;
    for (std::size_t i = 0; i < n; ++i) out[key(i)].push_back(i);
    return out;
}

std::vector<explain::Adjustment> adjust_family(const std::vector<std::optional<double>>& p,
                                               const std::map<std::string, std::vector<std::size_t>>& fam,
                                               const ReportOptions& o, const std::string& family_name) {
    std::vector<explain::Adjustment> out(p.size());
    if (o.adjust == "none") return out;
    const std::string method = o.adjust == "maxT" ? "holm" : o.adjust;
    const std::string prose = explain::method_prose(
        std::string(multiplicity::to_string(multiplicity::parse_adjust_method(method))));
    for (const auto& [key, idx] : fam) {
        std::vector<std::optional<double>> sub;
        for (auto i : idx) sub.push_back(p[i]);
        const auto adj = adjust(sub, method);
        for (std::size_t k = 0; k < idx.size(); ++k) {
            // Leave-one-out verdicts: this member's p replaced, the others held fixed.
            auto readjust = [sub, k, method](double raw) {
                auto v = sub;
                v[k] = raw;
                return adjust(v, method)[k].value_or(raw);
            };
            // "over the 1 measure", not "the 1 measures"
            const bool one = idx.size() == 1 && family_name.rfind("measures", 0) == 0;
            out[idx[k]] = {adj[k], prose, idx.size(), one ? "measure" + family_name.substr(8) : family_name, readjust};
        }
    }
    return out;
}

}  // namespace

namespace {
// Adds the person-by-person reason to each between-arm change explanation.
void add_individual_reasons(const data::Study& st, StudyReport& r) {
    for (std::size_t i = 0; i < r.comparisons.size(); ++i) {
        const auto& c = r.comparisons[i];
        const std::string& measure = st.measures[c.measure];
        std::string note;
        for (const auto& row : r.individual.rows)
            if (row.measure == measure && !row.note.empty() && !row.rci) note = row.note.substr(0, row.note.find(';'));
        for (const auto& s : r.individual.summary)
            if (s.measure == measure && s.classification == "reliable_change") {
                const std::string& label = st.label(c.measure);
                if (auto reason = explain::individual_change_reason(s, label, kReliableChangeZ, note))
                    r.compare_expl.explanations[i].notes.push_back(std::move(*reason));
            }
    }
}
}  // namespace

StudyReport build_report(const data::Study& st, const ReportOptions& o, const data::NormsRegistry& norms) {
    StudyReport r;
    r.options = o;
    r.describe = describe(st, o.change.conf);
    if (!o.single_time) r.changes = change(st, o.change);  // one time point: no change to compute
    // A single-arm study has no between-arm comparison: the report is the
    // within-arm changes (each with NO_CONTROL) and the person-by-person view.
    const bool two_arms = st.groups.size() >= 2;
    if (two_arms) r.comparisons = compare(st, o.compare);
    if (o.ancova && two_arms) {
        CompareOptions ao = o.compare;
        ao.on = CompareOn::ancova;
        ao.bootstrap_intervals = false;  // ANCOVA's interval is the model's t interval
        r.ancova = compare(st, ao);
    }
    // p-values of the primary tests
    std::vector<std::optional<double>> p_change, p_compare, p_ancova;
    for (const auto& c : r.changes) p_change.push_back(c.signflip ? std::optional(c.signflip->p_value) : std::nullopt);
    for (const auto& c : r.comparisons) p_compare.push_back(c.perm ? std::optional(c.perm->p_value) : std::nullopt);
    for (const auto& c : r.ancova)
        p_ancova.push_back(c.ancova && c.ancova->fit ? std::optional(c.ancova->fit->permutation.p_value) : std::nullopt);
    std::vector<explain::Adjustment> a_change, a_compare, a_ancova;
    const bool by_time = o.family == "times";
    // Two arms: one family per pair across measures. Three or more: the
    // pairwise comparisons are adjusted across the pairs as well (Holm over
    // measures x pairs), so "which pairs differ" keeps the family-wise error.
    const bool k_arms = st.groups.size() > 2;
    auto pair_key = [k_arms](const std::vector<CompareRow>& rows) {
        return [&rows, k_arms](std::size_t i) {
            return k_arms ? std::string("pairs") : std::to_string(rows[i].group_a) + "/" + std::to_string(rows[i].group_b);
        };
    };
    const std::string pairs_family =
        k_arms ? "comparisons (" + explain::plural(st.measures.size(), "measure") + " x " +
                     explain::plural(st.groups.size() * (st.groups.size() - 1) / 2, "pair") + " of arms)"
               : "measures";
    // Within-arm changes: their own family (per arm and time across measures,
    // or per arm and measure across times) -- outside the primary family.
    a_change = adjust_family(p_change, families(p_change.size(), [&](std::size_t i) {
                                 const auto& c = r.changes[i];
                                 return by_time ? std::to_string(c.measure) + "/" + std::to_string(c.group)
                                                : std::to_string(c.to) + "/" + std::to_string(c.group);
                             }), o, by_time ? "times" : "measures");
    // Between arms: the primary analysis is the primary family (per pair of
    // arms across measures); the secondary analysis is adjusted in a family of its own.
    const bool change_primary = !o.ancova_primary();  // the comparison (on change or --on) is primary
    a_compare = adjust_family(p_compare, families(p_compare.size(), pair_key(r.comparisons)), o,
                              change_primary ? pairs_family : pairs_family + " (secondary analysis)");
    a_ancova = adjust_family(p_ancova, families(p_ancova.size(), pair_key(r.ancova)), o,
                             change_primary ? pairs_family + " (secondary analysis)" : pairs_family);
    if (o.family == "all") {
        // --family all: the within-arm changes join the primary between-arm family.
        const auto& p_primary = change_primary ? p_compare : p_ancova;
        std::vector<std::optional<double>> all = p_change;
        all.insert(all.end(), p_primary.begin(), p_primary.end());
        const auto adj = adjust_family(all, families(all.size(), [](std::size_t) { return std::string("all"); }), o,
                                       two_arms ? "tests of the primary family (primary between-arm analysis and "
                                                  "within-arm changes)"
                                                : "within-arm tests");
        a_change.assign(adj.begin(), adj.begin() + static_cast<long>(p_change.size()));
        (change_primary ? a_compare : a_ancova).assign(adj.begin() + static_cast<long>(p_change.size()), adj.end());
    }
    r.adjust_label = o.adjust == "none" ? "no multiplicity adjustment" : "";
    if (o.adjust == "maxT" && st.groups.size() == 2 && o.family != "all") {
        // Westfall–Young max-T jointly over measures for the between-arm change comparisons.
        std::vector<std::vector<double>> values(st.subjects.size(), std::vector<double>(st.measures.size(), NAN));
        std::vector<int> in_a(st.subjects.size(), 0);
        for (std::size_t s = 0; s < st.subjects.size(); ++s) in_a[s] = st.subject_group[s] == 0;
        for (const auto& c : r.comparisons) {
            for (std::size_t i = 0; i < c.a.subjects.size(); ++i) values[c.a.subjects[i]][c.measure] = c.a.values[i];
            for (std::size_t i = 0; i < c.b.subjects.size(); ++i) values[c.b.subjects[i]][c.measure] = c.b.values[i];
        }
        // Same statistic and subjects as the primary test (mean difference, available
        // cases); under joint relabeling the available arm sizes vary, so the max-T
        // marginal can differ from the permutation p: report the larger of the two.
        if (const auto wy = multiplicity::westfall_young_maxt(values, in_a, o.compare.exact))
            for (std::size_t i = 0; i < r.comparisons.size(); ++i) {
                const double p_wy = wy->p_adjusted[r.comparisons[i].measure];
                a_compare[i] = {p_compare[i] ? std::max(p_wy, *p_compare[i]) : p_wy, "Westfall-Young max-T",
                                st.measures.size(),
                                "measures (joint relabeling, each measure on its available cases; at least the "
                                "unadjusted p)",
                                {}};
            }
    }
    // One simulation per design of the exact tests' sensitivity, shared by every row.
    explain::Settings settings = o.settings;
    if (!settings.sensitivity_cache) settings.sensitivity_cache = std::make_shared<explain::SensitivityCache>();
    std::vector<explain::MeasureKnowledge> know;
    for (std::size_t m = 0; m < st.measures.size(); ++m)
        know.push_back(explain::measure_knowledge(st, m, o.compare.from, norms));
    for (std::size_t i = 0; i < r.changes.size(); ++i) {
        auto e = explain::explain_change(st, r.changes[i], o.change, settings, a_change[i], know[r.changes[i].measure]);
        if (two_arms) e.role = "secondary";  // within-arm tests do not compare the arms
        r.change_expl.explanations.push_back(std::move(e));
    }
    for (std::size_t i = 0; i < r.comparisons.size(); ++i) {
        auto e = explain::explain_compare(st, r.comparisons[i], o.compare, settings, a_compare[i],
                                          know[r.comparisons[i].measure]);
        e.role = change_primary ? "primary" : "secondary";
        r.compare_expl.explanations.push_back(std::move(e));
    }
    IndividualOptions io;
    io.from = st.times[o.compare.from];
    io.to = {st.times[o.compare.to]};
    io.rci_sd = o.rci_sd;
    if (!o.single_time) r.individual = individual_change(st, norms, io);
    // the person-by-person reason speaks of change: only beside a comparison of change
    if (st.groups.size() >= 2 && o.compare.on == CompareOn::change) add_individual_reasons(st, r);
    for (std::size_t i = 0; i < r.changes.size(); ++i) {  // "improved" by the reliable-change threshold, where known
        const auto& c = r.changes[i];
        if (auto note = explain::reliable_change_note(r.individual.rows, st.measures[c.measure], st.groups[c.group],
                                                      st.times[c.from], st.times[c.to], kReliableChangeZ))
            r.change_expl.explanations[i].notes.push_back(std::move(*note));
    }
    CompareOptions ao = o.compare;
    ao.on = CompareOn::ancova;
    for (std::size_t i = 0; i < r.ancova.size(); ++i) {
        auto e = explain::explain_compare(st, r.ancova[i], ao, settings, a_ancova[i], know[r.ancova[i].measure]);
        e.role = change_primary ? "secondary" : "primary";
        r.ancova_expl.explanations.push_back(std::move(e));
    }
    if (r.adjust_label.empty() && !two_arms && !a_change.empty() && a_change[0].p_adjusted)
        r.adjust_label = a_change[0].method + " adjustment over the " + std::to_string(a_change[0].family_size) + " " +
                         a_change[0].family;
    const auto& a_primary = change_primary ? a_compare : a_ancova;
    if (r.adjust_label.empty() && !a_primary.empty() && a_primary[0].p_adjusted)
        r.adjust_label = a_primary[0].method + " adjustment over the " + std::to_string(a_primary[0].family_size) + " " +
                         a_primary[0].family;
    if (r.adjust_label.empty()) r.adjust_label = "no multiplicity adjustment";
    if (o.adjust == "maxT" && !change_primary && two_arms)  // max-T is computed for the comparison, not ANCOVA
        r.adjust_label += " (Westfall-Young max-T is not computed for ANCOVA: Holm for the ANCOVA family; max-T "
                          "applies to the " + std::string(to_string(o.compare.on)) + "-score comparison only)";
    else if (o.adjust == "maxT" && !two_arms)
        r.adjust_label += " (Westfall-Young max-T needs exactly two arms: Holm used instead)";
    else if (o.adjust == "maxT" && o.family == "all")
        r.adjust_label += " (Westfall-Young max-T is not computed with --family all: Holm used instead)";
    if (o.adjust == "maxT" && !r.changes.empty() && o.family != "all")
        r.adjust_label += " (within-arm changes: Holm)";
    r.summary = report_summary(st, r);
    add_plan_section(st, norms, r);
    return r;
}

}  // namespace pilotstat::study_report
