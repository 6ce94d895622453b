#include "pilotstat/analysis/pairs.hpp"

#include "pilotstat/error.hpp"

#include <algorithm>
#include <cmath>

namespace pilotstat::analysis {

std::optional<double> exact_difference(const data::Rational& from, const data::Rational& to) {
    const auto d = data::difference(from, to);
    if (!d) return std::nullopt;
    return data::to_double(*d);
}

namespace {
std::optional<data::Rational> exact_change(const std::optional<data::Score>& a, const std::optional<data::Score>& b) {
    if (!a->exact || !b->exact) return std::nullopt;
    return data::difference(*a->exact, *b->exact);
}
}  // namespace

std::vector<std::size_t> subjects_by_id(const data::Study& study, std::size_t group) {
    auto out = study.subjects_in(group);
    std::sort(out.begin(), out.end(),
              [&](std::size_t a, std::size_t b) { return study.subjects[a] < study.subjects[b]; });
    return out;
}

PairedSample paired_sample(const data::Study& study, std::size_t m, std::size_t g, std::size_t t_from,
                           std::size_t t_to) {
    PairedSample p;
    bool all_exact = true;
    for (auto s : subjects_by_id(study, g)) {
        const auto& a = study.at(m, s, t_from);
        const auto& b = study.at(m, s, t_to);
        if (!a || !b) {
            ++p.missing;
            continue;
        }
        p.subjects.push_back(s);
        p.from.push_back(a->value);
        p.to.push_back(b->value);
        if (const auto exact = exact_change(a, b)) {
            p.exact_from.push_back(*a->exact);
            p.exact_to.push_back(*b->exact);
            p.exact_differences.push_back(*exact);
            p.differences.push_back(data::to_double(*exact));
        } else {
            all_exact = false;
            p.differences.push_back(b->value - a->value);
            if (!std::isfinite(p.differences.back()))  // e.g. 1e308 -> -1e308 on an unbounded measure
                throw DataError(SourceLocation{study.source, 0, 0},
                                "the change of subject \"" + study.subjects[s] + "\" on \"" + study.measures[m] + "\" from " +
                                    study.times[t_from] + " to " + study.times[t_to] +
                                    " is too large to represent (scores of magnitude near 1e308)");
        }
    }
    if (!all_exact) {
        p.exact_from.clear();
        p.exact_to.clear();
        p.exact_differences.clear();
    }
    return p;
}

SingleSample single_sample(const data::Study& study, std::size_t m, std::size_t g, std::size_t t) {
    SingleSample out;
    bool all_exact = true;
    for (auto s : subjects_by_id(study, g)) {
        const auto& a = study.at(m, s, t);
        if (!a) {
            ++out.missing;
            continue;
        }
        out.subjects.push_back(s);
        out.values.push_back(a->value);
        if (a->exact) out.exact.push_back(*a->exact);
        else all_exact = false;
    }
    if (!all_exact) out.exact.clear();
    return out;
}

}  // namespace pilotstat::analysis
