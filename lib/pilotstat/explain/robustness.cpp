#include "pilotstat/explain/robustness.hpp"

#include <cmath>
#include <vector>

#include "pilotstat/inference/permutation_test.hpp"
#include "pilotstat/inference/signflip_test.hpp"
#include "pilotstat/models/ancova.hpp"

namespace pilotstat::explain {

namespace {

struct LeftOut {
    std::string who;
    double estimate = 0;
    std::optional<double> p;  // raw p of the primary test without them
};

template <class T>
std::vector<T> without(const std::vector<T>& v, std::size_t i) {
    std::vector<T> out;
    for (std::size_t j = 0; j < v.size(); ++j)
        if (j != i) out.push_back(v[j]);
    return out;
}

// The verdict is judged on the adjusted p: each re-analysis's raw p goes
// through the family's adjustment with the other members' p held fixed.
Robustness summarise(const std::vector<LeftOut>& runs, const std::string& what, double alpha, const Adjustment& adj,
                     bool significant, const std::optional<NamedValue>& sd) {
    Robustness r;
    r.left_out = runs.size();
    r.estimate_min = r.estimate_max = runs.front().estimate;
    r.without_min = r.without_max = runs.front().who;
    r.verdict_recomputed = true;
    r.adjusted = adj.p_adjusted.has_value();
    for (const auto& run : runs) {
        if (run.estimate < r.estimate_min) {
            r.estimate_min = run.estimate;
            r.without_min = run.who;
        }
        if (run.estimate > r.estimate_max) {
            r.estimate_max = run.estimate;
            r.without_max = run.who;
        }
        const auto p_adj = run.p ? readjusted(adj, *run.p) : std::nullopt;
        if (!p_adj) {
            r.verdict_recomputed = false;
            continue;
        }
        if (!r.verdict_changes && ((*p_adj <= alpha) != significant)) {
            r.verdict_changes = true;
            r.changer = run.who;
            r.p_adjusted_without = *p_adj;
        }
    }
    if (sd && sd->value > 0) {
        r.sd = sd->value;
        r.sd_name = sd->name;
    }
    const std::string verdict = adj.p_adjusted ? "the " + adj.method + "-adjusted verdict" : "the verdict";
    r.sentence = "leaving out one participant at a time (" + std::to_string(runs.size()) + " re-analyses), the " +
                 what + " ranges from " + fmt_points(r.estimate_min) + " (without " + r.without_min + ") to " +
                 fmt_points(r.estimate_max) + " points (without " + r.without_max + ")";
    if (r.sd)
        r.sentence += ", " + fmt_std(r.estimate_min / *r.sd) + " to " + fmt_std(r.estimate_max / *r.sd) +
                      " SDs with " + r.sd_name;
    if (!r.verdict_recomputed)
        r.sentence += "; " + verdict + " was not recomputed (the adjustment needs the joint permutations)";
    else if (r.verdict_changes)
        r.sentence += "; without " + r.changer + " the " + (adj.p_adjusted ? adj.method + "-adjusted " : std::string()) +
                      "p-value would be " + fmt_p(r.p_adjusted_without) + ": " + verdict_prose(!significant, alpha);
    else
        r.sentence += "; " + verdict + " is the same in every re-analysis";
    r.sentence += ". This describes the estimate's dependence on single participants; it is not a reason for the "
                  "verdict and not grounds for excluding anyone";
    return r;
}

}  // namespace

std::optional<Robustness> change_robustness(const data::Study& st, const analysis::ChangeRow& row,
                                            const analysis::ChangeOptions& o, double alpha, const Adjustment& adj,
                                            const std::optional<NamedValue>& sd) {
    const auto& d = row.pairs.differences;
    if (d.size() < 3 || d.size() > 40 || !row.signflip) return std::nullopt;
    std::vector<LeftOut> runs;
    for (std::size_t i = 0; i < d.size(); ++i) {
        const auto rest = without(d, i);
        double sum = 0;
        for (double x : rest) sum += x;
        const auto t = inference::signflip_test(rest, o.exact);
        runs.push_back({st.subjects[row.pairs.subjects[i]], sum / static_cast<double>(rest.size()),
                        t ? std::optional<double>(t->p_value) : std::nullopt});
    }
    const double p = adj.p_adjusted.value_or(row.signflip->p_value);
    return summarise(runs, "mean change", alpha, adj, p <= alpha, sd);
}

std::optional<Robustness> compare_robustness(const data::Study& st, const analysis::CompareRow& row,
                                             const analysis::CompareOptions& o, double alpha, const Adjustment& adj,
                                             const std::optional<NamedValue>& sd) {
    const std::size_t na = row.a.values.size(), nb = row.b.values.size();
    const bool anc = row.ancova.has_value();
    if (na < 2 || nb < 2 || na + nb < 5 || na + nb > (anc ? 20u : 40u)) return std::nullopt;
    const core::TestResult* test = anc ? (row.ancova->fit ? &row.ancova->fit->permutation : nullptr)
                                            : (row.perm ? &*row.perm : nullptr);
    if (!test) return std::nullopt;
    std::vector<LeftOut> runs;
    for (int side = 0; side < 2; ++side) {
        const auto& g = side == 0 ? row.a : row.b;
        for (std::size_t i = 0; i < g.values.size(); ++i) {
            LeftOut run{st.subjects[g.subjects[i]], 0, std::nullopt};
            if (anc) {
                const auto pa = side == 0 ? without(row.a.post, i) : row.a.post;
                const auto ba = side == 0 ? without(row.a.baseline, i) : row.a.baseline;
                const auto pb = side == 1 ? without(row.b.post, i) : row.b.post;
                const auto bb = side == 1 ? without(row.b.baseline, i) : row.b.baseline;
                const auto fit = models::ancova(pa, ba, pb, bb, o.conf, o.exact).fit;
                if (!fit) continue;
                run.estimate = fit->difference;
                run.p = fit->permutation.p_value;
            } else {
                const auto a = side == 0 ? without(row.a.values, i) : row.a.values;
                const auto b = side == 1 ? without(row.b.values, i) : row.b.values;
                double sa = 0, sb = 0;
                for (double x : a) sa += x;
                for (double x : b) sb += x;
                run.estimate = sa / static_cast<double>(a.size()) - sb / static_cast<double>(b.size());
                if (const auto t = inference::permutation_test(a, b, o.exact)) run.p = t->p_value;
            }
            runs.push_back(run);
        }
    }
    if (runs.empty()) return std::nullopt;
    const double p = adj.p_adjusted.value_or(test->p_value);
    return summarise(runs, anc ? "adjusted difference" : "difference", alpha, adj, p <= alpha, sd);
}

std::optional<Reason> fragile_reason(const std::optional<Robustness>& rob, bool significant, double alpha) {
    if (!significant || !rob || !rob->verdict_changes) return std::nullopt;
    Reason r{"FRAGILE", {{"p_adjusted_without", rob->p_adjusted_without}, {"alpha", alpha}}, ""};
    r.sentence = "statistically significant, but without " + rob->changer + " the " +
                 (rob->adjusted ? "adjusted " : "") + "p-value would be " +
                 fmt_p(rob->p_adjusted_without) + ", above alpha = " + fmt_p(alpha) +
                 ": the verdict depends on a single participant";
    return r;
}

}  // namespace pilotstat::explain
