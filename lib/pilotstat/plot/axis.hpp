// Axes with ticks at round values: Heckbert's "nice numbers" (step 1, 2 or 5
// times a power of ten, limits widened to whole steps), a linear scale from
// data to pixels, and a plot frame that draws ticks, grid and titles.
// [1] P. S. Heckbert, "Nice numbers for graph labels", Graphics Gems (1990) 61-63.
#pragma once

#include <string>
#include <vector>

#include "pilotstat/plot/svg.hpp"

namespace pilotstat::plot {

struct Ticks {
    double lo = 0, hi = 1, step = 1;
    std::vector<double> values;
};
// About `target` ticks covering [lo, hi]; lo == hi is widened by one unit.
Ticks nice_ticks(double lo, double hi, int target = 6);
// A tick label with as many decimals as the step needs ("0.25", "10", "-5").
std::string tick_label(double v, double step);

struct Scale {
    double d0 = 0, d1 = 1, p0 = 0, p1 = 1;  // data [d0, d1] -> pixels [p0, p1]
    double operator()(double v) const { return p0 + (v - d0) / (d1 - d0) * (p1 - p0); }
};

// The plotting area inside margins, with its two scales.
struct Frame {
    double left = 0, top = 0, right = 0, bottom = 0;  // pixel edges of the area
    Scale x, y;
    Ticks xt, yt;
};

// Margins: left, right, top, bottom in pixels.
Frame make_frame(const Svg& svg, double ml, double mr, double mt, double mb, const Ticks& xt, const Ticks& yt);

// Draws the y grid, both axes, tick marks and labels, and the titles. x tick
// labels may be given (one per xt.values entry), else numbers are printed.
void draw_axes(Svg& svg, const Frame& f, const std::string& x_title, const std::string& y_title,
               const std::vector<std::string>& x_labels = {});

// A dashed reference line at y = v (horizontal) with a label at its right end.
void reference_y(Svg& svg, const Frame& f, double v, const std::string& label, const std::string& colour,
                 std::string_view dash = "6 4");
void reference_x(Svg& svg, const Frame& f, double v, const std::string& label, const std::string& colour,
                 std::string_view dash = "6 4");

}  // namespace pilotstat::plot
