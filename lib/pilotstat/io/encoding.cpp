#include "pilotstat/io/encoding.hpp"

#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>

#include "pilotstat/error.hpp"

namespace pilotstat::io {

Encoding parse_encoding(std::string_view name) {
    std::string n;
    for (char c : name)
        if (c != '-' && c != '_') n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (n == "utf8") return Encoding::utf8;
    if (n == "cp1252" || n == "windows1252") return Encoding::cp1252;
    if (n == "latin1" || n == "iso88591") return Encoding::latin1;
    throw UsageError("unknown encoding \"" + std::string(name) + "\" (valid: utf-8, cp1252, latin1)");
}

std::optional<std::size_t> first_invalid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        // ASCII, eight bytes at a time (no byte with its high bit set)
        for (std::uint64_t w = 0; i + 8 <= s.size(); i += 8) {
            std::memcpy(&w, s.data() + i, 8);
            if (w & 0x8080808080808080ull) break;
        }
        if (i >= s.size()) break;
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (b >= 0xC2 && b <= 0xDF) len = 2;
        else if (b >= 0xE0 && b <= 0xEF) {
            len = 3;
            if (b == 0xE0) lo = 0xA0;   // no overlong forms
            if (b == 0xED) hi = 0x9F;   // no UTF-16 surrogates
        } else if (b >= 0xF0 && b <= 0xF4) {
            len = 4;
            if (b == 0xF0) lo = 0x90;
            if (b == 0xF4) hi = 0x8F;   // nothing above U+10FFFF
        } else
            return i;
        if (i + len > s.size()) return i;
        for (std::size_t k = 1; k < len; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            if (k == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) return i;
        }
        i += len;
    }
    return std::nullopt;
}

namespace {
// Windows-1252 bytes 0x80..0x9F as Unicode code points; 0 = undefined.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}
}  // namespace

std::optional<std::string> to_utf8(std::string_view text, Encoding from, std::size_t& bad_offset) {
    if (from == Encoding::utf8) return std::string(text);
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        char32_t cp = b;
        if (from == Encoding::cp1252 && b >= 0x80 && b <= 0x9F) {
            cp = kCp1252High[b - 0x80];
            if (cp == 0) {
                bad_offset = i;
                return std::nullopt;
            }
        }
        append_utf8(out, cp);
    }
    return out;
}

}  // namespace pilotstat::io
