#include "pilotstat/study_report/study_report_view.hpp"

#include "pilotstat/error.hpp"
#include "pilotstat/inference/p_floor.hpp"

namespace pilotstat::study_report {

// The report is built from the analyses and rendered with the generic renderers.
using namespace pilotstat::analysis;
using namespace pilotstat::report;

namespace {

// The settings line names the rule behind every exact two-sided p-value.
std::string two_sided_setting(const core::ExactOptions& e) {
    if (e.alternative != core::Alternative::two_sided)
        return "alternative " + std::string(core::to_string(e.alternative));
    return e.two_sided_rule == core::TwoSidedRule::deviation
               ? "two-sided exact p by deviation from the null mean (two_sided deviation)"
               : "two-sided exact p as twice the smaller one-sided p (two_sided doubled)";
}

ResultTable compact_describe(const ResultTable& full, const std::vector<std::size_t>& rows) {
    const std::vector<std::string> keep{"group", "time", "n", "missing", "mean", "sd", "median", "min", "max"};
    std::vector<Column> cols;
    for (const auto& k : keep) cols.push_back(full.columns()[*full.column_index(k)]);
    ResultTable t(cols);
    for (auto r : rows) {
        t.add_row();
        for (const auto& k : keep) {
            const Cell& c = full.rows()[r][*full.column_index(k)];
            if (auto s = std::get_if<std::string>(&c)) t.set(k, *s);
            else if (auto i = std::get_if<std::int64_t>(&c)) t.set(k, *i);
            else if (auto d = std::get_if<double>(&c)) t.set(k, *d);
        }
    }
    return t;
}

ResultTable change_section_table() {
    return ResultTable({{"group", ColumnKind::text}, {"from", ColumnKind::text}, {"to", ColumnKind::text},
                        {"n", ColumnKind::integer}, {"mean_change", ColumnKind::real}, {"ci_low", ColumnKind::real},
                        {"ci_high", ColumnKind::real}, {"pct_change", ColumnKind::real}, {"improved", ColumnKind::integer},
                        {"p_signflip", ColumnKind::pvalue}, {"p_adjusted", ColumnKind::pvalue},
                        {"p_floor", ColumnKind::pvalue}, {"dz", ColumnKind::real}, {"verdict", ColumnKind::text}});
}

ResultTable compare_section_table() {
    return ResultTable({{"on", ColumnKind::text}, {"groups", ColumnKind::text}, {"n", ColumnKind::text},
                        {"difference", ColumnKind::real}, {"ci_low", ColumnKind::real}, {"ci_high", ColumnKind::real},
                        {"p_perm", ColumnKind::pvalue}, {"p_adjusted", ColumnKind::pvalue},
                        {"p_floor", ColumnKind::pvalue}, {"hedges_g", ColumnKind::real}, {"verdict", ColumnKind::text}});
}

void add_change_row(ExplainedTable& t, const data::Study& st, const analysis::ChangeRow& c,
                    const explain::Explanation& e, const analysis::ChangeOptions& o) {
    t.table.add_row();
    t.table.set("group", st.groups[c.group]);
    t.table.set("from", st.times[c.from]);
    t.table.set("to", st.times[c.to]);
    t.table.set("n", c.pairs.differences.size());
    t.table.set("mean_change", c.mean_change);
    if (c.ci) {  // the headline interval, as the sentences quote it
        t.table.set("ci_low", c.ci->low);
        t.table.set("ci_high", c.ci->high);
    }
    t.table.set("pct_change", c.pct_change_of_means);
    t.table.set("improved", c.improved);
    if (c.signflip) {
        t.table.set("p_signflip", c.signflip->p_value);
        t.table.set("p_adjusted", e.p);
        t.table.set("p_floor", inference::design_floor_paired(c.pairs.differences.size(), o.exact.alternative));
    }
    if (c.dz) t.table.set("dz", c.dz->estimate);
    t.table.set("verdict", e.verdict);
    t.explanations.push_back(&e);
}

void add_compare_row(ExplainedTable& t, const data::Study& st, const analysis::CompareRow& c,
                     const explain::Explanation& e, const analysis::CompareOptions& o, bool ancova) {
    t.table.add_row();
    t.table.set("on", ancova ? "ancova" : std::string(analysis::to_string(o.on)));
    t.table.set("groups", st.groups[c.group_a] + " - " + st.groups[c.group_b]);
    t.table.set("n", std::to_string(c.a.values.size()) + " v " + std::to_string(c.b.values.size()));
    const auto* test = ancova ? (c.ancova && c.ancova->fit ? &c.ancova->fit->permutation : nullptr)
                              : (c.perm ? &*c.perm : nullptr);
    if (ancova && c.ancova && c.ancova->fit) {
        t.table.set("difference", c.ancova->fit->difference);
        t.table.set("ci_low", c.ancova->fit->ci.low);
        t.table.set("ci_high", c.ancova->fit->ci.high);
    } else if (!ancova) {
        t.table.set("difference", c.mean_diff);
        if (c.ci) {  // the headline interval, as the sentences quote it
            t.table.set("ci_low", c.ci->low);
            t.table.set("ci_high", c.ci->high);
        }
    }
    if (test) {
        t.table.set("p_perm", test->p_value);
        t.table.set("p_adjusted", e.p);
        t.table.set("p_floor", inference::design_floor_permutation(c.a.values.size(), c.b.values.size(),
                                                                   o.exact.alternative, o.exact.two_sided_rule));
    }
    if (c.hedges.value && !ancova) t.table.set("hedges_g", c.hedges.value->hedges_g);
    t.table.set("verdict", e.verdict);
    t.explanations.push_back(&e);
}

// Per arm: how many changed reliably and how many crossed into the functional range.
ResultTable individual_counts(const std::vector<analysis::IndividualSummary>& summary, const std::string& measure) {
    ResultTable t({{"classification", ColumnKind::text}, {"group", ColumnKind::text}, {"n", ColumnKind::integer},
                   {"categories", ColumnKind::text}, {"not_classified", ColumnKind::integer},
                   {"p_exact", ColumnKind::pvalue}});
    for (const auto& s : summary) {
        if (s.measure != measure) continue;
        for (const auto& a : s.arms) {
            t.add_row();
            t.set("classification", s.classification);
            t.set("group", a.group);
            t.set("n", static_cast<std::int64_t>(a.n));
            std::string cats;
            for (std::size_t k = 0; k < s.categories.size() && k < a.counts.size(); ++k)
                cats += (k ? ", " : "") + s.categories[k] + " " + std::to_string(a.counts[k]);
            t.set("categories", cats);
            t.set("not_classified", static_cast<std::int64_t>(a.not_classified));
            if (s.p_value) t.set("p_exact", *s.p_value);
        }
    }
    return t;
}

ResultTable individual_people(const std::vector<analysis::IndividualRow>& rows, const std::string& measure) {
    ResultTable t({{"subject", ColumnKind::text}, {"group", ColumnKind::text}, {"score_from", ColumnKind::real},
                   {"score_to", ColumnKind::real}, {"change", ColumnKind::real}, {"rci", ColumnKind::real},
                   {"reliable_change", ColumnKind::text}, {"clinical_change", ColumnKind::text},
                   {"bands", ColumnKind::text}, {"mcid_reached", ColumnKind::text}});
    for (const auto& r : rows) {
        if (r.measure != measure) continue;
        t.add_row();
        t.set("subject", r.subject);
        t.set("group", r.group);
        t.set("score_from", r.score_from);
        t.set("score_to", r.score_to);
        t.set("change", r.change);
        t.set("rci", r.rci);
        if (r.reliable) t.set("reliable_change", analysis::to_string(*r.reliable));
        if (r.clinical) t.set("clinical_change", analysis::to_string(*r.clinical));
        if (!r.band_from.empty() || !r.band_to.empty()) t.set("bands", r.band_from + " -> " + r.band_to);
        if (r.mcid_reached) t.set("mcid_reached", *r.mcid_reached ? "yes" : "no");
    }
    return t;
}

}  // namespace

ReportView make_view(const study_report::StudyReport& r, const data::Study& st) {
    ReportView v;
    v.source = st.source;
    v.study = &st;
    v.plan = r.plan ? &*r.plan : nullptr;
    v.plan_note = r.plan_note;
    v.summary = r.summary;
    const auto& o = r.options;
    v.settings_line = explain::plural(st.measures.size(), "measure") + "; groups " + [&] {
        std::string g;
        for (std::size_t i = 0; i < st.groups.size(); ++i)
            g += (i ? ", " : "") + st.groups[i] + " (n = " + std::to_string(st.subjects_in(i).size()) + ")";
        return g;
    }() + "; times " + [&] {
        std::string t;
        for (std::size_t i = 0; i < st.times.size(); ++i) t += (i ? ", " : "") + st.times[i];
        return t + " (" + st.time_order + ")";
    }() + "; alpha " + explain::fmt_p(o.settings.alpha) + "; " + two_sided_setting(o.compare.exact) + "; " +
                      r.adjust_label + ".";
    v.between_methods = std::string(analysis::to_string(o.compare.on)) + " CI: bootstrap" +
                        (r.ancova.empty() ? "" : ", ancova CI: t");
    v.describe_full = analysis::describe_table(r.describe);
    v.change_full = analysis::change_table(st, r.changes, o.change);
    v.compare_full = analysis::compare_table(st, r.comparisons, o.compare);
    analysis::CompareOptions ao = o.compare;
    ao.on = analysis::CompareOn::ancova;
    v.ancova_full = analysis::compare_table(st, r.ancova, ao);
    v.individual_full = analysis::individual_table(r.individual.rows);
    v.individual_summary_full = analysis::individual_summary_table(r.individual.summary);
    for (std::size_t m = 0; m < st.measures.size(); ++m) {
        MeasureView mv;
        mv.measure = st.measures[m];
        mv.label = st.label(m);
        for (std::size_t i = 0; i < r.describe.size(); ++i)
            if (r.describe[i].measure == mv.measure) mv.describe_rows.push_back(i);
        mv.describe = compact_describe(v.describe_full, mv.describe_rows);
        mv.change = {change_section_table(), {}};
        for (std::size_t i = 0; i < r.changes.size(); ++i)
            if (r.changes[i].measure == m) {
                mv.change_rows.push_back(i);
                add_change_row(mv.change, st, r.changes[i], r.change_expl.explanations[i], o.change);
            }
        mv.compare = {compare_section_table(), {}};
        mv.omnibus = omnibus_sentence(st, r, m);
        for (std::size_t i = 0; i < r.comparisons.size(); ++i)
            if (r.comparisons[i].measure == m) {
                mv.compare_rows.push_back(i);
                add_compare_row(mv.compare, st, r.comparisons[i], r.compare_expl.explanations[i], o.compare, false);
            }
        for (std::size_t i = 0; i < r.ancova.size(); ++i)
            if (r.ancova[i].measure == m) {
                mv.ancova_rows.push_back(i);
                add_compare_row(mv.compare, st, r.ancova[i], r.ancova_expl.explanations[i], o.compare, true);
            }
        mv.individual_counts = individual_counts(r.individual.summary, mv.measure);
        mv.individual_people = individual_people(r.individual.rows, mv.measure);
        // Rows of the full individual tables that belong to this measure (the
        // summary table has one row per summary x arm, in that order).
        std::vector<std::size_t> ir, is;
        for (std::size_t i = 0; i < r.individual.rows.size(); ++i)
            if (r.individual.rows[i].measure == mv.measure) ir.push_back(i);
        std::size_t row = 0;
        for (const auto& sum : r.individual.summary)
            for (std::size_t a = 0; a < sum.arms.size(); ++a, ++row)
                if (sum.measure == mv.measure) is.push_back(row);
        v.individual_rows.push_back(ir);
        v.individual_summary_rows.push_back(is);
        v.measures.push_back(std::move(mv));
    }
    return v;
}

void render_report(const study_report::StudyReport& r, const data::Study& st, std::string_view format,
                   const RenderOptions& options, std::ostream& out, const ReportContext& context) {
    const auto view = make_view(r, st);
    if (format == "text") render_report_text(view, options, out);
    else if (format == "markdown" || format == "md") render_report_markdown(view, options, out, context.figures);
    else if (format == "json") render_report_json(r, view, out);
    else if (format == "html") render_report_html(r, st, view, options, out, context);
    else throw UsageError("unknown format \"" + std::string(format) + "\" (valid: text, markdown, json, html)");
}

}  // namespace pilotstat::study_report
