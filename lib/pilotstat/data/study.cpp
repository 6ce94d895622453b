#include "pilotstat/data/study.hpp"

#include <algorithm>

namespace pilotstat::data {

std::vector<std::size_t> Study::subjects_in(std::size_t group) const {
    std::vector<std::size_t> out;
    for (std::size_t s = 0; s < subjects.size(); ++s)
        if (subject_group[s] == group) out.push_back(s);
    return out;
}

namespace {
std::optional<std::size_t> index_in(const std::vector<std::string>& names, const std::string& name) {
    auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) return std::nullopt;
    return static_cast<std::size_t>(it - names.begin());
}
}  // namespace

std::optional<std::size_t> Study::time_index(const std::string& name) const { return index_in(times, name); }
std::optional<std::size_t> Study::group_index(const std::string& name) const { return index_in(groups, name); }
std::optional<std::size_t> Study::measure_index(const std::string& name) const { return index_in(measures, name); }

}  // namespace pilotstat::data
