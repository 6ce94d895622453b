// The TOST (equivalence) columns shared by change and compare with --margin.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pilotstat/inference/shift_inversion.hpp"
#include "pilotstat/report/result_table.hpp"

namespace pilotstat::analysis {

// margin, p_tost_lower, p_tost_upper, p_tost, tost (the verdict in words), tost_min_margin.
void set_tost(report::ResultTable& t, const std::optional<inference::TostResult>& r, double alpha);
// Inserts the TOST columns after the column named `after` (at the end if absent).
void add_tost_columns(std::vector<report::Column>& cols, const std::string& after);

}  // namespace pilotstat::analysis
