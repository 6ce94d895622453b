// `describe`: one summary row per measure x group x time.
#pragma once

#include <string>
#include <vector>

#include "pilotstat/data/study.hpp"
#include "pilotstat/report/result_table.hpp"
#include "pilotstat/stats/descriptive.hpp"

namespace pilotstat::analysis {

struct DescribeRow {
    std::string measure, group, time;
    std::size_t missing = 0;  // subjects of the group without a score at this time
    stats::Summary summary;
};

std::vector<DescribeRow> describe(const data::Study& study, double conf);

// Columns: measure,group,time,n,missing,mean,sd,se,ci_low,ci_high,median,q1,q3,min,max
report::ResultTable describe_table(const std::vector<DescribeRow>& rows);

}  // namespace pilotstat::analysis
