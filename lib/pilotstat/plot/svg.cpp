#include "pilotstat/plot/svg.hpp"

#include "pilotstat/io/markup_escape.hpp"

#include <array>
#include <cmath>
#include <cstdio>

namespace pilotstat::plot {

const std::string& palette(std::size_t i) {
    // Okabe-Ito without yellow (too pale on white): blue, vermillion, bluish
    // green, reddish purple, orange, sky blue, black, grey.
    static const std::array<std::string, 8> p{"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                              "#E69F00", "#56B4E9", "#000000", "#777777"};
    return p[i % p.size()];
}

std::string coord(double v) {
    if (!std::isfinite(v)) v = 0;
    if (std::fabs(v) < 0.005) v = 0;  // no "-0"
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

namespace {
std::string attr(const char* name, const std::string& v) { return std::string(" ") + name + "=\"" + v + "\""; }
std::string tip(std::string_view t) { return t.empty() ? "" : "<title>" + markup_escape(t) + "</title>"; }
}  // namespace

Svg::Svg(double width, double height, std::string title, std::string desc)
    : w_(width), h_(height), title_(std::move(title)), desc_(std::move(desc)) {}

void Svg::line(double x1, double y1, double x2, double y2, const std::string& stroke, double width,
               std::string_view dash) {
    body_ += "<line" + attr("x1", coord(x1)) + attr("y1", coord(y1)) + attr("x2", coord(x2)) +
             attr("y2", coord(y2)) + attr("stroke", stroke) + attr("stroke-width", coord(width)) +
             (dash.empty() ? "" : attr("stroke-dasharray", std::string(dash))) + "/>\n";
}

void Svg::rect(double x, double y, double w, double h, const std::string& fill, double opacity,
               const std::string& stroke) {
    body_ += "<rect" + attr("x", coord(x)) + attr("y", coord(y)) + attr("width", coord(std::max(w, 0.0))) +
             attr("height", coord(std::max(h, 0.0))) + attr("fill", fill) +
             (opacity < 1 ? attr("fill-opacity", coord(opacity)) : "") +
             (stroke == "none" ? "" : attr("stroke", stroke)) + "/>\n";
}

void Svg::circle(double cx, double cy, double r, const std::string& fill, const std::string& stroke,
                 std::string_view tooltip) {
    body_ += "<circle" + attr("cx", coord(cx)) + attr("cy", coord(cy)) + attr("r", coord(r)) + attr("fill", fill) +
             (stroke == "none" ? "" : attr("stroke", stroke) + attr("stroke-width", "1.5"));
    body_ += tooltip.empty() ? "/>\n" : ">" + tip(tooltip) + "</circle>\n";
}

void Svg::polyline(const std::vector<Point>& pts, const std::string& stroke, double width, double opacity,
                   std::string_view dash, std::string_view tooltip) {
    if (pts.size() < 2) return;
    std::string p;
    for (const auto& q : pts) p += (p.empty() ? "" : " ") + coord(q.x) + "," + coord(q.y);
    body_ += "<polyline fill=\"none\"" + attr("stroke", stroke) + attr("stroke-width", coord(width)) +
             (opacity < 1 ? attr("stroke-opacity", coord(opacity)) : "") +
             (dash.empty() ? "" : attr("stroke-dasharray", std::string(dash))) + attr("points", p);
    body_ += tooltip.empty() ? "/>\n" : ">" + tip(tooltip) + "</polyline>\n";
}

void Svg::text(double x, double y, std::string_view s, std::string_view anchor, double size, const std::string& fill,
               double rotate, bool bold) {
    body_ += "<text" + attr("x", coord(x)) + attr("y", coord(y)) + attr("font-size", coord(size)) +
             (anchor == "start" ? "" : attr("text-anchor", std::string(anchor))) +
             (fill == kInk ? "" : attr("fill", fill)) + (bold ? attr("font-weight", "bold") : "") +
             (rotate != 0 ? attr("transform", "rotate(" + coord(rotate) + " " + coord(x) + " " + coord(y) + ")") : "") +
             ">" + markup_escape(s) + "</text>\n";
}

std::string Svg::str() const {
    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" role=\"img\" aria-labelledby=\"" + id_prefix_ + "t " + id_prefix_ + "d\"" +
                      attr("width", coord(w_)) + attr("height", coord(h_)) +
                      attr("viewBox", "0 0 " + coord(w_) + " " + coord(h_)) +
                      " font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\" fill=\"" + kInk + "\">\n";
    out += "<title id=\"" + id_prefix_ + "t\">" + markup_escape(title_) + "</title>\n<desc id=\"" + id_prefix_ + "d\">" +
           markup_escape(desc_) + "</desc>\n";
    out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    return out + body_ + "</svg>\n";
}

}  // namespace pilotstat::plot
