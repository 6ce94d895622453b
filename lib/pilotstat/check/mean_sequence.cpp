#include "pilotstat/check/mean_sequence.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "pilotstat/check/grim.hpp"

namespace pilotstat::check {

namespace {

double pct_of(double a, double b) { return 100.0 * (b - a) / a; }

class GridSolver {
public:
    GridSolver(const SequenceQuery& q, const std::vector<std::size_t>& use) : q_(q) {
        const auto k = q.times.size();
        values_.resize(k);
        for (std::size_t i = 0; i < k; ++i) {
            const double unit = *q.grid / static_cast<double>(q.n[i]);
            const auto lo = static_cast<std::int64_t>(std::ceil(q.min / unit - 1e-9));
            const auto hi = static_cast<std::int64_t>(std::floor(q.max / unit + 1e-9));
            if (hi - lo > 100000) throw std::invalid_argument("more than 10^5 attainable means at one time");
            for (auto j = lo; j <= hi; ++j) values_[i].push_back(static_cast<double>(j) * unit);
            first_total_.push_back(lo);
        }
        checks_.resize(k);
        sd_fits_.resize(q.figures.size());
        for (const auto f : use) {
            const auto& fig = q.figures[f];
            const auto last = fig.kind == SequenceFigure::Kind::pct ? std::max(fig.from, fig.to) : fig.from;
            checks_[last].push_back(f);
            if (fig.kind != SequenceFigure::Kind::sd) continue;
            // the SD depends only on that time's total: decided once per attainable mean
            const auto t = fig.from;
            if (q.n[t] < 2) throw std::invalid_argument("an SD needs n >= 2 at its time (" + fig.text + ")");
            for (std::size_t j = 0; j < values_[t].size(); ++j)
                sd_fits_[f].push_back(sd_attainable_for_total(first_total_[t] + static_cast<std::int64_t>(j), q.n[t],
                                                              *q.grid, fig.value.value, fig.value.decimals));
        }
        seq_.assign(k, 0);
        at_.assign(k, 0);
    }
    // Counts sequences up to `cap`; keeps the first.
    std::uint64_t count(std::uint64_t cap) {
        cap_ = cap;
        found_ = 0;
        steps_ = 0;
        walk(0);
        return found_;
    }
    const std::vector<double>& first() const { return first_; }

private:
    bool fits(std::size_t f) const {
        const auto& fig = q_.figures[f];
        if (fig.kind == SequenceFigure::Kind::sd) return sd_fits_[f][at_[fig.from]] != 0;
        if (fig.kind == SequenceFigure::Kind::mean) return rounds_to(seq_[fig.from], fig.value.value, fig.value.decimals);
        const double a = seq_[fig.from];
        if (a == 0) return false;
        return rounds_to(pct_of(a, seq_[fig.to]), fig.value.value, fig.value.decimals);
    }
    void walk(std::size_t i) {
        if (found_ >= cap_) return;
        if (i == seq_.size()) {
            if (found_++ == 0) first_ = seq_;
            return;
        }
        for (std::size_t j = 0; j < values_[i].size(); ++j) {
            if (++steps_ > 100000000) throw std::invalid_argument("more than 10^8 enumeration steps");
            seq_[i] = values_[i][j];
            at_[i] = j;
            bool ok = true;
            for (const auto f : checks_[i])
                if (!fits(f)) {
                    ok = false;
                    break;
                }
            if (ok) walk(i + 1);
            if (found_ >= cap_) return;
        }
    }

    const SequenceQuery& q_;
    std::vector<std::vector<double>> values_;
    std::vector<std::vector<std::size_t>> checks_;
    std::vector<std::int64_t> first_total_;        // grid units of each time's smallest mean
    std::vector<std::vector<char>> sd_fits_;        // per SD figure: fits at each attainable mean
    std::vector<double> seq_, first_;
    std::vector<std::size_t> at_;                  // index of seq_[i] in values_[i]
    std::uint64_t cap_ = 0, found_ = 0, steps_ = 0;
};

// Arithmetic mode: x_i = log m_i; node k is the origin (x = 0) for means.
// Returns the log means of a feasible sequence, or nullopt.
std::optional<std::vector<double>> arithmetic(const SequenceQuery& q, const std::vector<std::size_t>& use) {
    const auto k = q.times.size();
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<std::vector<double>> d(k + 1, std::vector<double>(k + 1, inf));
    for (std::size_t i = 0; i <= k; ++i) d[i][i] = 0;
    // edge u -> v with weight w: x_v - x_u <= w
    auto edge = [&](std::size_t u, std::size_t v, double w) { d[u][v] = std::min(d[u][v], w); };
    for (const auto f : use) {
        const auto& fig = q.figures[f];
        const double h = 0.5 * std::pow(10.0, -fig.value.decimals);
        const double slack = 1e-9 * h + 8 * std::numeric_limits<double>::epsilon() * std::fabs(fig.value.value);
        const double lo = fig.value.value - h - slack, hi = fig.value.value + h + slack;
        if (fig.kind == SequenceFigure::Kind::sd)
            throw std::invalid_argument("an SD needs the grid (step=, n=, max=): " + fig.text);
        if (fig.kind == SequenceFigure::Kind::mean) {
            if (hi <= 0) return std::nullopt;  // means are positive in this mode
            edge(k, fig.from, std::log(hi));
            if (lo > 0) edge(fig.from, k, -std::log(lo));
        } else {
            const double rlo = 1 + lo / 100, rhi = 1 + hi / 100;
            if (rhi <= 0) return std::nullopt;
            edge(fig.from, fig.to, std::log(rhi));
            if (rlo > 0) edge(fig.to, fig.from, -std::log(rlo));
        }
    }
    for (std::size_t m = 0; m <= k; ++m)
        for (std::size_t i = 0; i <= k; ++i)
            for (std::size_t j = 0; j <= k; ++j)
                if (d[i][m] + d[m][j] < d[i][j]) d[i][j] = d[i][m] + d[m][j];
    for (std::size_t i = 0; i <= k; ++i)
        if (d[i][i] < -1e-12) return std::nullopt;
    // a solution: shortest distances from a virtual source joined to every node by 0,
    // shifted so that the origin is 0 (log 1)
    std::vector<double> x(k);
    double origin = 0;
    for (std::size_t u = 0; u <= k; ++u) origin = std::min(origin, d[u][k]);
    for (std::size_t v = 0; v < k; ++v) {
        double best = 0;
        for (std::size_t u = 0; u <= k; ++u) best = std::min(best, d[u][v]);
        x[v] = best - origin;
    }
    return x;
}

bool feasible(const SequenceQuery& q, const std::vector<std::size_t>& use) {
    if (q.grid) return GridSolver(q, use).count(1) > 0;
    return arithmetic(q, use).has_value();
}

}  // namespace

SequenceResult mean_sequence_test(const SequenceQuery& q) {
    const auto m = q.figures.size();
    if (m > 12) throw std::invalid_argument("at most 12 figures in one sequence");
    std::vector<std::size_t> all(m);
    for (std::size_t i = 0; i < m; ++i) all[i] = i;
    SequenceResult r;
    if (q.grid) {
        GridSolver s(q, all);
        r.sequences = s.count(1000000);
        r.consistent = r.sequences > 0;
        if (r.consistent) r.means = s.first();
    } else if (const auto x = arithmetic(q, all)) {
        r.consistent = true;
        for (const double v : *x) r.means.push_back(std::exp(v));
    }
    if (r.consistent) return r;
    // the smallest jointly impossible subsets, by increasing size
    for (std::size_t size = 1; size <= m && r.conflicts.empty(); ++size) {
        for (std::uint32_t mask = 0; mask < (1u << m); ++mask) {
            if (static_cast<std::size_t>(std::popcount(mask)) != size) continue;
            std::vector<std::size_t> use;
            for (std::size_t i = 0; i < m; ++i)
                if (mask & (1u << i)) use.push_back(i);
            if (!feasible(q, use)) r.conflicts.push_back(use);
        }
    }
    return r;
}

}  // namespace pilotstat::check
