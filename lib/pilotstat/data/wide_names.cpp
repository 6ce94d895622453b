#include "pilotstat/data/wide_names.hpp"

#include <algorithm>
#include <cctype>

#include "pilotstat/data/item_scoring.hpp"
#include "pilotstat/io/text.hpp"

namespace pilotstat::data {

namespace {
bool is_number(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::string lower(const std::string& s) { return io::ascii_lower(s); }

// Words that name a time when a number follows them ("week_2").
bool is_time_word(const std::string& word) {
    static const std::vector<std::string> words{"t",     "time",  "week",  "weeks", "wk",    "w",   "day",
                                                "days",  "d",     "month", "months", "mo",   "m",   "year",
                                                "y",     "session", "sess", "visit", "v",    "followup", "fu"};
    return std::find(words.begin(), words.end(), lower(word)) != words.end();
}

// Positions where `column` splits into a non-empty measure and time at `sep`.
std::vector<std::size_t> split_points(const std::string& column, const std::string& sep) {
    std::vector<std::size_t> at;
    for (auto p = column.find(sep); p != std::string::npos; p = column.find(sep, p + 1))
        if (p > 0 && p + sep.size() < column.size()) at.push_back(p);
    return at;
}
}  // namespace

std::optional<WideName> split_wide_name(const std::string& column, const std::string& sep,
                                        const InstrumentRegistry& instruments,
                                        const std::vector<std::string>& measures,
                                        const std::vector<std::string>& times) {
    if (sep.empty()) return std::nullopt;
    const auto points = split_points(column, sep);
    if (points.empty()) return std::nullopt;
    auto at = [&](std::size_t p) { return WideName{column.substr(0, p), column.substr(p + sep.size())}; };
    // 1. a named measure or time: the only one that fits, or an error
    std::vector<WideName> fits;
    for (auto p : points) {
        const auto w = at(p);
        if ((!measures.empty() && std::find(measures.begin(), measures.end(), w.measure) != measures.end()) ||
            (!times.empty() && std::find(times.begin(), times.end(), w.time) != times.end()))
            fits.push_back(w);
    }
    if (fits.size() > 1)
        throw std::invalid_argument("column \"" + column + "\" splits into measure and time in more than one way (\"" +
                                    fits[0].measure + "\" at \"" + fits[0].time + "\", \"" + fits[1].measure +
                                    "\" at \"" + fits[1].time + "\"); rename it or use --sep");
    if (fits.size() == 1) return fits[0];
    // 2. the longest prefix that is an instrument's item or an instrument (BDI-II, bpi_severity)
    for (auto it = points.rbegin(); it != points.rend(); ++it)
        if (parse_item_name(at(*it).measure)) return at(*it);
    for (auto it = points.rbegin(); it != points.rend(); ++it)
        if (instruments.find(at(*it).measure)) return at(*it);
    // 3. the last separator, keeping "week_2" together
    if (points.size() >= 2) {
        const auto last = at(points.back());
        const auto before = at(points[points.size() - 2]);
        const std::string word = column.substr(points[points.size() - 2] + sep.size(),
                                               points.back() - points[points.size() - 2] - sep.size());
        if (is_number(last.time) && is_time_word(word)) return before;
    }
    return at(points.back());
}

}  // namespace pilotstat::data
