// Clinical instruments: score range, the grid scores lie on, and direction.
// Built-in values follow the instruments' scoring manuals (docs/formats.md);
// --instruments FILE adds or overrides entries.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace pilotstat::data {

struct Instrument {
    std::string name;
    double min = 0.0;
    double max = 0.0;
    double step = 0.0;            // 0: no grid (continuous)
    bool higher_is_worse = true;  // symptom scales: a fall is an improvement
    std::string label;            // display name, e.g. "BDI-II"
};

class InstrumentRegistry {
public:
    // The built-in instruments.
    static InstrumentRegistry builtin();

    void add(Instrument instrument);  // adds or replaces by name (case-insensitive)
    const Instrument* find(std::string_view name) const;

    // Reads CSV name,min,max,step,higher_is_worse[,label]; throws DataError
    // with FILE:LINE:COLUMN for bad rows.
    void load_csv(const std::string& path);

    // Is `value`, written as `text`, inside the range and on the grid? A value
    // counts as on a fractional grid when it equals a grid point rounded to the
    // number of decimals written (41/7 written 5.8571 is on the 1/7 grid).
    static bool in_range(const Instrument& ins, double value);
    static bool on_grid(const Instrument& ins, double value, std::string_view text);

private:
    std::map<std::string, Instrument> by_name_;  // key: lower-case name
};

std::string describe_grid(const Instrument& ins);  // "0 to 63 in steps of 1"

}  // namespace pilotstat::data
