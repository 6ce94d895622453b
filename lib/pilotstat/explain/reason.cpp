#include "pilotstat/explain/reason.hpp"

#include <cmath>

#include "pilotstat/report/number_format.hpp"

namespace pilotstat::explain {

bool Explanation::has(const std::string& code) const {
    for (const auto& r : reasons)
        if (r.code == code) return true;
    return false;
}

std::string fmt_p(double p) { return report::rounded_p(p, 4); }

std::string fmt_points(double x) { return report::rounded(x, 2); }

std::string fmt_std(double x) { return report::rounded(x, 2); }

std::string plural(std::size_t count, const std::string& noun) {
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

std::string method_prose(const std::string& m) {
    if (m == "holm") return "Holm";
    if (m == "hochberg") return "Hochberg";
    if (m == "BH") return "Benjamini-Hochberg";
    if (m == "bonferroni") return "Bonferroni";
    return m;
}

std::string fmt_pct(double conf) { return report::rounded(conf * 100.0, 2) + "%"; }

std::string fmt_alpha(double alpha) { return "alpha = " + fmt_p(alpha); }

std::string verdict_prose(bool significant, double alpha) {
    return std::string(significant ? "statistically significant" : "not statistically significant") + " at " +
           fmt_alpha(alpha);
}

}  // namespace pilotstat::explain
