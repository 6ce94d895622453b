#include "pilotstat/report/provenance.hpp"

#include <cstdio>

#include "pilotstat/error.hpp"

namespace pilotstat::report {

std::string shell_join(const std::vector<std::string>& args) {
    auto plain = [](unsigned char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               std::string_view("_./:=,+@%-").find(static_cast<char>(c)) != std::string_view::npos;
    };
    std::string out;
    for (const auto& a : args) {
        if (!out.empty()) out += ' ';
        bool quote = a.empty();
        for (unsigned char c : a) quote = quote || !plain(c);
        if (!quote) {
            out += a;
            continue;
        }
        out += '\'';
        for (char c : a) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
        out += '\'';
    }
    return out;
}

std::string utc_stamp(std::time_t t, bool date_only) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, date_only ? "%Y-%m-%d" : "%Y-%m-%d %H:%M:%S UTC", &tm);
    return buf;
}

std::optional<std::time_t> parse_source_date_epoch(const char* value) {
    if (!value) return std::nullopt;
    const std::string v = value;
    bool digits = !v.empty() && v.size() <= 12;
    for (char c : v) digits = digits && c >= '0' && c <= '9';
    if (!digits)
        throw DataError("SOURCE_DATE_EPOCH=\"" + v + "\" is not a whole number of seconds since 1970-01-01 UTC "
                        "(unset it to stamp the current time)");
    return static_cast<std::time_t>(std::stoll(v));
}

}  // namespace pilotstat::report
