// The result of checking one expectation: pass or fail, what was computed,
// and why (a one-line reason, shown by every output format).
#pragma once

#include <optional>
#include <string>

namespace pilotstat::check {

struct Outcome {
    bool pass = false;
    std::optional<double> computed;       // the value compared with the expected one
    std::optional<double> computed_low;   // a computed range, when there is one
    std::optional<double> computed_high;  //   (p-value consistency)
    std::optional<double> difference;     // computed - expected
    std::string message;                  // why it failed; detail when it passed
};

}  // namespace pilotstat::check
