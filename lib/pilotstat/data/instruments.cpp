#include "pilotstat/data/instruments.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "pilotstat/data/decimal.hpp"
#include "pilotstat/data/instrument_aliases.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/io/csv_reader.hpp"
#include "pilotstat/io/text.hpp"

namespace pilotstat::data {

namespace {
std::string lower(std::string_view s) { return io::ascii_lower(s); }

// A double that is (within rounding) a fraction with a small denominator as
// that fraction (1/7, 0.25 -> 1/4), else its shortest decimal exactly.
std::optional<Rational> rationalize(double v) {
    if (!std::isfinite(v) || std::fabs(v) > 1e15) return std::nullopt;
    if (v == std::nearbyint(v)) return Rational{static_cast<std::int64_t>(v), 1};
    for (std::int64_t q = 2; q <= 1000; ++q) {
        const double k = std::nearbyint(v * static_cast<double>(q));
        if (std::fabs(v * static_cast<double>(q) - k) <= 1e-12 * std::max(1.0, std::fabs(k)))
            return reduced(static_cast<std::int64_t>(k), q);
    }
    char buf[40];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    const auto d = parse_decimal(std::string_view(buf, static_cast<std::size_t>(res.ptr - buf)));
    if (!d) return std::nullopt;
    return to_rational(*d);
}

bool terminating(std::int64_t den) {
    while (den % 2 == 0) den /= 2;
    while (den % 5 == 0) den /= 5;
    return den == 1;
}

std::string format_number(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

std::string format_step(const Rational& r, bool as_fraction) {
    if (r.den == 1 || (!as_fraction && terminating(r.den))) return format_number(to_double(r));
    return std::to_string(r.num) + "/" + std::to_string(r.den);
}

std::string format_point(const Rational& r) {
    if (r.den == 1) return std::to_string(r.num);
    if (terminating(r.den)) return format_number(to_double(r));
    return std::to_string(r.num) + "/" + std::to_string(r.den) + " = " + format_number(to_double(r));
}

// The grid point min + k * step as a fraction over L = lcm(min.den, step.den).
struct Lattice {
    int128 L = 1, base = 0, unit = 0;  // point(k) = (base + k * unit) / L
};

std::optional<Lattice> lattice(const Rational& min, const Rational& step) {
    const auto L = lcm128(min.den, step.den);
    if (!L || *L > (int128{1} << 62)) return std::nullopt;
    return Lattice{*L, static_cast<int128>(min.num) * (*L / min.den), static_cast<int128>(step.num) * (*L / step.den)};
}

Rational as_rational(int128 num, int128 den) {
    // Callers keep |num| and den well inside 64 bits.
    return reduced(static_cast<std::int64_t>(num), static_cast<std::int64_t>(den));
}
}  // namespace

InstrumentRegistry InstrumentRegistry::builtin() {
    InstrumentRegistry r;
    // name, min, max, step, higher_is_worse, label
    // (each also answers to its aliases: BDI-II, bdi2, bdi_total, ...; instrument_aliases.cpp)
    r.add({"bdi", 0, 63, 1, true, "BDI-II"});
    r.add({"bpi_severity", 0, 10, 0.25, true, "BPI severity"});          // mean of 4 items, 0-10
    // Mean of the answered items of 7; the BPI user guide scores it when at least
    // 4 are answered, so the grid is the union of the 1/4, 1/5, 1/6 and 1/7 steps.
    r.add({"bpi_interference", 0, 10, 1.0 / 7.0, true, "BPI interference", {{1, 4}, {1, 5}, {1, 6}, {1, 7}}});
    r.add({"gad7", 0, 21, 1, true, "GAD-7"});
    r.add({"pcl5", 0, 80, 1, true, "PCL-5"});
    r.add({"phq9", 0, 27, 1, true, "PHQ-9"});
    r.add({"madrs", 0, 60, 1, true, "MADRS"});
    r.add({"meq30", 0, 5, 0, false, "MEQ-30"});  // mean of 30 items; higher = stronger experience
    return r;
}

void InstrumentRegistry::add(Instrument instrument) {
    if (instrument.label.empty()) instrument.label = instrument.name;
    if (instrument.steps.empty() && instrument.step > 0)
        if (auto r = rationalize(instrument.step)) instrument.steps = {*r};
    by_name_[instrument_key(instrument.name)] = std::move(instrument);
}

const Instrument* InstrumentRegistry::find(std::string_view name) const {
    auto it = by_name_.find(instrument_key(name));
    return it == by_name_.end() ? nullptr : &it->second;
}

bool InstrumentRegistry::in_range(const Instrument& ins, double value) {
    const double slack = 1e-9 * std::max(1.0, std::fabs(ins.max));
    return value >= ins.min - slack && value <= ins.max + slack;
}

std::optional<GridPoint> InstrumentRegistry::snap(const Instrument& ins, double value, std::string_view text) {
    const auto min = rationalize(ins.min);
    if (ins.steps.empty() || !min) return std::nullopt;
    const auto written = parse_decimal(text);
    int128 ten_s = 1;
    if (written)
        for (int i = 0; i < written->scale; ++i) ten_s *= 10;
    std::optional<GridPoint> best;
    double best_distance = 0.0;
    for (const auto& step : ins.steps) {
        const auto lat = lattice(*min, step);
        if (!lat) continue;
        const double k0 = std::nearbyint((value - ins.min) / to_double(step));
        if (!(std::fabs(k0) < 1e15)) continue;
        for (double k = k0 - 1; k <= k0 + 1; ++k) {
            if (k < 0) continue;
            const int128 P = lat->base + static_cast<int128>(k) * lat->unit;
            const double g = nearest_double(P, lat->L);
            if (!in_range(ins, g)) continue;
            bool match = std::fabs(value - g) <= 4 * std::numeric_limits<double>::epsilon() *
                                                     std::max(std::fabs(g), std::numeric_limits<double>::min());
            if (!match && written) {
                // |m / 10^s - P / L| <= 1/2 * 10^-s  <=>  2 |m L - P 10^s| <= L
                int128 a = 0, b = 0;
                if (!__builtin_mul_overflow(static_cast<int128>(written->mantissa), lat->L, &a) &&
                    !__builtin_mul_overflow(P, ten_s, &b)) {
                    const int128 d = a > b ? a - b : b - a;
                    match = 2 * d <= lat->L;
                }
            }
            if (!match) continue;
            const double distance = std::fabs(value - g);
            if (!best || distance < best_distance) {
                best = GridPoint{as_rational(P, lat->L), g};
                best_distance = distance;
            }
        }
    }
    return best;
}

std::string InstrumentRegistry::nearest_points(const Instrument& ins, double value) {
    const auto min = rationalize(ins.min);
    if (ins.steps.empty() || !min) return {};
    std::optional<GridPoint> below, above;
    for (const auto& step : ins.steps) {
        const auto lat = lattice(*min, step);
        if (!lat) continue;
        const double k = std::floor((value - ins.min) / to_double(step));
        for (double j = k - 1; j <= k + 2; ++j) {
            if (j < 0) continue;
            const int128 P = lat->base + static_cast<int128>(j) * lat->unit;
            const double g = nearest_double(P, lat->L);
            if (!in_range(ins, g)) continue;
            if (g <= value && (!below || g > below->value)) below = GridPoint{as_rational(P, lat->L), g};
            if (g >= value && (!above || g < above->value)) above = GridPoint{as_rational(P, lat->L), g};
        }
    }
    if (below && above) return format_point(below->exact) + " and " + format_point(above->exact);
    if (below) return format_point(below->exact);
    if (above) return format_point(above->exact);
    return {};
}

std::string describe_grid(const Instrument& ins) {
    std::string s = format_number(ins.min) + " to " + format_number(ins.max);
    if (ins.steps.empty()) return s;
    const bool union_grid = ins.steps.size() > 1;
    s += " in steps of ";
    for (std::size_t i = 0; i < ins.steps.size(); ++i) {
        if (i > 0) s += i + 1 == ins.steps.size() ? " or " : ", ";
        s += format_step(ins.steps[i], union_grid);
    }
    return s;
}

std::optional<std::vector<Rational>> parse_steps(std::string_view text) {
    std::vector<Rational> out;
    while (true) {
        const auto bar = text.find('|');
        std::string_view part = text.substr(0, bar);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
        std::optional<Rational> r;
        if (const auto slash = part.find('/'); slash != std::string_view::npos) {
            std::int64_t p = 0, q = 0;
            const auto a = part.substr(0, slash), b = part.substr(slash + 1);
            if (std::from_chars(a.data(), a.data() + a.size(), p).ptr == a.data() + a.size() && !a.empty() &&
                std::from_chars(b.data(), b.data() + b.size(), q).ptr == b.data() + b.size() && !b.empty() && p > 0 &&
                q > 0)
                r = reduced(p, q);
        } else if (const auto d = parse_decimal(part)) {
            r = to_rational(*d);
        } else if (const auto v = parse_finite(part)) {
            r = rationalize(*v);
        }
        if (!r || r->num < 0) return std::nullopt;
        if (r->num > 0) out.push_back(*r);
        else if (bar != std::string_view::npos || !out.empty()) return std::nullopt;  // 0 only alone
        if (bar == std::string_view::npos) break;
        text.remove_prefix(bar + 1);
    }
    return out;
}

void InstrumentRegistry::load_csv(const std::string& path) {
    io::CsvReader reader(path, io::CsvOptions{});
    const auto& h = reader.header();
    auto col = [&](const std::string& name, bool required) -> std::optional<std::size_t> {
        auto it = std::find(h.begin(), h.end(), name);
        if (it != h.end()) return static_cast<std::size_t>(it - h.begin());
        if (required)
            throw DataError(SourceLocation{reader.source_name(), reader.header_line(), 0},
                            "instruments file lacks column \"" + name +
                                "\" (needs name,min,max,step,higher_is_worse)");
        return std::nullopt;
    };
    const auto c_name = *col("name", true), c_min = *col("min", true), c_max = *col("max", true),
               c_step = *col("step", true), c_dir = *col("higher_is_worse", true);
    const auto c_label = col("label", false);
    io::CsvRecord rec;
    while (reader.next(rec)) {
        auto number = [&](std::size_t c) {
            auto v = parse_finite(rec.fields[c]);
            if (!v) throw DataError(SourceLocation{reader.source_name(), rec.line, c + 1},
                                    "\"" + rec.fields[c] + "\" is not a number (column \"" + h[c] + "\")");
            return *v;
        };
        const auto steps = parse_steps(rec.fields[c_step]);
        if (!steps)
            throw DataError(SourceLocation{reader.source_name(), rec.line, c_step + 1},
                            "\"" + rec.fields[c_step] +
                                "\" is not a grid step (a number >= 0, a fraction like 1/7, or a union like 1/4|1/7)");
        Instrument ins{rec.fields[c_name], number(c_min), number(c_max), 0.0, true, "", *steps};
        for (const auto& st : *steps) {
            const double v = to_double(st);
            if (ins.step == 0.0 || v < ins.step) ins.step = v;
        }
        const std::string dir = lower(rec.fields[c_dir]);
        if (dir == "true" || dir == "1" || dir == "yes") ins.higher_is_worse = true;
        else if (dir == "false" || dir == "0" || dir == "no") ins.higher_is_worse = false;
        else throw DataError(SourceLocation{reader.source_name(), rec.line, c_dir + 1},
                             "higher_is_worse must be true or false (\"" + rec.fields[c_dir] + "\")");
        if (ins.name.empty() || !(ins.min < ins.max) || ins.step < 0)
            throw DataError(SourceLocation{reader.source_name(), rec.line, 1},
                            "instrument needs a name, min < max and step >= 0");
        if (c_label) ins.label = rec.fields[*c_label];
        add(std::move(ins));
    }
}

}  // namespace pilotstat::data
