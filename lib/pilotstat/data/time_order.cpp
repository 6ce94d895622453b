#include "pilotstat/data/time_order.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <utility>

namespace pilotstat::data {

namespace {

struct Place {
    double key = 0;      // position on the scale (days for durations)
    std::string family;  // labels are comparable only within one family; "" = baseline words
};

std::string letters_only(std::string_view s) {
    std::string out;
    for (char c : s)
        if (std::isalpha(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Days in one unit named by `word` (lower-case letters), or 0 if it names none.
double unit_days(const std::string& word) {
    static constexpr std::array<std::pair<std::string_view, double>, 16> units{{
        {"d", 1},       {"day", 1},       {"days", 1},   {"w", 7},        {"wk", 7},      {"wks", 7},
        {"week", 7},    {"weeks", 7},     {"m", 30.4375}, {"mo", 30.4375}, {"month", 30.4375},
        {"months", 30.4375}, {"y", 365.25}, {"yr", 365.25}, {"year", 365.25}, {"years", 365.25},
    }};
    for (const auto& [name, days] : units)
        if (word == name) return days;
    return 0;
}

std::optional<Place> place_of(const std::string& label) {
    const std::string word = letters_only(label);
    if (word == "screening" || word == "screen") return Place{-2, ""};
    if (word == "baseline" || word == "bl" || word == "base" || word == "pre" || word == "pretreatment" ||
        word == "pretest" || word == "intake")
        return Place{-1, ""};
    // exactly one number (digits with an optional decimal point)
    std::size_t b = label.find_first_of("0123456789");
    if (b == std::string::npos) return std::nullopt;
    std::size_t e = b;
    while (e < label.size() && (std::isdigit(static_cast<unsigned char>(label[e])) || label[e] == '.')) ++e;
    if (label.find_first_of("0123456789", e) != std::string::npos) return std::nullopt;
    const std::string digits = label.substr(b, e - b);
    if (std::count(digits.begin(), digits.end(), '.') > 1 || digits.back() == '.') return std::nullopt;
    const double number = std::stod(digits);
    const std::string prefix = letters_only(label.substr(0, b)), suffix = letters_only(label.substr(e));
    // "week 6", "6 weeks", "w6"; a prefix and a suffix both naming units is no label we know
    const double pre_unit = unit_days(prefix), post_unit = unit_days(suffix);
    if (pre_unit > 0 && suffix.empty()) return Place{number * pre_unit, "duration"};
    if (post_unit > 0 && prefix.empty()) return Place{number * post_unit, "duration"};
    if (pre_unit > 0 || post_unit > 0) return std::nullopt;
    return Place{number, prefix + "#" + suffix};
}

}  // namespace

std::optional<std::vector<std::size_t>> natural_time_order(const std::vector<std::string>& labels) {
    std::vector<Place> places;
    std::string family;
    for (const auto& label : labels) {
        auto p = place_of(label);
        if (!p) return std::nullopt;
        if (!p->family.empty()) {
            if (!family.empty() && p->family != family) return std::nullopt;
            family = p->family;
        }
        places.push_back(std::move(*p));
    }
    std::vector<std::size_t> order(labels.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    // baseline words before every numbered label, whatever its number (T0 and baseline: baseline first)
    auto rank = [&](std::size_t i) { return std::make_pair(places[i].family.empty() ? 0 : 1, places[i].key); };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
    for (std::size_t k = 1; k < order.size(); ++k)
        if (rank(order[k - 1]) == rank(order[k])) return std::nullopt;
    return order;
}

}  // namespace pilotstat::data
