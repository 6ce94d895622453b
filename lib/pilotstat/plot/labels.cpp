#include "pilotstat/plot/plots.hpp"

namespace pilotstat::plot {

std::string score_title(const data::Study& st, std::size_t m) {
    const bool worse = st.higher_is_worse[m];
    return st.label(m) + " score (points; " + (worse ? "lower" : "higher") + " is better)";
}

double mcid_points(const data::Study& st, std::size_t m, const data::InstrumentNorms* norms) {
    if (!norms) return 0;
    if (norms->mcid_points) return *norms->mcid_points;
    if (!norms->mcid_percent) return 0;
    double sum = 0, n = 0;
    for (std::size_t s = 0; s < st.subjects.size(); ++s)
        if (const auto& sc = st.at(m, s, st.baseline)) sum += sc->value, n += 1;
    return n > 0 ? *norms->mcid_percent / 100.0 * sum / n : 0;
}

}  // namespace pilotstat::plot
