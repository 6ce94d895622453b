#include "pilotstat/analysis/pairs.hpp"

#include "pilotstat/error.hpp"

#include <algorithm>
#include <cmath>

namespace pilotstat::analysis {

double exact_difference(const data::Decimal& from, const data::Decimal& to) {
    const int K = std::max(from.scale, to.scale);
    __extension__ using int128 = __int128;
    int128 a = from.mantissa, b = to.mantissa;
    for (int i = from.scale; i < K; ++i) a *= 10;
    for (int i = to.scale; i < K; ++i) b *= 10;
    // |b - a| < 2 * 10^36 fits; long double keeps 64 bits before the final rounding.
    return static_cast<double>(static_cast<long double>(b - a) / std::pow(10.0L, K));
}

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
        if (a->exact && b->exact) {
            p.exact_from.push_back(*a->exact);
            p.exact_to.push_back(*b->exact);
            p.differences.push_back(exact_difference(*a->exact, *b->exact));
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
