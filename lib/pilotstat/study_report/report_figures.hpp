// The report's pictures, drawn by the plot module from the report's own
// results (the same compare rows, individual rows and options as its tables:
// no second computation). Embedded in the html report; written beside the
// markdown report as .svg files when -o names a directory.
#pragma once

#include <string>
#include <vector>

#include "pilotstat/study_report/study_report.hpp"
#include "pilotstat/data/instrument_norms.hpp"
#include "pilotstat/data/study.hpp"

namespace pilotstat::study_report {

inline constexpr std::size_t kAllMeasures = static_cast<std::size_t>(-1);

struct Figure {
    std::size_t measure = kAllMeasures;  // kAllMeasures: the forest plot of every measure
    std::string kind;                    // trajectories, estimation, rci, forest
    std::string file;                    // "bdi_trajectories.svg": a file name safe on every system
    std::string caption;                 // one sentence saying how to read it
    std::string svg;
};

// Per measure: trajectories, one estimation plot per pair of arms, the
// reliable-change plot; then one forest plot of every measure (with two or
// more arms). page: element ids get a per-figure prefix so that several SVGs
// can share one html page.
std::vector<Figure> report_figures(const study_report::StudyReport& report, const data::Study& study,
                                   const data::NormsRegistry& norms, bool page);

}  // namespace pilotstat::study_report
