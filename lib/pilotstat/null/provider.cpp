#include "pilotstat/null/provider.hpp"

#include <algorithm>

namespace pilotstat::null {

Provider choose_provider(const Cost& cost, const core::ExactOptions& options) {
    const bool dp_fits = cost.dp && cost.dp->table <= std::min(options.max_dp_cells, core::kMaxDpTableCells);
    if (dp_fits && cost.dp->work < cost.arrangements) return Provider::dp;
    if (cost.arrangements <= options.max_enumeration) return Provider::enumeration;
    if (dp_fits) return Provider::dp;
    return Provider::monte_carlo;
}

core::Method method_of(Provider p) {
    switch (p) {
        case Provider::enumeration: return core::Method::exact_enumeration;
        case Provider::dp: return core::Method::exact_dp;
        case Provider::monte_carlo: return core::Method::monte_carlo;
    }
    return core::Method::monte_carlo;
}

}  // namespace pilotstat::null
