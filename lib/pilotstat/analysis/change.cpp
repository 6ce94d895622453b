#include "pilotstat/analysis/change.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "pilotstat/analysis/common_options.hpp"
#include "pilotstat/analysis/option_ranges.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/inference/sign_test.hpp"
#include "pilotstat/inference/signflip_test.hpp"
#include "pilotstat/stats/moments.hpp"
#include "pilotstat/stats/noncentral_t.hpp"
#include "pilotstat/stats/proportions.hpp"

namespace pilotstat::analysis {

const std::vector<std::string>& change_option_keys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> k{"from", "to", "conf", "alpha", "zero_method", "responder", "curve", "margin"};
        for (const auto& e : exact_option_keys()) k.push_back(e);
        for (const auto& b : boot_option_keys())
            if (std::find(k.begin(), k.end(), b) == k.end()) k.push_back(b);
        return k;
    }();
    return keys;
}

ChangeOptions change_options(const data::Study& study, const OptionMap& options) {
    const OptionReader opt(options);
    ChangeOptions o;
    if (opt.has("from")) o.from = one_time(study, opt.text("from", ""), "--from");
    if (opt.has("to")) o.to = time_list(study, opt.text("to", ""), "--to");
    o.exact = exact_options(opt);
    o.boot = boot_options(opt);
    o.conf = o.boot.conf;
    const auto zero = opt.text("zero_method", "pratt");
    if (zero == "pratt") o.zero_method = inference::ZeroMethod::pratt;
    else if (zero == "wilcoxon") o.zero_method = inference::ZeroMethod::wilcoxon;
    else throw UsageError("unknown zero method \"" + zero + "\" (valid: pratt, wilcoxon)");
    o.responder_pct = opt.real("responder", 50.0, ranges::responder);
    o.alpha = opt.real("alpha", 0.05, ranges::alpha);
    if (opt.has("margin")) o.margin = opt.real("margin", 1.0, ranges::margin);
    return o;
}

namespace {

// 0.9375 -> "93.75%" (as_percent) or "0.0625".
std::string format_level(double x, bool as_percent = true) {
    char buf[32];
    if (as_percent) std::snprintf(buf, sizeof buf, "%.4g%%", 100.0 * x);
    else std::snprintf(buf, sizeof buf, "%.4g", x);
    return buf;
}

void count_directions(ChangeRow& r, bool higher_is_worse) {
    for (double d : r.pairs.differences) {
        if (d == 0.0) ++r.unchanged;
        else if ((d < 0) == higher_is_worse) ++r.improved;
        else ++r.worsened;
    }
}

// Mean of each subject's percent change and the responders, both relative to
// a nonzero baseline score.
void percent_changes(ChangeRow& r, bool higher_is_worse, double responder_pct, double conf) {
    double sum = 0.0;
    for (std::size_t i = 0; i < r.pairs.from.size(); ++i) {
        const double base = r.pairs.from[i];
        if (base == 0.0) {
            ++r.zero_baselines;
            continue;
        }
        const double pct = r.pairs.differences[i] / base * 100.0;
        sum += pct;
        ++r.responder_base;
        const double improvement = higher_is_worse ? -pct : pct;
        if (improvement >= responder_pct - 1e-9) ++r.responders;  // tolerance: 50 % written as 0.5 x base
    }
    if (r.responder_base > 0) {
        r.mean_pct_change = sum / static_cast<double>(r.responder_base);
        r.responder_rate = static_cast<double>(r.responders) / static_cast<double>(r.responder_base);
        r.responder_ci = stats::clopper_pearson(static_cast<long>(r.responders), static_cast<long>(r.responder_base), conf);
    }
    if (r.zero_baselines > 0)
        r.notes.push_back(std::to_string(r.zero_baselines) +
                          " pair(s) with a zero baseline left out of mean_pct_change and responders");
}

void means(ChangeRow& r) {
    const auto& p = r.pairs;
    r.mean_from = stats::moments(p.from, p.exact_from).mean;
    r.mean_to = stats::moments(p.to, p.exact_to).mean;
    const auto summary = inference::summarize_differences(p.differences);
    r.mean_change = summary.mean;
    if (summary.n >= 2) r.sd_change = summary.sd;
    r.pct_change_of_means = stats::percent_change_of_means(p.from, p.exact_from, p.to, p.exact_to);
    if (!r.pct_change_of_means) r.notes.push_back("mean at the first time is 0: no percent change of means");
}

// The percent change of means on every available score (not only complete
// pairs): the other basis papers use when someone missed a visit.
void available_means(ChangeRow& r, const data::Study& study) {
    const auto a = single_sample(study, r.measure, r.group, r.from);
    const auto b = single_sample(study, r.measure, r.group, r.to);
    r.n_from_available = a.values.size();
    r.n_to_available = b.values.size();
    if (a.values.empty() || b.values.empty()) return;
    r.pct_change_of_means_available = stats::percent_change_of_means(a.values, a.exact, b.values, b.exact);
}

// The sign-flip inversion and the headline interval, with a note for every
// level below the one asked for and every interval that is not estimable.
void intervals(ChangeRow& r, const ChangeOptions& o) {
    const auto& d = r.pairs.differences;
    const std::string n = std::to_string(d.size());
    const bool all_equal = std::all_of(d.begin(), d.end(), [&](double x) { return x == d.front(); });
    r.signflip_curve = inference::sign_flip_shift_pvalues(d, o.exact);
    if (r.signflip_curve) {
        r.signflip_ci = inference::invert(*r.signflip_curve, o.conf, "sign-flip");
        const auto& ci = *r.signflip_ci;
        if (!ci.estimable)
            r.notes.push_back("signflip_ci not estimable: " +
                              (all_equal && d.size() > 1 ? "all " + n + " changes are equal (zero width)" : ci.reason));
        else if (ci.level_below_requested)
            r.notes.push_back("signflip_ci at " + format_level(ci.level) + ", the highest level " + n +
                              " pairs allow below the requested " + format_level(o.conf) +
                              " (smallest two-sided p " + format_level(1.0 - ci.level, false) + ")");
        if (ci.has_gaps) r.notes.push_back("signflip_ci: the shifts not rejected have gaps; their hull is shown");
    }
    if (o.margin) {
        auto g = o.exact, l = o.exact;
        g.alternative = core::Alternative::greater;
        l.alternative = core::Alternative::less;
        const auto fg = inference::sign_flip_shift_pvalues(d, g), fl = inference::sign_flip_shift_pvalues(d, l);
        if (fg && fl) {
            r.tost = inference::tost(*fg, *fl, *o.margin, o.alpha);
            if (!r.tost->possible)
                r.notes.push_back("TOST: no margin can be shown with " + n + " pairs at alpha = " +
                                  format_level(o.alpha, false) + " (smallest one-sided p " +
                                  format_level(r.tost->p_floor, false) + ")");
        }
    }
    if (r.t) {
        r.ci.emplace(r.t->ci).method = "t";
    } else if (d.size() >= 2 && all_equal) {
        r.notes.push_back("ci not estimable: all " + n + " changes are equal (zero SD)");
    }
}

// effects::hedges_gz(d) is cohens_dz(d) scaled by J(df), nullopt when J is
// not finite; scaling the dz already computed gives the same doubles without
// a second noncentral-t interval (the costliest part of a change row). A unit
// test compares it with hedges_gz.
std::optional<effects::PairedEffect> gz_from_dz(std::optional<effects::PairedEffect> e) {
    if (!e) return std::nullopt;
    const double j = stats::hedges_j(e->df);
    if (!std::isfinite(j)) return std::nullopt;
    e->estimate *= j;
    if (e->ci) {
        e->ci->low *= j;
        e->ci->high *= j;
    }
    return e;
}

void tests_and_effects(ChangeRow& r, const ChangeOptions& o) {
    const auto& d = r.pairs.differences;
    r.signflip = inference::signflip_test(d, o.exact);
    r.signrank = inference::signrank_test(d, o.exact, o.zero_method);
    r.sign = inference::sign_test(d, o.exact);
    r.t = inference::paired_t_test(d, o.exact.alternative, o.conf);
    r.dz = effects::cohens_dz(d, o.conf);
    r.gz = gz_from_dz(r.dz);
    r.d_av = effects::d_av(r.pairs.from, r.pairs.to);
    r.boot = bootstrap::mean_interval(d, o.boot);
    if (r.signflip && !r.signflip->note.empty()) r.notes.push_back(r.signflip->note);
    if (!r.t && d.size() >= 2) r.notes.push_back("all differences equal: no paired t test or dz (zero SD)");
    if (r.boot.note != bootstrap::IntervalNote::none)
        r.notes.push_back("bootstrap: " + std::string(bootstrap::note_code(r.boot.note)));
    intervals(r, o);
}

}  // namespace

ChangeRow change_row(const data::Study& study, std::size_t m, std::size_t g, std::size_t from, std::size_t to,
                     const ChangeOptions& o) {
    ChangeRow r;
    r.measure = m;
    r.group = g;
    r.from = from;
    r.to = to;
    r.pairs = paired_sample(study, m, g, from, to);
    available_means(r, study);
    const std::size_t n = r.pairs.differences.size();
    if (r.pairs.missing > 0)
        r.notes.push_back(std::to_string(r.pairs.missing) + " subject(s) without both scores left out");
    if (n == 0) {
        r.notes.push_back("no complete pairs");
        return r;
    }
    means(r);
    count_directions(r, study.higher_is_worse[m]);
    percent_changes(r, study.higher_is_worse[m], o.responder_pct, o.conf);
    if (n == 1) r.notes.push_back("one pair: no SD, t test, dz or bootstrap interval");
    tests_and_effects(r, o);
    return r;
}

std::vector<ChangeRow> change(const data::Study& study, const ChangeOptions& o) {
    require_two_times(study, "change");
    const std::size_t from = o.from.value_or(study.baseline);
    std::vector<std::size_t> to = o.to;
    if (to.empty())
        for (std::size_t t = from + 1; t < study.times.size(); ++t) to.push_back(t);
    if (to.empty()) throw DataError(SourceLocation{study.source, 0, 0},
                                    "no time after \"" + study.times[from] + "\" to compute change to (use --to)");
    for (auto t : to)
        if (t == from) throw UsageError("--from and --to are the same time (\"" + study.times[t] + "\")");
    std::vector<ChangeRow> rows;
    for (std::size_t m = 0; m < study.measures.size(); ++m)
        for (std::size_t g = 0; g < study.groups.size(); ++g)
            for (auto t : to) rows.push_back(change_row(study, m, g, from, t, o));
    return rows;
}

}  // namespace pilotstat::analysis
