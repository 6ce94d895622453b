#include "pilotstat/analysis/compare.hpp"

#include "pilotstat/analysis/ancova_omnibus.hpp"

#include <cmath>
#include <cstdio>

#include "pilotstat/analysis/pairs.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/effects/cliffs_delta.hpp"
#include "pilotstat/effects/cliffs_delta_score.hpp"
#include "pilotstat/inference/permutation_test.hpp"
#include "pilotstat/models/summary_measures.hpp"
#include "pilotstat/stats/moments.hpp"

namespace pilotstat::analysis {

namespace {

// slope/auc: the subject's scores at the times it has (slope needs 2; AUC all).
std::optional<double> summary_measure(const data::Study& st, std::size_t m, std::size_t s, const CompareOptions& o) {
    std::vector<double> x, y;
    for (std::size_t t = 0; t < st.times.size(); ++t)
        if (const auto& sc = st.at(m, s, t)) {
            x.push_back(o.time_values[t]);
            y.push_back(sc->value);
        }
    if (o.on == CompareOn::slope) return x.size() >= 2 ? models::subject_slope(x, y) : std::nullopt;
    if (x.size() != st.times.size()) return std::nullopt;
    return models::subject_time_averaged_auc(x, y);
}

}  // namespace

namespace {

std::string format_number(double x, bool as_percent = false) {
    char buf[32];
    if (as_percent) std::snprintf(buf, sizeof buf, "%.4g%%", 100.0 * x);
    else std::snprintf(buf, sizeof buf, "%.4g", x);
    return buf;
}

void add_perm_ci(CompareRow& r, const CompareOptions& o) {
    const auto& a = r.a.values;
    const auto& b = r.b.values;
    r.perm_curve = inference::two_sample_shift_pvalues(a, b, o.exact);
    if (!r.perm_curve) return;
    r.perm_ci = inference::invert(*r.perm_curve, o.conf, "permutation");
    const auto& ci = *r.perm_ci;
    const std::string sizes = std::to_string(a.size()) + " v " + std::to_string(b.size());
    if (!ci.estimable)
        r.notes.push_back("perm_ci not estimable: " + ci.reason);
    else if (ci.level_below_requested)
        r.notes.push_back("perm_ci at " + format_number(ci.level, true) + ", the highest level " + sizes +
                          " allows below the requested " + format_number(o.conf, true));
    if (ci.has_gaps) r.notes.push_back("perm_ci: the shifts not rejected have gaps; their hull is shown");
    if (o.margin) {
        auto g = o.exact, l = o.exact;
        g.alternative = core::Alternative::greater;
        l.alternative = core::Alternative::less;
        const auto fg = inference::two_sample_shift_pvalues(a, b, g), fl = inference::two_sample_shift_pvalues(a, b, l);
        if (fg && fl) {
            r.tost = inference::tost(*fg, *fl, *o.margin, o.alpha);
            if (!r.tost->possible)
                r.notes.push_back("TOST: no margin can be shown with " + sizes + " at alpha = " +
                                  format_number(o.alpha) + " (smallest one-sided p " +
                                  format_number(r.tost->p_floor) + ")");
        }
    }
}

}  // namespace

GroupValues group_values(const data::Study& st, std::size_t m, std::size_t g, const CompareOptions& o) {
    GroupValues out;
    if (o.on == CompareOn::change || o.on == CompareOn::ancova) {
        const auto p = paired_sample(st, m, g, o.from, o.to);
        out.subjects = p.subjects;
        out.missing = p.missing;
        if (o.on == CompareOn::change) {
            out.values = p.differences;
            out.exact = p.exact_differences;
        } else {
            out.values = p.to;
            out.exact = p.exact_to;  // the two-sample tests then compare the post scores of complete cases
            out.baseline = p.from;
            out.post = p.to;
        }
        return out;
    }
    if (o.on == CompareOn::raw) {
        const auto s = single_sample(st, m, g, o.to);
        out.subjects = s.subjects;
        out.values = s.values;
        out.exact = s.exact;
        out.missing = s.missing;
        return out;
    }
    for (auto s : subjects_by_id(st, g)) {
        if (const auto v = summary_measure(st, m, s, o)) {
            out.subjects.push_back(s);
            out.values.push_back(*v);
        } else {
            ++out.missing;
        }
    }
    return out;
}

void compare_values(CompareRow& r, const CompareOptions& o) {
    const auto& a = r.a.values;
    const auto& b = r.b.values;
    if (!a.empty()) r.mean_a = stats::moments(a, r.a.exact).mean;
    if (!b.empty()) r.mean_b = stats::moments(b, r.b.exact).mean;
    if (a.empty() || b.empty()) {
        r.notes.push_back("a group has no complete data: no comparison");
        return;
    }
    r.perm = inference::permutation_test(a, b, o.exact);
    // From the exact sums when every value is exact: one rounding.
    const auto exact_diff = r.a.exact.size() == a.size() && r.b.exact.size() == b.size()
                                ? stats::difference_of_means(r.b.exact, r.a.exact)
                                : std::nullopt;
    r.mean_diff = exact_diff ? *exact_diff : r.perm ? r.perm->statistic : *r.mean_a - *r.mean_b;
    add_perm_ci(r, o);
    r.wmw = inference::wmw_test(a, b, o.exact);
    r.welch = inference::welch_t_test(a, b, o.exact.alternative, o.conf);
    r.student = inference::student_t_test(a, b, o.exact.alternative, o.conf);
    r.hedges = effects::hedges_g(a, b, o.conf);
    r.cliffs_delta = effects::cliffs_delta(a, b);
    r.hl = effects::hodges_lehmann(a, b, o.conf);
    if (a.size() >= 2 && b.size() >= 2) {
        if (o.bootstrap_intervals) r.boot = bootstrap::mean_difference_interval(a, b, o.boot);
        r.delta_ci = effects::cliffs_delta_score_interval(a, b, o.conf);
    } else {
        r.notes.push_back("a group has one subject: no t tests, effect-size intervals or bootstrap");
    }
    if (r.welch) {
        r.ci.emplace(r.welch->ci).method = "welch";
    } else if (a.size() >= 2 && b.size() >= 2) {
        r.notes.push_back("ci not estimable: no spread in either group (Welch's standard error is 0)");
    }
    if (r.perm && !r.perm->note.empty()) r.notes.push_back(r.perm->note);
    if (!r.hedges.note.empty()) r.notes.push_back("hedges_g: " + r.hedges.note);
    if (r.boot && r.boot->note != bootstrap::IntervalNote::none)
        r.notes.push_back("bootstrap: " + std::string(bootstrap::note_code(r.boot->note)));
}

namespace {

void add_ancova(CompareRow& r, const CompareOptions& o) {
    if (r.a.values.empty() || r.b.values.empty()) return;
    r.ancova = models::ancova(r.a.post, r.a.baseline, r.b.post, r.b.baseline, o.conf, o.exact);
    r.ci.reset();
    if (r.ancova->fit) r.ci.emplace(r.ancova->fit->ci).method = "ancova t";
    if (!r.ancova->note.empty()) r.notes.push_back("ancova: " + r.ancova->note);
    if (!r.ancova->fit || !r.ancova->fit->shift_pvalues) return;
    r.adj_perm_ci = inference::invert(*r.ancova->fit->shift_pvalues, o.conf, "ancova permutation");
    const auto& ci = *r.adj_perm_ci;
    if (!ci.estimable)
        r.notes.push_back("adj_perm_ci not estimable: " + ci.reason);
    else if (ci.level_below_requested)
        r.notes.push_back("adj_perm_ci at " + format_number(ci.level, true) + ", the highest level " +
                          std::to_string(r.a.values.size()) + " v " + std::to_string(r.b.values.size()) +
                          " allows below the requested " + format_number(o.conf, true));
    if (ci.has_gaps) r.notes.push_back("adj_perm_ci: the shifts not rejected have gaps; their hull is shown");
}

void add_k_sample(std::vector<CompareRow>& rows, std::size_t first, const data::Study& st, std::size_t m,
                  const CompareOptions& o) {
    std::vector<std::vector<double>> groups, post, baseline;
    for (std::size_t g = 0; g < st.groups.size(); ++g) {
        auto v = group_values(st, m, g, o);
        if (v.values.empty()) continue;
        groups.push_back(std::move(v.values));
        post.push_back(std::move(v.post));
        baseline.push_back(std::move(v.baseline));
    }
    if (groups.size() < 3) return;
    // ANCOVA: the omnibus test of the adjusted arm differences (the post
    // scores' one-way F would ignore the baseline); no rank version of it.
    const bool ancova = o.on == CompareOn::ancova;
    const auto anova = ancova ? ancova_omnibus_test(post, baseline, o.exact) : inference::anova_permutation_test(groups, o.exact);
    const auto kw = ancova ? std::nullopt : inference::kruskal_wallis_test(groups, o.exact);
    for (std::size_t i = first; i < rows.size(); ++i) {
        rows[i].k_anova = anova;
        rows[i].k_kruskal = kw;
        rows[i].k_groups = groups.size();
    }
}

}  // namespace

std::vector<CompareRow> compare(const data::Study& st, const CompareOptions& o) {
    if (st.groups.size() < 2)
        throw UsageError("compare needs at least two groups; the data have one (\"" + st.groups.front() +
                         "\"): a single-arm study has no between-arm comparison (use change, individual or report, "
                         "which test the change within the arm)");
    std::vector<CompareRow> rows;
    for (std::size_t m = 0; m < st.measures.size(); ++m) {
        const std::size_t first = rows.size();
        for (std::size_t ga = 0; ga < st.groups.size(); ++ga) {
            for (std::size_t gb = ga + 1; gb < st.groups.size(); ++gb) {
                CompareRow& r = rows.emplace_back();  // built in place (GCC 12 warns on moving optional members)
                r.measure = m;
                r.group_a = ga;
                r.group_b = gb;
                r.a = group_values(st, m, ga, o);
                r.b = group_values(st, m, gb, o);
                if (o.single_time)
                    r.notes.push_back("raw scores at " + st.times[o.to] + ", the only time point (cross-sectional "
                                      "data): a difference between the arms at one time, not a change");
                if (r.a.missing + r.b.missing > 0)
                    r.notes.push_back(std::to_string(r.a.missing + r.b.missing) +
                                      " subject(s) without the data for this comparison left out");
                compare_values(r, o);
                if (o.on == CompareOn::ancova) add_ancova(r, o);
            }
        }
        if (st.groups.size() >= 3) add_k_sample(rows, first, st, m, o);
    }
    return rows;
}

}  // namespace pilotstat::analysis
