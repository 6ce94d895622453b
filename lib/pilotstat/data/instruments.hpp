// Clinical instruments: score range, the grid scores lie on, and direction.
// Built-in values follow the instruments' scoring manuals (docs/formats.md);
// --instruments FILE adds or overrides entries.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pilotstat/data/rational.hpp"

namespace pilotstat::data {

struct Instrument {
    std::string name;
    double min = 0.0;
    double max = 0.0;
    double step = 0.0;            // 0: no grid (continuous)
    bool higher_is_worse = true;  // symptom scales: a fall is an improvement
    std::string label;            // display name, e.g. "BDI-II"
    // The grid as exact steps: scores are min + k * step for one of them. A
    // union ({1/4, 1/5, 1/6, 1/7}) is the grid of a mean of the answered
    // items when some may be missing. Empty: derived from `step` by add().
    std::vector<Rational> steps = {};
};

// A score snapped to its instrument's grid: the exact grid point.
struct GridPoint {
    Rational exact;
    double value = 0.0;  // the double nearest to `exact`
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

    // Is `value`, written as `text`, inside the range?
    static bool in_range(const Instrument& ins, double value);

    // The grid point `value` (written as `text`) stands for, or nullopt when
    // it is off the grid. A written decimal matches a grid point within half a
    // unit in its last digit (41/7 written 5.8571, 5.86 or 5.857142857), any
    // text within a few ulps as a double (Python's repr 5.428571428571429);
    // of several matches (a union grid) the nearest wins. No grid: nullopt.
    static std::optional<GridPoint> snap(const Instrument& ins, double value, std::string_view text);

    // The grid points nearest to `value` below and above it, for messages.
    static std::string nearest_points(const Instrument& ins, double value);

private:
    std::map<std::string, Instrument> by_name_;  // key: lower-case name
};

std::string describe_grid(const Instrument& ins);  // "0 to 63 in steps of 1"

// Parses a grid step: "0.25", "1/7", or a union "1/4|1/5|1/6|1/7"; "0" is no
// grid (empty). nullopt when malformed.
std::optional<std::vector<Rational>> parse_steps(std::string_view text);

}  // namespace pilotstat::data
