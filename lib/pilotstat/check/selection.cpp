#include "pilotstat/check/selection.hpp"

#include <cctype>
#include <stdexcept>

namespace pilotstat::check {

const std::string* Selection::find(std::string_view key) const {
    for (const auto& [k, v] : keys)
        if (k == key) return &v;
    return nullptr;
}

namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// Reads one token starting at text[i] (not a space); a quoted part may hold spaces.
std::string next_token(std::string_view text, std::size_t& i) {
    std::string token;
    while (i < text.size() && !is_space(text[i])) {
        const char c = text[i];
        if (c == '"' || c == '\'') {
            const auto close = text.find(c, i + 1);
            if (close == std::string_view::npos)
                throw std::invalid_argument("unterminated quote in \"" + std::string(text) + "\"");
            token.append(text.substr(i + 1, close - i - 1));
            i = close + 1;
        } else {
            token += c;
            ++i;
        }
    }
    return token;
}

}  // namespace

Selection parse_selection(std::string_view text) {
    Selection s;
    std::size_t i = 0;
    bool first = true;
    while (true) {
        while (i < text.size() && is_space(text[i])) ++i;
        if (i >= text.size()) break;
        const bool quoted_start = text[i] == '"' || text[i] == '\'';
        std::string token = next_token(text, i);
        if (first) {
            if (token.empty() || token.find('=') != std::string::npos)
                throw std::invalid_argument("select must start with a command (e.g. change, describe, grim), not \"" +
                                            token + "\"");
            s.command = token;
            first = false;
            continue;
        }
        const auto eq = token.find('=');
        if (eq == std::string::npos || quoted_start)
            throw std::invalid_argument("expected key=value, got \"" + token + "\"");
        std::string key = token.substr(0, eq);
        if (key.empty()) throw std::invalid_argument("empty key in \"" + token + "\"");
        if (s.find(key)) throw std::invalid_argument("key \"" + key + "\" given twice");
        s.keys.emplace_back(std::move(key), token.substr(eq + 1));
    }
    if (first) throw std::invalid_argument("select is empty");
    return s;
}

std::string format_selection(const Selection& selection) {
    std::string out = selection.command;
    for (const auto& [key, value] : selection.keys) {
        out += ' ';
        out += key;
        out += '=';
        bool needs_quotes = value.empty();
        for (char c : value)
            if (is_space(c) || c == '"' || c == '\'') needs_quotes = true;
        if (!needs_quotes) {
            out += value;
            continue;
        }
        const char q = value.find('"') == std::string::npos ? '"' : '\'';
        out += q;
        out += value;
        out += q;
    }
    return out;
}

}  // namespace pilotstat::check
