// The whole plan for people (text, markdown): the planning paragraphs, the
// completeness table and, when criteria are given, the progression criteria.
// Shared by `plan` and the plan section of `report`.
#include <sstream>

#include "pilotstat/analysis/plan_document.hpp"
#include "pilotstat/report/number_format.hpp"
#include "pilotstat/report/render_formats.hpp"

namespace pilotstat::analysis {

report::ResultTable completeness_grid(const data::Study& st, const PlanDocument& doc) {
    std::vector<report::Column> cols{{"measure", report::ColumnKind::text}, {"group", report::ColumnKind::text}};
    for (const auto& t : st.times) cols.push_back({t, report::ColumnKind::text});
    report::ResultTable grid(cols);
    const std::size_t per_row = st.times.size();
    const std::size_t rows = doc.result.arms().size() + 1;  // per measure and time: each arm, then all
    for (std::size_t m = 0; m < st.measures.size(); ++m)
        for (std::size_t g = 0; g < rows; ++g) {
            grid.add_row();
            for (std::size_t t = 0; t < per_row; ++t) {
                const auto& c = doc.completeness.at((m * per_row + t) * rows + g);
                if (t == 0) {
                    grid.set("measure", st.measures[m]);
                    grid.set("group", c.group ? st.groups[*c.group] : std::string("all"));
                }
                grid.set(st.times[t], std::to_string(c.share.retained) + "/" + std::to_string(c.share.randomized) +
                                          " (" + share_percent(c.share.ci.low) + "-" +
                                          share_percent(c.share.ci.high) + "%)");
            }
        }
    return grid;
}

std::string plan_document(const data::Study& study, const PlanDocument& doc, bool markdown, int digits) {
    std::ostringstream out;
    out << plan_text(study, doc.result, markdown, digits) << '\n';
    const auto table = completeness_grid(study, doc);
    report::RenderOptions ro;
    ro.digits = digits;
    const std::string conf = report::rounded(100.0 * doc.result.options.retention_conf, 0);
    out << (markdown ? "### Completeness\n\n" : "Completeness:\n") << "Participants scored of those in the arm ("
        << "all: of those randomized) at each visit, with the " << conf << "% Clopper-Pearson interval of the share."
        << (markdown ? "\n\n" : "\n");
    if (markdown) report::MarkdownRenderer(ro).render(table, out);
    else report::TextRenderer(ro).render(table, out);
    out << '\n';
    if (doc.progression) out << progression_text(study, doc.result, *doc.progression, markdown);
    return out.str();
}

}  // namespace pilotstat::analysis

namespace pilotstat::analysis {

PlanDocument plan_document(const data::Study& study, const data::NormsRegistry& norms, const PlanOptions& options,
                           const std::vector<ProgressionCriterion>* criteria) {
    PlanDocument d{plan(study, norms, options), {}, std::nullopt};
    d.completeness = completeness(study, d.result);
    if (criteria) d.progression = progression(study, d.result, *criteria);
    return d;
}

}  // namespace pilotstat::analysis
