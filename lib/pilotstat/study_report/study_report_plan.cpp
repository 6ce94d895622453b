// The plan section of `report`: `plan` with its defaults (endpoint change
// from the report's --from to its last --to, the instruments' MCIDs), so the
// report carries the planning figures a pilot exists for.
#include "pilotstat/study_report/study_report.hpp"
#include "pilotstat/error.hpp"

namespace pilotstat::study_report {

// The report is built from the analyses and rendered with the generic renderers.
using namespace pilotstat::analysis;
using namespace pilotstat::report;

void add_plan_section(const data::Study& st, const data::NormsRegistry& norms, StudyReport& r) {
    PlanOptions o;
    o.from = r.options.change.from.value_or(st.baseline);
    o.to = r.options.change.to.empty() ? st.times.size() - 1 : r.options.change.to.back();
    if (r.options.single_time) o.endpoint = Endpoint::raw;  // one time point: the raw score is the endpoint
    try {
        r.plan = plan_document(st, norms, o, nullptr);
    } catch (const Error& e) {
        // Not every study can be planned on (one arm, three arms, one time,
        // fewer than 2 pairs per arm); the report says why instead of
        // leaving the section out unexplained.
        r.plan_note = std::string("no plan section: ") + e.what();
    }
}

}  // namespace pilotstat::study_report
