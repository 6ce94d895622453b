#include "pilotstat/data/item_scoring.hpp"

#include <array>
#include <cctype>
#include <stdexcept>

#include "pilotstat/data/instrument_aliases.hpp"

namespace pilotstat::data {

namespace {
// Scoring rules from the manuals (docs/instruments.md). Where a manual gives no
// rule for missing items, every item is required.
const std::array<ItemRule, 7>& rules() {
    static const std::array<ItemRule, 7> r{{
        {"bdi", 21, 0, 3, false, 21, {}, "Beck, Steer & Brown 1996 (BDI-II manual): sum of 21 items 0-3"},
        {"gad7", 7, 0, 3, false, 7, {}, "Spitzer et al. 2006: sum of 7 items 0-3"},
        {"phq9", 9, 0, 3, false, 9, {}, "Kroenke, Spitzer & Williams 2001: sum of 9 items 0-3"},
        {"pcl5", 20, 0, 4, false, 20, {}, "Weathers et al. 2013 (PCL-5): sum of 20 items 0-4"},
        {"madrs", 10, 0, 6, false, 10, {}, "Montgomery & Asberg 1979: sum of 10 items 0-6"},
        {"bpi_severity", 4, 0, 10, true, 4, {}, "Cleeland 2009 (BPI user guide): mean of items 3-6 (worst, least, average, now)"},
        {"bpi_interference", 7, 0, 10, true, 4, {},
         "Cleeland 2009 (BPI user guide): mean of the 7 interference items, scored when at least 4 are answered"},
    }};
    return r;
}
}  // namespace

const ItemRule* item_rule(std::string_view key) {
    for (const auto& r : rules())
        if (r.instrument == key) return &r;
    return nullptr;
}

std::optional<ItemName> parse_item_name(std::string_view name) {
    // trailing digits = the item number; before them an optional "q" and an optional separator
    std::size_t e = name.size();
    std::size_t b = e;
    while (b > 0 && std::isdigit(static_cast<unsigned char>(name[b - 1]))) --b;
    if (b == e || e - b > 3 || b == 0) return std::nullopt;
    const int k = std::stoi(std::string(name.substr(b)));
    std::size_t stem_end = b;
    if (stem_end > 0 && (name[stem_end - 1] == 'q' || name[stem_end - 1] == 'Q')) {
        // "gad7_q2": q after a separator; "bdiq3" is ambiguous with a stem ending in q, so only after one
        if (stem_end >= 2 && (name[stem_end - 2] == '_' || name[stem_end - 2] == '.' || name[stem_end - 2] == '-'))
            --stem_end;
    }
    if (stem_end > 0 && (name[stem_end - 1] == '_' || name[stem_end - 1] == '.' || name[stem_end - 1] == '-')) --stem_end;
    if (stem_end == 0) return std::nullopt;
    const std::string total(name.substr(0, stem_end));
    const ItemRule* rule = item_rule(instrument_key(total));
    if (!rule || k < 1 || k > rule->items) return std::nullopt;
    return ItemName{total, rule, k};
}

std::optional<double> score_items(const ItemRule& rule, const std::vector<std::optional<double>>& answered) {
    int n = 0;
    double sum = 0;
    for (std::size_t k = 0; k < answered.size(); ++k) {
        if (!answered[k]) continue;
        double x = *answered[k];
        for (int r : rule.reverse)
            if (r == static_cast<int>(k) + 1) x = rule.item_min + rule.item_max - x;
        sum += x;
        ++n;
    }
    if (n == 0) return std::nullopt;
    if (n < rule.min_answered)
        throw std::invalid_argument(std::to_string(n) + " of " + std::to_string(rule.items) +
                                    " items answered; the total needs at least " + std::to_string(rule.min_answered) +
                                    " (" + rule.source + ")");
    return rule.mean ? sum / n : sum;
}

}  // namespace pilotstat::data
