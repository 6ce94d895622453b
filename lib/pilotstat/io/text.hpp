// The small text helpers every reader of CSV fields needs, once: trimming the
// blanks a spreadsheet leaves around a cell, and ASCII lower case for
// case-insensitive names (locale-independent, so results never depend on the
// user's locale).
#pragma once

#include <string>
#include <string_view>

namespace pilotstat::io {

// `s` without leading and trailing spaces and tabs (line ends are already
// removed by the CSV reader).
inline std::string_view trim_blanks(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// `s` with A-Z mapped to a-z; every other byte (UTF-8 included) unchanged.
inline std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace pilotstat::io
