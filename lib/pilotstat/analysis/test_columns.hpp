// The column block of one permutation-type test in a result table, written
// from its TestResult by one helper so that every test's p, floors, method
// and Monte Carlo SE are printed the same way:
//   p_X            the p-value
//   p_floor_X      the design floor (any data of this size), given by the caller
//   p_floor_data_X the data floor (exact providers only: a Monte Carlo floor
//                  is 1/(B+1) and says nothing about the data)
//   method_X       the provider's label, from the engine
//   mc_se_X        the Monte Carlo SE (empty when exact)
// The table's columns (and their order) are declared by the table itself.
#pragma once

#include <optional>
#include <string>

#include "pilotstat/core/test_result.hpp"
#include "pilotstat/report/result_table.hpp"

namespace pilotstat::analysis {

struct TestColumns {
    std::string name;           // "perm" -> p_perm, p_floor_perm, ...
    bool floors = true;         // p_floor_X and p_floor_data_X exist
    bool mc_se = true;          // mc_se_X exists
};

// Writes the block of `cols` from `r`; `design_floor` is ignored when
// cols.floors is false.
void set_test_columns(report::ResultTable& t, const TestColumns& cols, const core::TestResult& r,
                      double design_floor = 0.0);

}  // namespace pilotstat::analysis
