#include "pilotstat/data/instruments.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "pilotstat/data/decimal.hpp"
#include "pilotstat/data/instrument_aliases.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/io/csv_reader.hpp"

namespace pilotstat::data {

namespace {
std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string format_step(double step) {
    if (std::fabs(step * 7 - std::nearbyint(step * 7)) < 1e-12 && std::fabs(step - 1.0 / 7) < 1e-12) return "1/7";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", step);
    return buf;
}
}  // namespace

InstrumentRegistry InstrumentRegistry::builtin() {
    InstrumentRegistry r;
    // name, min, max, step, higher_is_worse, label
    // (each also answers to its aliases: BDI-II, bdi2, bdi_total, ...; instrument_aliases.cpp)
    r.add({"bdi", 0, 63, 1, true, "BDI-II"});
    r.add({"bpi_severity", 0, 10, 0.25, true, "BPI severity"});          // mean of 4 items, 0-10
    r.add({"bpi_interference", 0, 10, 1.0 / 7.0, true, "BPI interference"});  // mean of 7 items
    r.add({"gad7", 0, 21, 1, true, "GAD-7"});
    r.add({"pcl5", 0, 80, 1, true, "PCL-5"});
    r.add({"phq9", 0, 27, 1, true, "PHQ-9"});
    r.add({"madrs", 0, 60, 1, true, "MADRS"});
    r.add({"meq30", 0, 5, 0, false, "MEQ-30"});  // mean of 30 items; higher = stronger experience
    return r;
}

void InstrumentRegistry::add(Instrument instrument) {
    if (instrument.label.empty()) instrument.label = instrument.name;
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

bool InstrumentRegistry::on_grid(const Instrument& ins, double value, std::string_view text) {
    if (ins.step <= 0) return true;
    const int k = std::min(written_decimals(text), 15);
    const double scale = std::pow(10.0, k);
    const double j = std::nearbyint((value - ins.min) / ins.step);
    for (double cand = j - 1; cand <= j + 1; ++cand) {
        const double grid = ins.min + cand * ins.step;
        if (std::fabs(std::nearbyint(grid * scale) - value * scale) < 1e-6) return true;
    }
    return false;
}

std::string describe_grid(const Instrument& ins) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%g to %g", ins.min, ins.max);
    std::string s = buf;
    if (ins.step > 0) s += " in steps of " + format_step(ins.step);
    return s;
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
        Instrument ins{rec.fields[c_name], number(c_min), number(c_max), number(c_step), true, ""};
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
