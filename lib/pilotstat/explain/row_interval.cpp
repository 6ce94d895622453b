#include "pilotstat/explain/row_interval.hpp"

namespace pilotstat::explain {

std::optional<RowInterval> row_interval(const analysis::ChangeRow& r) {
    if (!r.boot.interval) return std::nullopt;
    return RowInterval{r.boot.interval->low, r.boot.interval->high, r.boot.interval->conf,
                       "bootstrap, " + r.boot.method_label, false};
}

std::optional<RowInterval> row_interval(const analysis::CompareRow& r) {
    if (r.ancova) {
        if (!r.ancova->fit) return std::nullopt;
        const auto& ci = r.ancova->fit->ci;
        return RowInterval{ci.low, ci.high, ci.conf, "t interval, ANCOVA", false};
    }
    if (!r.boot || !r.boot->interval) return std::nullopt;
    return RowInterval{r.boot->interval->low, r.boot->interval->high, r.boot->interval->conf,
                       "bootstrap, " + r.boot->method_label, false};
}

}  // namespace pilotstat::explain
