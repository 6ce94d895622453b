#include "pilotstat/data/score_table.hpp"

#include <limits>
#include <stdexcept>

namespace pilotstat::data {

ScoreTable::ScoreTable(std::size_t measures, std::size_t subjects, std::size_t times)
    : measures_(measures), subjects_(subjects), times_(times),
      codes_(measures * subjects * times, kMissing),
      values_(measures, std::vector<std::optional<Score>>(1)) {}

ScoreTable::ScoreTable(std::size_t measures, std::size_t subjects, std::size_t times, std::vector<Code> codes,
                       std::vector<std::vector<std::optional<Score>>> values)
    : measures_(measures), subjects_(subjects), times_(times), codes_(std::move(codes)), values_(std::move(values)) {
    if (codes_.size() != measures * subjects * times || values_.size() != measures)
        throw std::logic_error("ScoreTable: codes or value tables do not match the dimensions");
    for (const auto& v : values_)
        if (v.empty() || v.front()) throw std::logic_error("ScoreTable: a value table lacks its missing entry");
}

void ScoreTable::set(std::size_t m, std::size_t s, std::size_t t, std::optional<Score> score) {
    Code& code = codes_.at(index(m, s, t));
    if (!score) {
        code = kMissing;
        return;
    }
    auto& v = values_[m];
    if (v.size() > std::numeric_limits<Code>::max()) throw std::length_error("ScoreTable: too many scores");
    code = static_cast<Code>(v.size());
    v.push_back(std::move(score));
}

}  // namespace pilotstat::data
