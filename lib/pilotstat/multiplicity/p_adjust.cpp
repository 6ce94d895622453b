#include "pilotstat/multiplicity/p_adjust.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "pilotstat/error.hpp"

namespace pilotstat::multiplicity {

namespace {

// Indices sorting p ascending (or descending), ties in input order, as R's
// order() (stable).
std::vector<std::size_t> order(std::span<const double> p, bool decreasing) {
    std::vector<std::size_t> o(p.size());
    std::iota(o.begin(), o.end(), std::size_t{0});
    std::stable_sort(o.begin(), o.end(), [&](std::size_t a, std::size_t b) {
        return decreasing ? p[a] > p[b] : p[a] < p[b];
    });
    return o;
}

// Mirrors p.adjust.R line by line; `i` is R's 1-based index vector.
std::vector<double> adjust(std::span<const double> p, AdjustMethod method) {
    const std::size_t m = p.size();
    const double n = static_cast<double>(m);
    std::vector<double> out(p.begin(), p.end());
    if (m <= 1 || method == AdjustMethod::none) return out;
    if (method == AdjustMethod::bonferroni) {
        for (auto& x : out) x = std::min(1.0, n * x);
        return out;
    }
    const bool step_down = method == AdjustMethod::holm;
    const auto o = order(p, !step_down);
    double running = 0.0;
    for (std::size_t k = 0; k < m; ++k) {
        const double x = p[o[k]];
        double v = 0.0;
        if (method == AdjustMethod::holm) {
            v = (n - static_cast<double>(k + 1) + 1.0) * x;  // i = 1..m: (n - i + 1) * p[o]
        } else {
            const double i = n - static_cast<double>(k);     // i = m..1
            v = method == AdjustMethod::hochberg ? (n + 1.0 - i) * x : n / i * x;
        }
        running = k == 0 ? v : (step_down ? std::max(running, v) : std::min(running, v));
        out[o[k]] = std::min(1.0, running);
    }
    return out;
}

void require_probabilities(std::span<const double> p) {
    for (double x : p)
        if (!(x >= 0.0 && x <= 1.0)) throw UsageError("p-values must lie in [0, 1]");
}

}  // namespace

std::string_view to_string(AdjustMethod m) {
    switch (m) {
        case AdjustMethod::none: return "none";
        case AdjustMethod::bonferroni: return "bonferroni";
        case AdjustMethod::holm: return "holm";
        case AdjustMethod::hochberg: return "hochberg";
        case AdjustMethod::bh: return "BH";
    }
    return "none";
}

AdjustMethod parse_adjust_method(std::string_view text) {
    if (text == "none") return AdjustMethod::none;
    if (text == "bonferroni") return AdjustMethod::bonferroni;
    if (text == "holm") return AdjustMethod::holm;
    if (text == "hochberg") return AdjustMethod::hochberg;
    if (text == "BH" || text == "bh" || text == "fdr") return AdjustMethod::bh;
    throw UsageError("unknown adjustment \"" + std::string(text) +
                     "\" (valid: none, bonferroni, holm, hochberg, BH)");
}

std::vector<double> p_adjust(std::span<const double> p, AdjustMethod method) {
    require_probabilities(p);
    return adjust(p, method);
}

std::vector<std::optional<double>> p_adjust(std::span<const std::optional<double>> p, AdjustMethod method) {
    std::vector<double> present;
    for (const auto& x : p)
        if (x) present.push_back(*x);
    require_probabilities(present);
    const auto adjusted = adjust(present, method);
    std::vector<std::optional<double>> out(p.size());
    std::size_t k = 0;
    for (std::size_t i = 0; i < p.size(); ++i)
        if (p[i]) out[i] = adjusted[k++];
    return out;
}

}  // namespace pilotstat::multiplicity
