// Item-level input: columns or measures named <instrument>_<k>, <instrument>_q<k>
// or <instrument><k> are the items of a registered instrument and are scored to
// its total by the manual's rule (sum or mean, reverse-scored items, how many
// may be missing). docs/instruments.md gives each rule with its source.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pilotstat::data {

struct ItemRule {
    std::string instrument;    // registry key ("bdi")
    int items = 0;             // item count
    int item_min = 0, item_max = 0;
    bool mean = false;         // total = mean of the answered items (else their sum)
    int min_answered = 0;      // fewer answered items: the total cannot be scored
    std::vector<int> reverse;  // 1-based items scored item_min + item_max - x
    std::string source;        // the manual's rule
};

// The rule of a registered instrument (by registry key), or nullptr.
const ItemRule* item_rule(std::string_view instrument_key);

struct ItemName {
    std::string total;   // the measure the items score to: the name without its item number ("BDI" of "BDI_3")
    const ItemRule* rule = nullptr;
    int item = 0;        // 1-based
};

// The item a measure or column name stands for, or nullopt ("bdi_3", "GAD7_q2", "phq9").
std::optional<ItemName> parse_item_name(std::string_view name);

// The total of one subject's items at one time. `answered[k]` is item k+1's
// score or nullopt. nullopt when no item is answered (a missed visit);
// otherwise throws std::invalid_argument (message for the user) when fewer
// than the rule allows are answered.
std::optional<double> score_items(const ItemRule& rule, const std::vector<std::optional<double>>& answered);

}  // namespace pilotstat::data
