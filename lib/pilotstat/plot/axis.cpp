#include "pilotstat/plot/axis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pilotstat::plot {

namespace {
// The nice number near x: 1, 2, 5 or 10 times a power of ten [1].
double nice(double x, bool round) {
    const double e = std::floor(std::log10(x));
    const double f = x / std::pow(10.0, e);
    double n = 10;
    if (round) n = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
    else n = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    return n * std::pow(10.0, e);
}
}  // namespace

Ticks nice_ticks(double lo, double hi, int target) {
    if (!std::isfinite(lo) || !std::isfinite(hi)) lo = 0, hi = 1;
    if (hi < lo) std::swap(lo, hi);
    if (hi - lo < 1e-12 * std::max(1.0, std::fabs(hi))) lo -= 1, hi += 1;
    const double range = nice(hi - lo, false);
    Ticks t;
    t.step = nice(range / std::max(target - 1, 1), true);
    t.lo = std::floor(lo / t.step + 1e-9) * t.step;
    t.hi = std::ceil(hi / t.step - 1e-9) * t.step;
    for (double v = t.lo; v <= t.hi + t.step * 1e-6; v += t.step)
        t.values.push_back(std::fabs(v) < t.step * 1e-9 ? 0.0 : v);
    return t;
}

std::string tick_label(double v, double step) {
    int decimals = 0;  // the fewest that show a multiple of step exactly (0.25 -> 2)
    while (decimals < 6 && std::fabs(step * std::pow(10.0, decimals) - std::round(step * std::pow(10.0, decimals))) >
                               1e-9 * std::pow(10.0, decimals))
        ++decimals;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*f", std::min(decimals, 6), std::fabs(v) < step * 1e-9 ? 0.0 : v);
    std::string s = buf;
    if (s[0] == '-') s = "\u2212" + s.substr(1);  // a true minus sign
    return s;
}

Frame make_frame(const Svg& svg, double ml, double mr, double mt, double mb, const Ticks& xt, const Ticks& yt) {
    Frame f;
    f.left = ml;
    f.right = svg.width() - mr;
    f.top = mt;
    f.bottom = svg.height() - mb;
    f.xt = xt;
    f.yt = yt;
    f.x = {xt.lo, xt.hi, f.left, f.right};
    f.y = {yt.lo, yt.hi, f.bottom, f.top};
    return f;
}

void draw_axes(Svg& svg, const Frame& f, const std::string& x_title, const std::string& y_title,
               const std::vector<std::string>& x_labels) {
    for (double v : f.yt.values) {
        const double y = f.y(v);
        svg.line(f.left, y, f.right, y, kGrid, 1);
        svg.line(f.left - 5, y, f.left, y, kInk, 1);
        svg.text(f.left - 8, y + 4.5, tick_label(v, f.yt.step), "end");
    }
    for (std::size_t i = 0; i < f.xt.values.size(); ++i) {
        const double x = f.x(f.xt.values[i]);
        svg.line(x, f.bottom, x, f.bottom + 5, kInk, 1);
        const std::string label = i < x_labels.size() ? x_labels[i] : tick_label(f.xt.values[i], f.xt.step);
        svg.text(x, f.bottom + 20, label, "middle");
    }
    svg.line(f.left, f.bottom, f.right, f.bottom, kInk, 1.2);
    svg.line(f.left, f.top, f.left, f.bottom, kInk, 1.2);
    if (!x_title.empty()) svg.text((f.left + f.right) / 2, f.bottom + 42, x_title, "middle", kTitleFont);
    if (!y_title.empty()) {
        const double x = 18, y = (f.top + f.bottom) / 2;
        svg.text(x, y, y_title, "middle", kTitleFont, kInk, -90);
    }
}

void reference_y(Svg& svg, const Frame& f, double v, const std::string& label, const std::string& colour,
                 std::string_view dash) {
    if (v < f.yt.lo || v > f.yt.hi) return;
    const double y = f.y(v);
    svg.line(f.left, y, f.right, y, colour, 1.3, dash);
    if (!label.empty()) svg.text(f.right + 4, y + 4.5, label, "start", kFont, colour);
}

void reference_x(Svg& svg, const Frame& f, double v, const std::string& label, const std::string& colour,
                 std::string_view dash) {
    if (v < f.xt.lo || v > f.xt.hi) return;
    const double x = f.x(v);
    svg.line(x, f.top, x, f.bottom, colour, 1.3, dash);
    if (!label.empty()) svg.text(x, f.top - 6, label, "middle", kFont, colour);
}

}  // namespace pilotstat::plot
