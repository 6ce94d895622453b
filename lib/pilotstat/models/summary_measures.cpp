#include "pilotstat/models/summary_measures.hpp"

#include <algorithm>
#include <cmath>

#include "pilotstat/error.hpp"

namespace pilotstat::models {

namespace {

bool usable(std::span<const double> times, std::span<const double> scores, const char* who) {
    if (times.size() != scores.size())
        throw UsageError(std::string(who) + ": times and scores differ in length");
    const auto finite = [](double v) { return std::isfinite(v); };
    return times.size() >= 2 && std::all_of(times.begin(), times.end(), finite) &&
           std::all_of(scores.begin(), scores.end(), finite);
}

bool strictly_increasing(std::span<const double> t) {
    for (std::size_t i = 1; i < t.size(); ++i)
        if (!(t[i] > t[i - 1])) return false;
    return true;
}

}  // namespace

std::optional<double> subject_slope(std::span<const double> times, std::span<const double> scores) {
    if (!usable(times, scores, "subject slope")) return std::nullopt;
    const auto n = static_cast<long double>(times.size());
    long double st = 0, sy = 0;
    for (std::size_t i = 0; i < times.size(); ++i) st += times[i], sy += scores[i];
    const long double tbar = st / n, ybar = sy / n;
    long double stt = 0, sty = 0;
    for (std::size_t i = 0; i < times.size(); ++i) {
        stt += (times[i] - tbar) * (times[i] - tbar);
        sty += (times[i] - tbar) * (scores[i] - ybar);
    }
    if (!(stt > 0)) return std::nullopt;
    return static_cast<double>(sty / stt);
}

std::optional<double> subject_auc(std::span<const double> times, std::span<const double> scores) {
    if (!usable(times, scores, "subject auc") || !strictly_increasing(times)) return std::nullopt;
    long double area = 0;
    for (std::size_t i = 1; i < times.size(); ++i)
        area += (static_cast<long double>(times[i]) - times[i - 1]) *
                (static_cast<long double>(scores[i]) + scores[i - 1]) / 2;
    return static_cast<double>(area);
}

std::optional<double> subject_time_averaged_auc(std::span<const double> times, std::span<const double> scores) {
    const auto area = subject_auc(times, scores);
    if (!area) return std::nullopt;
    return *area / (times.back() - times.front());
}

}  // namespace pilotstat::models
