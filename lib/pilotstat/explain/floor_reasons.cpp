#include "pilotstat/explain/floor_reasons.hpp"

#include <cmath>
#include <cstdio>

namespace pilotstat::explain {

namespace {
std::string count_text(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", x);
    return buf;
}

std::string extreme(const FloorInfo& f) {
    return count_text(std::round(f.design_floor * f.arrangements)) + " of " + count_text(f.arrangements) + " " +
           f.unit;
}

std::string other(const FloorInfo& f) {
    if (f.other_test.empty()) return "";
    return "; other tests on the same data may differ (" + f.other_test + ": p = " + fmt_p(f.other_p) + ")";
}

// Floors are exact masses: a relative tolerance keeps rounding from firing a rule.
bool above(double a, double b) { return a > b * (1.0 + 1e-9); }
bool at_least(double a, double b) { return a >= b * (1.0 - 1e-9); }
}  // namespace

std::optional<Reason> p_floor_reason(const FloorInfo& f, double alpha) {
    Reason r{"P_FLOOR", {{"p_floor", f.design_floor}, {"p_floor_data", f.data_floor}, {"alpha", alpha},
                         {"arrangements", f.arrangements}}, ""};
    if (at_least(f.design_floor, alpha)) {
        r.sentence = "with " + f.size + " the " + f.test + " cannot give p < " + fmt_p(alpha) +
                     " for any data: its smallest attainable p-value is " + fmt_p(f.design_floor) + " (" +
                     extreme(f) + ")" + other(f);
        return r;
    }
    if (at_least(f.data_floor, alpha)) {
        r.sentence = "the zeros and ties in these data raise the smallest p-value the " + f.test + " can give to " +
                     fmt_p(f.data_floor) + ", not below alpha = " + fmt_p(alpha) + " (with " + f.size +
                     " and distinct values it would be " + fmt_p(f.design_floor) + ")" + other(f);
        return r;
    }
    return std::nullopt;
}

std::optional<Reason> coarse_note(const FloorInfo& f, double alpha) {
    if (!(f.design_floor > 0) || at_least(f.design_floor, alpha) || at_least(f.data_floor, alpha)) return std::nullopt;
    const double below = std::floor(alpha / f.design_floor + 1e-9);
    if (below > 10) return std::nullopt;
    Reason r{"COARSE", {{"p_floor", f.design_floor}, {"attainable_below_alpha", below}, {"alpha", alpha}}, ""};
    r.sentence = "the " + f.test + " is coarse at " + f.size + ": its smallest p-value is " + fmt_p(f.design_floor) +
                 " (" + extreme(f) + ") and at most " + count_text(below) + " attainable p-values lie below alpha = " +
                 fmt_p(alpha) + " (a note on resolution, not a reason for the verdict)";
    return r;
}

std::optional<Reason> zeros_ties_reason(const FloorInfo& f) {
    if (!above(f.data_floor, f.design_floor)) return std::nullopt;
    const bool zeros = f.zeros > 0;
    Reason r{zeros ? "ZEROS" : "TIES", {{"p_floor", f.design_floor}, {"p_floor_data", f.data_floor}}, ""};
    if (zeros) {
        r.numbers.push_back({"zeros", static_cast<double>(f.zeros)});
        r.sentence = plural(f.zeros, "zero change") + (f.zeros == 1 ? " carries" : " carry") + " no sign, so the " + f.test +
                     "'s smallest attainable p-value with these data is " + fmt_p(f.data_floor) + " instead of " +
                     fmt_p(f.design_floor) + " for " + f.size;
    } else {
        r.sentence = "tied values raise the " + f.test + "'s smallest attainable p-value with these data to " +
                     fmt_p(f.data_floor) + " from " + fmt_p(f.design_floor) + " for " + f.size;
    }
    return r;
}

}  // namespace pilotstat::explain
