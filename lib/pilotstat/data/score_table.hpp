// A study's scores, compactly: each (measure, subject, time) cell is a 32-bit
// code into its measure's table of distinct scores (code 0: missing). An
// instrument's scores take few values (BDI-II: 64), so a million cells cost
// 4 MB plus a few hundred table entries rather than one Score object each.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "pilotstat/data/rational.hpp"

namespace pilotstat::data {

struct Score {
    double value = 0.0;
    std::optional<Rational> exact;  // the exact score: its grid point, or the plain decimal as written
};

class ScoreTable {
public:
    using Code = std::uint32_t;
    static constexpr Code kMissing = 0;

    ScoreTable() = default;
    // All cells missing.
    ScoreTable(std::size_t measures, std::size_t subjects, std::size_t times);
    // Takes codes laid out as index(m, s, t) and each measure's values
    // (values[m][0] must be nullopt: the missing code).
    ScoreTable(std::size_t measures, std::size_t subjects, std::size_t times, std::vector<Code> codes,
               std::vector<std::vector<std::optional<Score>>> values);

    const std::optional<Score>& at(std::size_t m, std::size_t s, std::size_t t) const {
        return values_[m][codes_[index(m, s, t)]];
    }
    // Sets one cell (appends the score to its measure's table).
    void set(std::size_t m, std::size_t s, std::size_t t, std::optional<Score> score);

    std::size_t measures() const noexcept { return measures_; }
    std::size_t subjects() const noexcept { return subjects_; }
    std::size_t times() const noexcept { return times_; }

private:
    // Subject-major: one subject's cells are adjacent.
    std::size_t index(std::size_t m, std::size_t s, std::size_t t) const { return (s * measures_ + m) * times_ + t; }

    std::size_t measures_ = 0, subjects_ = 0, times_ = 0;
    std::vector<Code> codes_;
    std::vector<std::vector<std::optional<Score>>> values_;  // per measure; [0] = nullopt
};

}  // namespace pilotstat::data
