// `pilotstat plot KIND`: picks the analysis a picture needs, runs it once,
// and draws it -- one SVG for one measure (or the forest of all), or an html
// page holding one figure per selected measure and pair of arms.
#pragma once

#include <string>
#include <vector>

#include "pilotstat/analysis/individual.hpp"
#include "pilotstat/analysis/option_values.hpp"
#include "pilotstat/data/instrument_norms.hpp"
#include "pilotstat/data/study.hpp"
#include "pilotstat/plot/plots.hpp"

namespace pilotstat::plot {

// trajectories, estimation, forest, rci, curve.
const std::vector<std::string>& plot_kinds();
// Throws UsageError naming the valid kinds.
void check_kind(const std::string& kind);
// Throws UsageError unless "svg" or "html".
void check_format(const std::string& format);
void check_scale(const std::string& scale);  // forest: standardized or raw

struct PlotRequest {
    std::string kind;
    std::string format = "svg";
    analysis::OptionMap options;  // the compare keys: on, from, to, time_values, conf, alpha, seed, ...
    double rci_z = analysis::kReliableChangeZ;
    std::string scale = "standardized";  // forest: standardized (Hedges' g) or raw (points per measure)
    PlotOptions plot;             // width and height; the rest is filled from options
};

// The document (SVG or html). svg needs exactly one figure: several measures
// or pairs of arms throw a UsageError asking for --measures / --groups.
std::string make_plot(const data::Study& study, const data::NormsRegistry& norms, const PlotRequest& request);

}  // namespace pilotstat::plot
