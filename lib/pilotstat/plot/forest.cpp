#include <algorithm>
#include <cmath>

#include "pilotstat/plot/axis.hpp"
#include "pilotstat/plot/plots.hpp"

namespace pilotstat::plot {

std::string compared_value(const data::Study& st, const analysis::CompareOptions& c);

std::string forest(const data::Study& st, const std::vector<analysis::CompareRow>& rows,
                   const analysis::CompareOptions& c, const PlotOptions& o) {
    const std::string what = compared_value(st, c);
    Svg probe(o.width, o.height, "", "");
    const double row_h = 34, top = 64, bottom = 64;
    const double height = std::max(o.height, top + bottom + row_h * static_cast<double>(rows.size()));
    Svg svg(o.width, height, "Standardized differences between arms (Hedges' g), every measure",
            "One line per measure and pair of arms: Hedges' g of the " + what +
                " (first arm minus second) with its noncentral-t interval; the dashed line is 0.");
    svg.set_id_prefix(o.id_prefix);
    double lo = 0, hi = 0;
    for (const auto& r : rows)
        if (r.hedges.value && r.hedges.value->g_ci)
            lo = std::min(lo, r.hedges.value->g_ci->low), hi = std::max(hi, r.hedges.value->g_ci->high);
    auto yt = nice_ticks(0, static_cast<double>(rows.size()));
    yt.lo = 0, yt.hi = static_cast<double>(rows.size()), yt.values.clear();
    const auto f = make_frame(svg, 230, 190, top, bottom, nice_ticks(lo, hi), yt);
    Frame ff = f;
    draw_axes(svg, ff, "Hedges' g (first arm minus second; standardized units)", "");
    svg.text(16, 24, "Hedges' g by measure: " + what, "start", kTitleFont, kInk, 0, true);
    // The interval's level and method head the numbers column; printed under
    // the axis they read as a tick label ("1 95%").
    const bool ci = !rows.empty() && rows.front().hedges.value && rows.front().hedges.value->g_ci;
    svg.text(f.right + 10, f.top - 10,
             ci ? "g [" + tick_label(rows.front().hedges.value->g_ci->conf * 100, 1) + "% CI, noncentral t]"
                : "g [interval]",
             "start", 12, "#555555");
    reference_x(svg, f, 0, "", kInk);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        const double y = f.y(static_cast<double>(rows.size() - i) - 0.5);
        svg.text(16, y + 4.5, st.label(r.measure), "start", kFont, kInk, 0, true);
        svg.text(16, y + 19, st.groups[r.group_a] + " \u2212 " + st.groups[r.group_b], "start", 11, "#555555");
        if (!r.hedges.value) {
            svg.text(f.right + 10, y + 4.5, "not defined", "start", 12);
            continue;
        }
        const auto& g = *r.hedges.value;
        std::string label = tick_label(g.hedges_g, 0.01);
        if (g.g_ci) {
            svg.line(f.x(g.g_ci->low), y, f.x(g.g_ci->high), y, palette(0), 2.5);
            label += " [" + tick_label(g.g_ci->low, 0.01) + ", " + tick_label(g.g_ci->high, 0.01) + "]";
        }
        svg.rect(f.x(g.hedges_g) - 5, y - 5, 10, 10, palette(0));
        svg.text(f.right + 10, y + 4.5, label, "start", 12);
    }
    return svg.str();
}

}  // namespace pilotstat::plot
