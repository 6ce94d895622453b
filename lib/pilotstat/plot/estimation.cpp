#include <algorithm>
#include <cmath>
#include <map>

#include "pilotstat/bootstrap/bootstrap_distribution.hpp"
#include "pilotstat/plot/axis.hpp"
#include "pilotstat/plot/plots.hpp"

namespace pilotstat::plot {

std::string compared_value(const data::Study& st, const analysis::CompareOptions& c) {
    switch (c.on) {
        case analysis::CompareOn::change: return "change " + st.times[c.from] + " to " + st.times[c.to];
        case analysis::CompareOn::raw: return "score at " + st.times[c.to];
        case analysis::CompareOn::ancova: return "score at " + st.times[c.to] + " (unadjusted)";
        case analysis::CompareOn::slope: return "slope per time unit";
        case analysis::CompareOn::auc: return "time-averaged AUC";
    }
    return "value";
}

namespace {

// The bootstrap distribution behind the row's interval, as the comparison
// draws it (exact enumeration when feasible, else Monte Carlo, same seed).
bootstrap::BootstrapDistribution distribution(const analysis::CompareRow& r, const analysis::CompareOptions& c) {
    if (bootstrap::exact_feasible(r.a.values.size(), r.b.values.size(), c.boot.max_exact))
        return bootstrap::exact_mean_difference(r.a.values, r.b.values);
    return bootstrap::monte_carlo_mean_difference(r.a.values, r.b.values, c.boot.resamples, c.boot.seed);
}

// Dots of one arm, equal values spread sideways so that none hides another.
void swarm(Svg& svg, const Frame& f, double cx, const std::vector<double>& v, const std::string& colour,
           const std::vector<std::string>& names) {
    std::map<long, int> seen;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const long key = std::lround(f.y(v[i]) / 5);
        const int k = seen[key]++;
        const double dx = (k % 2 ? 1 : -1) * std::ceil(k / 2.0) * 9;
        svg.circle(cx + dx, f.y(v[i]), 4.5, colour, "#ffffff", names[i] + ": " + tick_label(v[i], 0.01));
    }
}

}  // namespace

std::string estimation(const data::Study& st, const analysis::CompareRow& r, const analysis::CompareOptions& c,
                       const data::InstrumentNorms* norms, const PlotOptions& o) {
    const std::string ga = st.groups[r.group_a], gb = st.groups[r.group_b];
    const std::string what = compared_value(st, c);
    Svg svg(o.width, o.height, st.label(r.measure) + ", " + what + ": " + ga + " minus " + gb,
            "Left: each participant's " + what + " by arm, with the arm mean as a bar. Right: the difference in "
            "means (" + ga + " minus " + gb + ") with its bootstrap interval and the bootstrap distribution it "
            "came from; dashed lines mark 0 and the MCID.");
    svg.set_id_prefix(o.id_prefix);
    if (r.a.values.empty() || r.b.values.empty() || !r.mean_diff) return svg.str();
    double lo = 0, hi = 0;
    for (const auto* v : {&r.a.values, &r.b.values})
        for (double x : *v) lo = std::min(lo, x), hi = std::max(hi, x);
    const auto left = make_frame(svg, 76, o.width * 0.45, 40, 64, nice_ticks(0, 2), nice_ticks(lo, hi));
    Frame lf = left;
    lf.xt.values.clear();
    draw_axes(svg, lf, "", st.label(r.measure) + " " + what + " (points)");
    svg.text(left.left, 24, st.label(r.measure) + ": " + what, "start", kTitleFont, kInk, 0, true);
    const double w = left.right - left.left;
    const std::pair<const analysis::GroupValues*, std::string> arms[] = {{&r.a, ga}, {&r.b, gb}};
    for (int i = 0; i < 2; ++i) {
        const double cx = left.left + w * (i == 0 ? 0.3 : 0.7);
        std::vector<std::string> names;
        for (auto s : arms[i].first->subjects) names.push_back(st.subjects[s]);
        swarm(svg, left, cx, arms[i].first->values, palette(i == 0 ? r.group_a : r.group_b), names);
        const double mean = i == 0 ? *r.mean_a : *r.mean_b;
        svg.line(cx - 22, left.y(mean), cx + 22, left.y(mean), kInk, 2.5);
        svg.text(cx, left.bottom + 20, arms[i].second, "middle", kFont, palette(i == 0 ? r.group_a : r.group_b), 0, true);
        svg.text(cx, left.bottom + 38, "n = " + std::to_string(arms[i].first->values.size()), "middle", 12);
    }
    // The difference panel.
    const auto dist = distribution(r, c);
    const double mcid = mcid_points(st, r.measure, norms);
    const double better = st.higher_is_worse[r.measure] ? -1 : 1;
    double dlo = std::min({0.0, dist.values.front(), mcid > 0 ? better * mcid : 0.0});
    double dhi = std::max({0.0, dist.values.back(), mcid > 0 ? better * mcid : 0.0});
    if (r.boot && r.boot->interval) dlo = std::min(dlo, r.boot->interval->low), dhi = std::max(dhi, r.boot->interval->high);
    const auto rf = make_frame(svg, o.width * 0.62, 96, 40, 64, nice_ticks(0, 1), nice_ticks(dlo, dhi));
    Frame rff = rf;
    rff.xt.values.clear();
    draw_axes(svg, rff, "", "");
    svg.text(rf.left - 50, (rf.top + rf.bottom) / 2, "Difference in means (points)", "middle", kTitleFont, kInk, -90);
    svg.text(rf.left, 24, ga + " minus " + gb, "start", kTitleFont, kInk, 0, true);
    reference_y(svg, rf, 0, "0", kInk);
    if (mcid > 0) reference_y(svg, rf, better * mcid, "MCID", palette(4), "2 3");
    // Histogram of the bootstrap distribution on 40 bins, drawn sideways.
    const int bins = 40;
    std::vector<double> mass(bins, 0);
    const double b0 = rf.yt.lo, bw = (rf.yt.hi - rf.yt.lo) / bins;
    for (std::size_t i = 0; i < dist.values.size(); ++i) {
        const int k = std::clamp(static_cast<int>((dist.values[i] - b0) / bw), 0, bins - 1);
        mass[static_cast<std::size_t>(k)] += static_cast<double>(dist.weights[i]) / static_cast<double>(dist.total);
    }
    const double peak = *std::max_element(mass.begin(), mass.end());
    const double x0 = rf.left + 8, span = (rf.right - rf.left) * 0.55;
    for (int k = 0; k < bins; ++k)
        if (mass[static_cast<std::size_t>(k)] > 0)
            svg.rect(x0, rf.y(b0 + (k + 1) * bw), span * mass[static_cast<std::size_t>(k)] / peak,
                     rf.y(b0 + k * bw) - rf.y(b0 + (k + 1) * bw), "#999999", 0.45);
    const double cx = rf.left + (rf.right - rf.left) * 0.75;
    std::string numbers = tick_label(*r.mean_diff, 0.01);
    if (r.boot && r.boot->interval) {
        svg.line(cx, rf.y(r.boot->interval->low), cx, rf.y(r.boot->interval->high), kInk, 2.5);
        numbers += " [" + tick_label(r.boot->interval->low, 0.01) + ", " + tick_label(r.boot->interval->high, 0.01) + "]";
        svg.text(rf.left + 4, rf.bottom + 34, tick_label(r.boot->interval->conf * 100, 1) + "% bootstrap CI", "start", 12);
    }
    svg.text(rf.left + 4, rf.bottom + 18, numbers, "start", 12, kInk, 0, true);
    svg.circle(cx, rf.y(*r.mean_diff), 6, kInk, "#ffffff", "difference " + tick_label(*r.mean_diff, 0.01));
    svg.text(rf.left + 4, rf.bottom + 50, "grey: bootstrap distribution", "start", 12, "#555555");
    return svg.str();
}

}  // namespace pilotstat::plot
