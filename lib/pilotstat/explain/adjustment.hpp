// A declared family: the adjusted p of one test and how it was adjusted.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

namespace pilotstat::explain {

struct Adjustment {
    std::optional<double> p_adjusted;  // nullopt: outside any family (unadjusted)
    std::string method;                // "Holm"
    std::size_t family_size = 1;
    std::string family = "measures";
    // This row's adjusted p were its raw p `p`, the family's other p-values
    // unchanged (for leave-one-out verdicts). Empty with p_adjusted set: it
    // cannot be recomputed that way (Westfall-Young max-T).
    std::function<double(double)> readjust;
};

// The adjusted p for a new raw p; nullopt when it cannot be recomputed.
inline std::optional<double> readjusted(const Adjustment& a, double p) {
    if (!a.p_adjusted) return p;
    if (a.readjust) return a.readjust(p);
    return std::nullopt;
}

}  // namespace pilotstat::explain
