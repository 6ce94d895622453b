#include "pilotstat/report/number_format.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace pilotstat::report {

std::string shortest(double value) {
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    return ec == std::errc() ? std::string(buf, end) : std::string();
}

std::string rounded(double value, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, value);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

std::string rounded_p(double p, int digits) {
    const double floor = std::pow(10.0, -digits);
    if (p < floor) {
        std::string s = "< ";  // built by append: GCC 12 warns falsely (-Wrestrict) on "< " + string
        s += rounded(floor, digits);
        return s;
    }
    // Two significant digits just above the floor (0.00079, not 0.0008).
    return rounded(p, p < 10.0 * floor ? digits + 1 : digits);
}

}  // namespace pilotstat::report
