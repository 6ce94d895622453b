#include "pilotstat/study_report/report_figures.hpp"

#include <cctype>

#include "pilotstat/plot/plots.hpp"

namespace pilotstat::study_report {

// The report is built from the analyses and rendered with the generic renderers.
using namespace pilotstat::analysis;
using namespace pilotstat::report;

namespace {
// Measure names come from the data file: keep [A-Za-z0-9_-] so the file name
// is portable, and number it so two measures that differ only in dropped
// characters still get distinct files.
std::string file_stem(const std::string& measure, std::size_t m) {
    std::string s;
    for (unsigned char c : measure) s += (std::isalnum(c) || c == '-' || c == '_') ? static_cast<char>(c) : '_';
    return std::to_string(m + 1) + "_" + s;
}

const data::InstrumentNorms* norms_of(const data::Study& st, std::size_t m, const data::NormsRegistry& norms) {
    return norms.find(st.instruments[m] ? st.instruments[m]->name : st.measures[m]);
}
}  // namespace

std::vector<Figure> report_figures(const study_report::StudyReport& r, const data::Study& st,
                                   const data::NormsRegistry& norms, bool page) {
    std::vector<Figure> out;
    const auto& co = r.options.compare;
    auto opts = [&] {
        plot::PlotOptions po;
        po.conf = co.conf;
        po.alpha = co.alpha;
        po.time_values = r.options.time_values;  // --time-values: visits placed on a true time axis
        if (page) po.id_prefix = "f" + std::to_string(out.size() + 1) + "-";
        return po;
    };
    for (std::size_t m = 0; m < st.measures.size(); ++m) {
        const auto* nm = norms_of(st, m, norms);
        const std::string stem = file_stem(st.measures[m], m);
        out.push_back({m, "trajectories", stem + "_trajectories.svg",
                       "Every participant's score at each visit (thin lines, dots); thick lines are the arm means "
                       "with their t intervals.",
                       plot::trajectories(st, m, nm, opts())});
        for (const auto& row : r.comparisons) {
            if (row.measure != m) continue;
            out.push_back({m, "estimation", stem + "_estimation_" + std::to_string(row.group_a + 1) + "v" +
                                  std::to_string(row.group_b + 1) + ".svg",
                           co.on == analysis::CompareOn::change
                               ? "Left: each participant's change by arm. Right: the difference in mean change with "
                                 "its bootstrap interval (the same interval as the table) and the bootstrap "
                                 "distribution."
                               : "Left: each participant's value (" + std::string(analysis::to_string(co.on)) +
                                     ") by arm. Right: the difference in means with its bootstrap interval (the "
                                     "same interval as the table) and the bootstrap distribution.",
                           plot::estimation(st, row, co, nm, opts())});
        }
        bool any = false, rci = false;
        for (const auto& row : r.individual.rows)
            if (row.measure == st.measures[m] && row.score_from && row.score_to) any = true, rci = rci || row.rci;
        // Without a reliability there is no band to draw: the caption must not promise one.
        if (any)
            out.push_back({m, "rci", stem + "_rci.svg",
                           rci ? "Each dot is one participant, baseline across and follow-up up; outside the grey band "
                                 "the change is reliable (Jacobson and Truax 1991)."
                               : "Each dot is one participant, baseline across and follow-up up. No reliability is "
                                 "known for this instrument, so there is no reliable-change band and nobody is "
                                 "classified (give reliability and SD with --instruments FILE).",
                           plot::rci(st, m, r.individual.rows, analysis::kReliableChangeZ, opts())});
    }
    if (!r.comparisons.empty())
        out.push_back({kAllMeasures, "forest", "forest.svg",
                       "Hedges' g of every measure's between-arm comparison with its noncentral-t interval: the "
                       "measures on one standardized scale.",
                       plot::forest(st, r.comparisons, co, opts())});
    return out;
}

}  // namespace pilotstat::study_report
