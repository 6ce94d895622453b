#include "pilotstat/power/main_trial_size.hpp"

#include <cmath>

#include "pilotstat/error.hpp"

namespace pilotstat::power {

std::optional<SampleSize> main_trial_n(double difference, double sd, double alpha, double power, int max_n) {
    if (!(difference > 0.0) || !std::isfinite(difference))
        throw UsageError("the difference to detect (MCID) must be a number > 0");
    if (!(sd > 0.0) || !std::isfinite(sd)) throw UsageError("the outcome SD must be a number > 0");
    if (!(power > 0.0 && power < 1.0)) throw UsageError("--power must be between 0 and 1 (exclusive)");
    PowerSettings s;
    s.design = Design::two_sample;
    s.alpha = alpha;
    validate(s);
    if (!(power > alpha)) throw UsageError("--power must be greater than --alpha");
    return t_sample_size(s, difference / sd, power, max_n);
}

std::optional<long> attrition_adjusted(long n, long retained, long randomized) {
    if (n < 0 || randomized <= 0 || retained < 0 || retained > randomized)
        throw UsageError("attrition: need n >= 0 and 0 <= retained <= randomized");
    if (retained == 0) return std::nullopt;
    return (n * randomized + retained - 1) / retained;
}

}  // namespace pilotstat::power
