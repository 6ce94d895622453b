#include "pilotstat/explain/knowledge.hpp"

#include <cmath>
#include <vector>

#include "pilotstat/analysis/pairs.hpp"
#include "pilotstat/explain/reason.hpp"
#include "pilotstat/stats/moments.hpp"

namespace pilotstat::explain {

namespace {
struct Pooled {
    double sd = 0.0, mean = 0.0;
    std::size_t n = 0;
};

// SD pooled over the arms (each arm's n - 1 sum of squares) and the grand
// mean at time `t`; one arm alone gives its own SD.
Pooled pooled_at(const data::Study& st, std::size_t m, std::size_t t) {
    double ss = 0.0, sum = 0.0;
    std::size_t n = 0, groups = 0;
    for (std::size_t g = 0; g < st.groups.size(); ++g) {
        const auto s = analysis::single_sample(st, m, g, t);
        if (s.values.size() < 2) continue;
        const auto mo = stats::moments(s.values);
        ss += mo.sum_sq_dev;
        sum += mo.mean * static_cast<double>(mo.n);
        n += mo.n;
        ++groups;
    }
    Pooled p;
    p.n = n;
    if (n > groups) p.sd = std::sqrt(ss / static_cast<double>(n - groups));
    if (n > 0) p.mean = sum / static_cast<double>(n);
    return p;
}
}  // namespace

MeasureKnowledge measure_knowledge(const data::Study& st, std::size_t m, std::size_t from,
                                   const data::NormsRegistry& norms) {
    MeasureKnowledge k;
    k.higher_is_worse = st.higher_is_worse[m];
    const auto* n = norms.find(st.measures[m]);
    const std::string label = st.label(m);
    const auto base = pooled_at(st, m, from);
    if (n && n->sd) {
        k.sd = NamedValue{*n->sd, "the " + label + " normative SD of " + fmt_points(*n->sd) + " points (" +
                                      n->sd_source + ")"};
    } else if (base.sd > 0) {
        k.sd = NamedValue{base.sd, "the pooled " + st.times[from] + " SD of " + fmt_points(base.sd) +
                                       " points (these data; no normative SD is sourced for " + label + ")"};
    }
    if (n && n->mcid_points) {
        k.mcid = NamedValue{*n->mcid_points, "the MCID of " + fmt_points(*n->mcid_points) + " points (" +
                                                 n->mcid_source + ")"};
    } else if (n && n->mcid_percent && base.n > 0 && base.mean != 0.0) {
        const double points = std::fabs(base.mean) * *n->mcid_percent / 100.0;
        k.mcid = NamedValue{points, "the MCID of " + fmt_points(*n->mcid_percent) + "% (" + n->mcid_source +
                                        "), " + fmt_points(points) + " points at the " + st.times[from] +
                                        " mean of " + fmt_points(base.mean)};
    }
    return k;
}

}  // namespace pilotstat::explain
