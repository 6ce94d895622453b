// The forest plot on each measure's own scale (points): one small panel per
// measure and pair of arms, because BDI-II points and BPI points cannot share
// an axis. The unadjusted difference (the row's headline interval) and the
// baseline-adjusted ANCOVA difference are drawn one above the other with
// different markers and line styles, so they can be told apart in grey print.
#include <algorithm>
#include <cmath>

#include "pilotstat/plot/axis.hpp"
#include "pilotstat/plot/plots.hpp"

namespace pilotstat::plot {

std::string compared_value(const data::Study& st, const analysis::CompareOptions& c);

namespace {
constexpr double kPanel = 92;   // height of one measure's panel
constexpr double kLeft = 190;   // measure names
constexpr double kRight = 250;  // numbers column

const analysis::CompareRow* matching(const std::vector<analysis::CompareRow>& rows, const analysis::CompareRow& r) {
    for (const auto& x : rows)
        if (x.measure == r.measure && x.group_a == r.group_a && x.group_b == r.group_b) return &x;
    return nullptr;
}

// Two decimals, except that an end within 0.005 of 0 keeps its sign with
// three significant digits: "-0.00" would hide which side of 0 it lies.
std::string number(double v) {
    if (v == 0 || std::fabs(v) >= 0.005) return tick_label(v, 0.01);
    const double step = std::pow(10.0, std::floor(std::log10(std::fabs(v))) - 2);
    return tick_label(v, step);
}

std::string estimate_label(double est, const std::optional<core::Interval>& ci) {
    std::string s = number(est);
    if (ci) s += " [" + number(ci->low) + ", " + number(ci->high) + "]";
    return s;
}

std::string method_name(const std::string& m) {
    if (m == "welch") return "Welch t";
    if (m == "t") return "t";
    return m;
}

// A diamond marker: the adjusted estimate (the square-ish circle is the unadjusted one).
void diamond(Svg& svg, double x, double y, double r, const std::string& fill) {
    svg.raw("<path d=\"M" + coord(x) + ' ' + coord(y - r) + 'L' + coord(x + r) + ' ' + coord(y) + 'L' + coord(x) +
            ' ' + coord(y + r) + 'L' + coord(x - r) + ' ' + coord(y) + "Z\" fill=\"" + fill + "\"/>\n");
}

struct Estimate {
    std::optional<double> value;
    std::optional<core::Interval> ci;
};

void panel(Svg& svg, double top, double width, const data::Study& st, const analysis::CompareRow& r,
           const Estimate& raw, const Estimate& adj, double mcid) {
    const double better = st.higher_is_worse[r.measure] ? -1 : 1;
    double lo = 0, hi = 0;
    for (const auto* e : {&raw, &adj}) {
        if (e->value) lo = std::min(lo, *e->value), hi = std::max(hi, *e->value);
        if (e->ci) lo = std::min(lo, e->ci->low), hi = std::max(hi, e->ci->high);
    }
    if (mcid > 0) lo = std::min(lo, better * mcid), hi = std::max(hi, better * mcid);
    const auto xt = nice_ticks(lo, hi, 5);
    const Scale x{xt.lo, xt.hi, kLeft, width - kRight};
    const double axis_y = top + kPanel - 26, y_raw = top + 22, y_adj = top + 44;
    svg.text(16, top + 26, st.label(r.measure), "start", kFont, kInk, 0, true);
    svg.text(16, top + 42, st.groups[r.group_a] + " \u2212 " + st.groups[r.group_b] + " (points)", "start", 11,
             "#555555");
    svg.line(kLeft, axis_y, width - kRight, axis_y, kInk);
    for (double v : xt.values) {
        svg.line(x(v), axis_y, x(v), axis_y + 5, kInk);
        svg.text(x(v), axis_y + 18, tick_label(v, xt.step), "middle", 11);
    }
    svg.line(x(0), top + 8, x(0), axis_y, kInk, 1, "6 4");
    if (mcid > 0) {
        svg.line(x(better * mcid), top + 8, x(better * mcid), axis_y, palette(2), 1.5, "2 3");
        svg.text(x(better * mcid), top + 6, "MCID", "middle", 10, palette(2));
    }
    auto draw = [&](const Estimate& e, double y, bool adjusted) {
        const std::string name = adjusted ? "adjusted" : "unadjusted";
        if (!e.value) {
            svg.text(width - kRight + 10, y + 4, name + ": not estimable", "start", 12);
            return;
        }
        if (e.ci) svg.line(x(e.ci->low), y, x(e.ci->high), y, palette(adjusted ? 1 : 0), 2.5, adjusted ? "7 3" : "");
        if (adjusted) diamond(svg, x(*e.value), y, 6, palette(1));
        else svg.circle(x(*e.value), y, 5, palette(0));
        svg.text(width - kRight + 10, y + 4, name + " " + estimate_label(*e.value, e.ci), "start", 12);
    };
    draw(raw, y_raw, false);
    draw(adj, y_adj, true);
}
}  // namespace

std::string forest_raw(const data::Study& st, const std::vector<analysis::CompareRow>& rows,
                       const std::vector<analysis::CompareRow>& adjusted, const analysis::CompareOptions& c,
                       const data::NormsRegistry& norms, const PlotOptions& o) {
    const std::string what = compared_value(st, c);
    const double height = std::max(o.height, 104 + kPanel * static_cast<double>(rows.size()));
    const std::string level = rows.empty() || !rows.front().ci ? "95" : tick_label(rows.front().ci->conf * 100, 1);
    Svg svg(o.width, height, "Differences between arms in points, every measure on its own scale",
            "One panel per measure and pair of arms: the difference in the " + what +
                " (first arm minus second) with its headline " + level +
                "% interval (circle, solid line) and the baseline-adjusted ANCOVA difference with its t interval "
                "(diamond, dashed line); the dashed vertical line is 0, the dotted one the MCID where known.");
    svg.set_id_prefix(o.id_prefix);
    svg.text(16, 24, "Differences between arms in points: " + what, "start", kTitleFont, kInk, 0, true);
    // Legend: the two estimates must be told apart without colour.
    svg.circle(22, 46, 5, palette(0));
    svg.text(32, 50, "unadjusted, " + level + "% CI" +
                         (rows.empty() || !rows.front().ci ? "" : " (" + method_name(rows.front().ci->method) + ")"),
             "start", 12);
    diamond(svg, 22, 66, 6, palette(1));
    svg.text(32, 70, "adjusted for baseline (ANCOVA), " + level + "% t interval", "start", 12);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        const auto* a = matching(adjusted, r);
        const auto* n = norms.find(st.instruments[r.measure] ? st.instruments[r.measure]->name : st.measures[r.measure]);
        Estimate raw{r.mean_diff, r.ci};
        Estimate adj;
        if (a && a->ancova && a->ancova->fit) adj = {a->ancova->fit->difference, a->ci};
        panel(svg, 84 + kPanel * static_cast<double>(i), o.width, st, r, raw, adj, mcid_points(st, r.measure, n));
    }
    return svg.str();
}

}  // namespace pilotstat::plot
