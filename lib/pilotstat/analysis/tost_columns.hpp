// The TOST (equivalence) columns shared by change and compare with --margin.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pilotstat/inference/shift_inversion.hpp"
#include "pilotstat/report/result_table.hpp"

namespace pilotstat::analysis {

// The `tost` cell: whether equivalence within +-M is shown at alpha, i.e.
// whether both one-sided exact tests reject, each with its p; or that no
// margin can be shown with this many observations (the design's smallest
// one-sided p exceeds alpha). `what` names the shifted quantity ("the mean
// change", "the difference in means").
std::string tost_sentence(const inference::TostResult& r, double alpha, const std::string& what);
// margin, p_tost_lower, p_tost_upper, p_tost, tost (tost_sentence), tost_min_margin.
void set_tost(report::ResultTable& t, const std::optional<inference::TostResult>& r, double alpha,
              const std::string& what);
// Inserts the TOST columns after the column named `after` (at the end if absent).
void add_tost_columns(std::vector<report::Column>& cols, const std::string& after);

}  // namespace pilotstat::analysis
