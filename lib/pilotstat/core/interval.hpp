// A confidence interval and how it was made. Used by effects/, bootstrap/,
// stats/ and models/ alike.
#pragma once

#include <string>

namespace pilotstat::core {

struct Interval {
    double low = 0.0;
    double high = 0.0;
    double conf = 0.95;    // nominal coverage
    std::string method;    // "noncentral-t", "bca (exact enumeration)", "clopper-pearson", ...
};

}  // namespace pilotstat::core
