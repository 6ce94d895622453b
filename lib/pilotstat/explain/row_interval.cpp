#include "pilotstat/explain/row_interval.hpp"

namespace pilotstat::explain {

namespace {

// "t interval", "Welch t interval", "t interval, ANCOVA": the row's ci_method in prose.
std::string headline_method_prose(const std::string& method) {
    if (method == "t") return "t interval";
    if (method == "welch") return "Welch t interval";
    if (method == "ancova t") return "t interval, ANCOVA";
    return method;
}

std::optional<RowInterval> headline(const std::optional<core::Interval>& ci) {
    if (!ci) return std::nullopt;
    return RowInterval{ci->low, ci->high, ci->conf, headline_method_prose(ci->method), false};
}

}  // namespace

std::optional<RowInterval> row_interval(const analysis::ChangeRow& r) { return headline(r.ci); }

std::optional<RowInterval> row_interval(const analysis::CompareRow& r) { return headline(r.ci); }

}  // namespace pilotstat::explain
