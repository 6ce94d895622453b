#include "pilotstat/data/builder_cells.hpp"

#include <algorithm>

namespace pilotstat::data::builder {

// New measures or times widen every subject's block (capacities double, so a
// file with many names re-lays its cells out a logarithmic number of times);
// a new subject appends a block.
void CellStore::fit(std::size_t m, std::size_t s, std::size_t t) {
    if (m >= mcap_ || t >= tcap_) {
        const std::size_t mcap = m >= mcap_ ? std::max(m + 1, 2 * mcap_) : mcap_;
        const std::size_t tcap = t >= tcap_ ? std::max(t + 1, 2 * tcap_) : tcap_;
        std::vector<Cell> cells(subjects_ * mcap * tcap);
        std::vector<std::uint32_t> latest(subjects_ * mcap, 0);
        for (std::size_t si = 0; si < subjects_; ++si)
            for (std::size_t mi = 0; mi < mcap_; ++mi) {
                latest[si * mcap + mi] = latest_time_[si * mcap_ + mi];
                for (std::size_t ti = 0; ti < tcap_; ++ti) cells[(si * mcap + mi) * tcap + ti] = cells_[cell(mi, si, ti)];
            }
        cells_ = std::move(cells);
        latest_time_ = std::move(latest);
        mcap_ = mcap;
        tcap_ = tcap;
    }
    if (s >= subjects_) {
        subjects_ = s + 1;
        cells_.resize(subjects_ * mcap_ * tcap_);
        latest_time_.resize(subjects_ * mcap_, 0);
    }
}

std::size_t CellStore::mark(std::size_t m, std::size_t s, std::size_t t, std::size_t line) {
    fit(m, s, t);
    Cell& c = cells_[cell(m, s, t)];
    if (c.line == kLongLine) return long_lines_.at({m, s, t});
    if (c.line != 0) return c.line;
    if (line >= kLongLine) {
        c.line = kLongLine;
        long_lines_[{m, s, t}] = line;
    } else {
        c.line = static_cast<std::uint32_t>(line);
    }
    return 0;
}

void CellStore::store(std::size_t m, std::size_t s, std::size_t t, ScoreTable::Code code) {
    cells_[cell(m, s, t)].code = code;
    std::uint32_t& latest = latest_time_[s * mcap_ + m];
    if (latest != 0 && t + 1 < latest && !violation_) violation_ = OrderViolation{s, latest - 1u, t};
    latest = static_cast<std::uint32_t>(t + 1);
}

std::vector<ScoreTable::Code> CellStore::codes(std::size_t measures, std::size_t subjects, std::size_t times,
                                               const std::vector<std::size_t>& new_time) const {
    std::vector<ScoreTable::Code> out(measures * subjects * times, ScoreTable::kMissing);
    for (std::size_t s = 0; s < std::min(subjects, subjects_); ++s)
        for (std::size_t m = 0; m < std::min(measures, mcap_); ++m)
            for (std::size_t t = 0; t < std::min(times, tcap_); ++t) {
                const std::size_t nt = new_time.empty() ? t : new_time[t];
                out[(s * measures + m) * times + nt] = cells_[cell(m, s, t)].code;
            }
    return out;
}

}  // namespace pilotstat::data::builder
