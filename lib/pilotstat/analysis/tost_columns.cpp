#include "pilotstat/analysis/tost_columns.hpp"

#include <algorithm>
#include <cstdio>

namespace pilotstat::analysis {

using report::ColumnKind;

void set_tost(report::ResultTable& t, const std::optional<inference::TostResult>& r, double alpha) {
    if (!r) return;
    t.set("margin", r->margin);
    t.set("p_tost_lower", r->p_lower);
    t.set("p_tost_upper", r->p_upper);
    t.set("p_tost", r->p);
    char buf[128];
    std::snprintf(buf, sizeof buf, "%s within +-%g at alpha = %g",
                  r->equivalent ? "equivalence shown" : "equivalence not shown", r->margin, alpha);
    t.set("tost", std::string(buf));
    t.set("tost_min_margin", r->min_margin);
}

void add_tost_columns(std::vector<report::Column>& cols, const std::string& after) {
    std::size_t i = 0;
    while (i < cols.size() && cols[i].name != after) ++i;
    const std::vector<report::Column> tost{{"margin", ColumnKind::real}, {"p_tost_lower", ColumnKind::pvalue},
                                           {"p_tost_upper", ColumnKind::pvalue}, {"p_tost", ColumnKind::pvalue},
                                           {"tost", ColumnKind::text}, {"tost_min_margin", ColumnKind::real}};
    cols.insert(cols.begin() + static_cast<std::ptrdiff_t>(std::min(i + 1, cols.size())), tost.begin(), tost.end());
}

}  // namespace pilotstat::analysis
