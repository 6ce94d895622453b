#include "pilotstat/report/json_values.hpp"

#include <cmath>
#include <cstdio>
#include <variant>

#include "pilotstat/report/number_format.hpp"

namespace pilotstat::report {

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (unsigned char ch : s) {
        switch (ch) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (ch < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", ch);
                    out += buf;
                } else {
                    out += static_cast<char>(ch);
                }
        }
    }
    return out + '"';
}

std::string json_number(double value) { return std::isfinite(value) ? shortest(value) : "null"; }

std::string json_number(const std::optional<double>& value) { return value ? json_number(*value) : "null"; }

std::string json_cell(const Cell& cell) {
    if (std::holds_alternative<std::monostate>(cell)) return "null";
    if (auto s = std::get_if<std::string>(&cell)) return json_string(*s);
    if (auto i = std::get_if<std::int64_t>(&cell)) return std::to_string(*i);
    return json_number(std::get<double>(cell));
}

}  // namespace pilotstat::report
