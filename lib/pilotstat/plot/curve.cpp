#include <algorithm>
#include <cmath>

#include "pilotstat/plot/axis.hpp"
#include "pilotstat/plot/plots.hpp"

namespace pilotstat::plot {

std::string compared_value(const data::Study& st, const analysis::CompareOptions& c);

std::string curve(const data::Study& st, const analysis::CompareRow& r, const analysis::CompareOptions& c,
                  const data::InstrumentNorms* norms, const PlotOptions& o) {
    const std::string ga = st.groups[r.group_a], gb = st.groups[r.group_b];
    const std::string what = compared_value(st, c);
    Svg svg(o.width, o.height, st.label(r.measure) + ", " + what + ": compatibility curve",
            "The exact permutation p-value of the hypothesis that the difference in means (" + ga + " minus " + gb +
            ") equals delta, for each delta. Shifts where the curve is above the alpha line are compatible with "
            "the data at that level; the steps are the attainable p-values.");
    svg.set_id_prefix(o.id_prefix);
    if (r.a.values.size() < 1 || r.b.values.size() < 1 || !r.mean_diff) return svg.str();
    double lo = 0, hi = 0;
    for (double x : r.a.values) lo = std::min(lo, x), hi = std::max(hi, x);
    for (double x : r.b.values) lo = std::min(lo, x), hi = std::max(hi, x);
    const double spread = std::max(hi - lo, 1.0);
    const double mcid = mcid_points(st, r.measure, norms);
    const double better = st.higher_is_worse[r.measure] ? -1 : 1;
    const double d = *r.mean_diff;
    auto xt = nice_ticks(std::min({d - 1.2 * spread, 0.0, better * mcid}), std::max({d + 1.2 * spread, 0.0, better * mcid}));
    const auto f = make_frame(svg, 76, 90, 40, 64, xt, nice_ticks(0, 1, 6));
    draw_axes(svg, f, "Hypothesised difference in means, " + ga + " minus " + gb + " (points)",
              "Exact permutation p-value");
    svg.text(f.left, 24, st.label(r.measure) + ": " + what, "start", kTitleFont, kInk, 0, true);
    // p(delta) as the row's PValueFunction gives it -- the one `compare
    // --curve` prints -- drawn exactly: flat on every open segment between
    // breakpoints, with the value at each breakpoint itself, clipped to the axis.
    std::vector<Point> pts;
    auto add = [&](double delta, double p) {
        const Point q{f.x(delta), f.y(p)};
        if (pts.empty() || pts.back().x != q.x || pts.back().y != q.y) pts.push_back(q);
    };
    if (r.perm_curve) {
        const auto& fn = *r.perm_curve;
        double segment = fn.p_below;  // p on the open segment reaching the current position
        std::size_t k = 0;
        for (; k < fn.steps.size() && fn.steps[k].shift <= xt.lo; ++k) segment = fn.steps[k].p_above;
        add(xt.lo, segment);
        for (; k < fn.steps.size() && fn.steps[k].shift < xt.hi; ++k) {
            const auto& st_k = fn.steps[k];
            add(st_k.shift, segment);
            add(st_k.shift, st_k.p_at);
            add(st_k.shift, st_k.p_above);
            segment = st_k.p_above;
        }
        add(xt.hi, segment);
    }
    svg.polyline(pts, palette(0), 2.2);
    reference_y(svg, f, o.alpha, "\u03b1 = " + tick_label(o.alpha, 0.01), palette(1));
    reference_x(svg, f, 0, "0", kInk);
    if (mcid > 0) reference_x(svg, f, better * mcid, "MCID", palette(4), "2 3");
    if (r.perm) {
        svg.circle(f.x(d), f.y(1.0), 5, kInk, "#ffffff", "observed difference " + tick_label(d, 0.01));
        // The notes sit over the plot area, where the 0 or MCID line may run:
        // a white backing keeps them legible (DejaVu Sans averages about 0.53 em a character).
        const std::string dot = "dot: observed difference " + tick_label(d, 0.01) + " (p = 1)";
        const std::string p0 = "p at 0: " + tick_label(r.perm->p_value, 0.0001) + " (" + r.perm->method_label() + ")";
        auto chars = [](const std::string& t) {
            double n = 0;
            for (unsigned char ch : t) n += (ch & 0xC0) != 0x80;  // UTF-8 code points
            return n;
        };
        const double w = 6.4 * std::max(chars(dot), chars(p0)) + 8;
        svg.rect(f.right - 2 - w, f.y(0.85) - 14, w, 36, "#ffffff", 0.9);
        svg.text(f.right - 6, f.y(0.85), dot, "end", 12);
        svg.text(f.right - 6, f.y(0.85) + 18, p0, "end", 12);
    }
    return svg.str();
}

}  // namespace pilotstat::plot
