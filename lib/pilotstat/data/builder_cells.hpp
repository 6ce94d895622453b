// Internal to the study builder (study_builder_detail.hpp): the cells read so
// far, as flat arrays indexed by (subject, measure, time) that grow as new
// names appear. Per cell: the line it was first read at (duplicate detection,
// 0 = not read) and its score code; per (subject, measure): the latest time
// read, for the check that every subject's rows agree with the file's order
// of times. Eight bytes per cell, no per-row allocation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <tuple>
#include <vector>

#include "pilotstat/data/score_table.hpp"

namespace pilotstat::data::builder {

// A row whose time comes before a time that subject already had for the
// measure, in the order of first appearance (time indices as read).
struct OrderViolation {
    std::size_t subject, earlier_time, later_time;
};

class CellStore {
public:
    // Records that cell (m, s, t) is read at `line`; returns the line it was
    // first read at when it was read before (a duplicate), else 0.
    std::size_t mark(std::size_t m, std::size_t s, std::size_t t, std::size_t line);
    // The cell's score, once it parsed; also tracks the order of times.
    void store(std::size_t m, std::size_t s, std::size_t t, ScoreTable::Code code);
    const std::optional<OrderViolation>& first_order_violation() const noexcept { return violation_; }

    // The codes laid out as ScoreTable wants them, times renumbered by
    // `new_time` (old index -> new; empty: unchanged).
    std::vector<ScoreTable::Code> codes(std::size_t measures, std::size_t subjects, std::size_t times,
                                        const std::vector<std::size_t>& new_time) const;

private:
    struct Cell {
        std::uint32_t line = 0;  // kLongLine: see long_lines_
        ScoreTable::Code code = ScoreTable::kMissing;
    };
    static constexpr std::uint32_t kLongLine = UINT32_MAX;
    void fit(std::size_t m, std::size_t s, std::size_t t);
    std::size_t cell(std::size_t m, std::size_t s, std::size_t t) const { return (s * mcap_ + m) * tcap_ + t; }

    std::size_t mcap_ = 0, tcap_ = 0, subjects_ = 0;
    std::vector<Cell> cells_;
    std::vector<std::uint32_t> latest_time_;  // per (s, m): 1 + latest time index read, 0 = none
    std::map<std::tuple<std::size_t, std::size_t, std::size_t>, std::size_t> long_lines_;  // lines >= 2^32 - 1
    std::optional<OrderViolation> violation_;
};

}  // namespace pilotstat::data::builder
