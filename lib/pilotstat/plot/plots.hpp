// The pictures of `pilotstat plot` and the html report, as standalone SVG.
// Every number drawn comes from the library's analysis results (describe,
// compare, individual, the exact permutation test); the plots only place it.
#pragma once

#include <string>
#include <vector>

#include "pilotstat/analysis/compare.hpp"
#include "pilotstat/analysis/compare_mmrm.hpp"
#include "pilotstat/analysis/individual.hpp"
#include "pilotstat/data/instrument_norms.hpp"
#include "pilotstat/data/study.hpp"

namespace pilotstat::plot {

struct PlotOptions {
    double width = 720, height = 440;
    std::vector<double> time_values;  // trajectories: x position of each time (empty: 0, 1, 2, ...)
    double conf = 0.95;               // interval of the arm means (trajectories)
    double alpha = 0.05;              // curve: the alpha line
    std::string id_prefix;            // element ids: empty in a standalone SVG, unique per figure in a page
};

// What a reader needs to read a measure's axis: "BDI-II score (points; lower is better)".
std::string score_title(const data::Study& study, std::size_t measure);
// The MCID in points, when known: mcid_points, else mcid_percent of the mean
// baseline score of every subject (arms together). 0 when unknown.
double mcid_points(const data::Study& study, std::size_t measure, const data::InstrumentNorms* norms);

// The MMRM of one measure and pair of arms (analysis::compare_mmrm, the row
// `compare --on mmrm --all-visits` prints) and its baseline time.
struct MmrmMeans {
    const analysis::MmrmRow* row = nullptr;
    std::size_t from = 0;
};

// Every participant's scores over time (markers; a missed visit breaks the
// line; a dropout's last visit ringed), the arm means with their t intervals
// (analysis::describe), the instrument's severity bands shaded. With `mmrm`:
// only its two arms, and after the baseline the model's adjusted means with
// their intervals instead of the observed means (the baseline stays observed).
std::string trajectories(const data::Study& study, std::size_t measure, const data::InstrumentNorms* norms,
                         const PlotOptions& options, const MmrmMeans* mmrm = nullptr);

// Gardner-Altman estimation plot of one comparison row: each participant's
// compared value per arm, and on a second axis the mean difference with the
// row's bootstrap interval and the exact bootstrap distribution it came from,
// with 0 and the MCID marked.
std::string estimation(const data::Study& study, const analysis::CompareRow& row,
                       const analysis::CompareOptions& compare, const data::InstrumentNorms* norms,
                       const PlotOptions& options);

// Hedges' g with its noncentral-t interval for every row, one line each.
std::string forest(const data::Study& study, const std::vector<analysis::CompareRow>& rows,
                   const analysis::CompareOptions& compare, const PlotOptions& options);

// The same rows on each measure's own scale (points), one panel each: the
// unadjusted difference with the row's headline interval and, from
// `adjusted` (compare --on ancova over the same times), the baseline-adjusted
// difference with its t interval, drawn with different markers and dashes.
std::string forest_raw(const data::Study& study, const std::vector<analysis::CompareRow>& rows,
                       const std::vector<analysis::CompareRow>& adjusted, const analysis::CompareOptions& compare,
                       const data::NormsRegistry& norms, const PlotOptions& options);

// Jacobson-Truax plot of one measure and pair of times: baseline against
// follow-up per participant, the identity line, the band of no reliable
// change (|RCI| <= z), the clinical cut-off, points coloured by category.
std::string rci(const data::Study& study, std::size_t measure, const std::vector<analysis::IndividualRow>& rows,
                double rci_z, const PlotOptions& options);

// The compatibility curve of one comparison row: the exact permutation
// p-value of mean(A - delta) - mean(B) as a function of the shift delta, drawn
// from the row's p-value function at its exact breakpoints (the numbers
// `compare --curve` prints), with the alpha line, the observed difference, 0
// and the MCID.
std::string curve(const data::Study& study, const analysis::CompareRow& row, const analysis::CompareOptions& compare,
                  const data::InstrumentNorms* norms, const PlotOptions& options);

}  // namespace pilotstat::plot
