#include "pilotstat/analysis/tost_columns.hpp"

#include <algorithm>
#include <cstdio>

#include "pilotstat/report/number_format.hpp"

namespace pilotstat::analysis {

using report::ColumnKind;

namespace {
std::string tost_number(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", x);
    return buf;
}

// "rejects (p = 0.016)" / "does not reject (p = 0.21)".
std::string tost_one_sided_text(double p, double alpha) {
    return std::string(p <= alpha ? "rejects" : "does not reject") + " (p = " + report::rounded_p(p, 4) + ")";
}
}  // namespace

std::string tost_sentence(const inference::TostResult& r, double alpha, const std::string& what) {
    const std::string m = tost_number(r.margin), a = tost_number(alpha);
    if (!r.possible)
        return "equivalence within +-" + m + " not shown at alpha = " + a + ": no margin can be shown with this many "
               "observations (the smallest one-sided exact p is " + report::rounded_p(r.p_floor, 4) + ")";
    if (r.equivalent)
        return "equivalence within +-" + m + " shown at alpha = " + a + ": both one-sided exact tests reject (p = " +
               report::rounded_p(r.p_lower, 4) + " for " + what + " <= -" + m + ", p = " +
               report::rounded_p(r.p_upper, 4) + " for " + what + " >= +" + m + ")";
    return "equivalence within +-" + m + " not shown at alpha = " + a + ": the one-sided exact test of " + what +
           " <= -" + m + " " + tost_one_sided_text(r.p_lower, alpha) + ", that of " + what + " >= +" + m + " " +
           tost_one_sided_text(r.p_upper, alpha);
}

void set_tost(report::ResultTable& t, const std::optional<inference::TostResult>& r, double alpha,
              const std::string& what) {
    if (!r) return;
    t.set("margin", r->margin);
    t.set("p_tost_lower", r->p_lower);
    t.set("p_tost_upper", r->p_upper);
    t.set("p_tost", r->p);
    t.set("tost", tost_sentence(*r, alpha, what));
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
