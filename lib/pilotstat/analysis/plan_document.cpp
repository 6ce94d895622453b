// The whole plan for people (text, markdown): the planning paragraphs, the
// completeness table and, when criteria are given, the progression criteria.
// Shared by `plan` and the plan section of `report`.
#include <sstream>

#include "pilotstat/analysis/plan_document.hpp"
#include "pilotstat/report/number_format.hpp"
#include "pilotstat/report/render_formats.hpp"

namespace pilotstat::analysis {

std::string plan_document(const data::Study& study, const PlanDocument& doc, bool markdown, int digits) {
    std::ostringstream out;
    out << plan_text(study, doc.result, markdown, digits) << '\n';
    const auto table = completeness_table(study, doc.result, doc.completeness);
    report::RenderOptions ro;
    ro.digits = digits;
    out << (markdown ? "### Completeness\n\n" : "Completeness (scored of participants, per arm and all; ")
        << (markdown ? "Scored of participants, per arm and all; " : "")
        << report::rounded(100.0 * doc.result.options.retention_conf, 0) << "% Clopper-Pearson intervals)"
        << (markdown ? ".\n\n" : ":\n");
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
