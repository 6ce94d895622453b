#include "pilotstat/analysis/test_columns.hpp"

namespace pilotstat::analysis {

void set_test_columns(report::ResultTable& t, const TestColumns& cols, const core::TestResult& r,
                      double design_floor) {
    t.set("p_" + cols.name, r.p_value);
    if (cols.floors) {
        t.set("p_floor_" + cols.name, design_floor);
        if (r.method != core::Method::monte_carlo) t.set("p_floor_data_" + cols.name, r.p_floor);
    }
    t.set("method_" + cols.name, r.method_label());
    if (cols.mc_se) t.set("mc_se_" + cols.name, r.mc_se);
}

}  // namespace pilotstat::analysis
