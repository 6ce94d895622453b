#include "pilotstat/check/tolerance.hpp"

#include <charconv>
#include <cfloat>
#include <cmath>
#include <limits>

#include "pilotstat/data/decimal.hpp"

namespace pilotstat::check {

namespace {

std::optional<int> parse_digits(std::string_view s) {
    int k = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), k);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty() || k < 0 || k > 15) return std::nullopt;
    return k;
}

std::optional<double> parse_amount(std::string_view s) {
    if (s.empty() || s.front() == ' ' || s.back() == ' ') return std::nullopt;
    const auto v = data::parse_finite(s);
    if (!v || *v < 0) return std::nullopt;
    return v;
}

}  // namespace

std::optional<Tolerance> parse_tolerance(std::string_view text) {
    Tolerance t;
    t.text = std::string(text);
    if (text == "exact") return t;
    const auto colon = text.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    const auto kind = text.substr(0, colon);
    auto arg = text.substr(colon + 1);
    if (kind == "decimals" || kind == "p") {
        const auto k = parse_digits(arg);
        if (!k) return std::nullopt;
        t.kind = kind == "p" ? ToleranceKind::pvalue : ToleranceKind::decimals;
        t.decimals = *k;
        return t;
    }
    if (kind == "rel") {
        if (arg.empty() || arg.back() != '%') return std::nullopt;
        arg.remove_suffix(1);
        t.kind = ToleranceKind::relative;
    } else if (kind == "abs") {
        t.kind = ToleranceKind::absolute;
    } else {
        return std::nullopt;
    }
    const auto x = parse_amount(arg);
    if (!x) return std::nullopt;
    t.amount = *x;
    return t;
}

std::optional<Expected> parse_expected(std::string_view text, bool allow_bound) {
    Expected e;
    e.text = std::string(text);
    std::string_view number = text;
    if (allow_bound && !number.empty() && (number.front() == '<' || number.front() == '>')) {
        const bool less = number.front() == '<';
        number.remove_prefix(1);
        const bool equal = !number.empty() && number.front() == '=';
        if (equal) number.remove_prefix(1);
        e.bound = less ? (equal ? Bound::at_most : Bound::below) : (equal ? Bound::at_least : Bound::above);
    }
    if (number.empty() || number.front() == ' ' || number.back() == ' ') return std::nullopt;
    const auto v = data::parse_finite(number);
    if (!v) return std::nullopt;
    e.value = *v;
    e.decimals = data::written_decimals(number);
    return e;
}

Acceptance acceptance(const Expected& e, const Tolerance& t) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    Acceptance a;
    if (e.bound != Bound::none) {
        const bool below = e.bound == Bound::below || e.bound == Bound::at_most;
        const double slack = 8 * DBL_EPSILON * std::fabs(e.value);
        a.low = below ? -inf : e.value - (e.bound == Bound::at_least ? slack : 0);
        a.high = below ? e.value + (e.bound == Bound::at_most ? slack : 0) : inf;
        a.low_open = e.bound == Bound::above;
        a.high_open = e.bound == Bound::below;
        return a;
    }
    double half = 0;
    switch (t.kind) {
        case ToleranceKind::exact: a.low = a.high = e.value; return a;
        case ToleranceKind::absolute: half = t.amount; break;
        case ToleranceKind::relative: half = t.amount / 100 * std::fabs(e.value); break;
        case ToleranceKind::decimals:
        case ToleranceKind::pvalue: half = 0.5 * std::pow(10.0, -t.decimals); break;
    }
    const double width = half * (1 + 1e-9) + 8 * DBL_EPSILON * std::fabs(e.value);
    a.low = e.value - width;
    a.high = e.value + width;
    return a;
}

bool accepts(const Acceptance& a, double lo, double hi) {
    const bool above_low = a.low_open ? hi > a.low : hi >= a.low;
    const bool below_high = a.high_open ? lo < a.high : lo <= a.high;
    return above_low && below_high;
}

}  // namespace pilotstat::check
