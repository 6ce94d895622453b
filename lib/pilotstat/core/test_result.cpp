#include "pilotstat/core/test_result.hpp"

#include "pilotstat/error.hpp"

namespace pilotstat::core {

std::string_view to_string(Alternative a) {
    switch (a) {
        case Alternative::two_sided: return "two-sided";
        case Alternative::less: return "less";
        case Alternative::greater: return "greater";
    }
    return "two-sided";
}

std::string_view to_string(TwoSidedRule r) {
    return r == TwoSidedRule::deviation ? "deviation" : "doubled";
}

std::string_view to_string(Method m) {
    switch (m) {
        case Method::exact_enumeration: return "exact-enumeration";
        case Method::exact_dp: return "exact-dp";
        case Method::monte_carlo: return "monte-carlo";
        case Method::asymptotic: return "asymptotic";
    }
    return "asymptotic";
}

Alternative parse_alternative(std::string_view text) {
    if (text == "two-sided" || text == "two.sided") return Alternative::two_sided;
    if (text == "less") return Alternative::less;
    if (text == "greater") return Alternative::greater;
    throw UsageError("unknown alternative \"" + std::string(text) +
                     "\" (valid: two-sided, less, greater)");
}

std::string method_label(Method method, double arrangements, const std::optional<std::uint64_t>& seed) {
    std::string label(to_string(method));
    if (method == Method::monte_carlo) {
        label += " (B=" + std::to_string(static_cast<std::uint64_t>(arrangements));
        if (seed) label += ", seed=" + std::to_string(*seed);
        label += ')';
    }
    return label;
}

std::string TestResult::method_label() const { return core::method_label(method, arrangements, seed); }

}  // namespace pilotstat::core
