// A small SVG writer: a standalone document (valid XML, every text escaped)
// with <title> and <desc> for screen readers, the Okabe-Ito colour-blind-safe
// palette, and font sizes that stay readable when printed at page width.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pilotstat::plot {

// Okabe & Ito (2008), "Color Universal Design": distinguishable under the
// common colour-vision deficiencies. Index by group; wraps after 8.
const std::string& palette(std::size_t i);
inline constexpr const char* kInk = "#222222";
inline constexpr const char* kGrid = "#d9d9d9";
inline constexpr double kFont = 13;       // tick labels, legend
inline constexpr double kTitleFont = 15;  // axis titles, heading

// Coordinates with at most 2 decimals, no trailing zeros ("12.5", "3").
std::string coord(double v);

struct Point {
    double x = 0, y = 0;
};

class Svg {
public:
    Svg(double width, double height, std::string title, std::string desc);
    double width() const { return w_; }
    double height() const { return h_; }
    // Prefixed to the ids of <title> and <desc> ("t", "d"), which aria-labelledby
    // points at: ids must be unique in a page holding several pictures.
    void set_id_prefix(std::string prefix) { id_prefix_ = std::move(prefix); }

    void line(double x1, double y1, double x2, double y2, const std::string& stroke, double width = 1,
              std::string_view dash = {});
    void rect(double x, double y, double w, double h, const std::string& fill, double opacity = 1,
              const std::string& stroke = "none");
    void circle(double cx, double cy, double r, const std::string& fill, const std::string& stroke = "none",
                std::string_view tooltip = {});
    void polyline(const std::vector<Point>& pts, const std::string& stroke, double width = 1.5,
                  double opacity = 1, std::string_view dash = {}, std::string_view tooltip = {});
    // anchor: start, middle, end. rotate: degrees about (x, y).
    void text(double x, double y, std::string_view s, std::string_view anchor = "start", double size = kFont,
              const std::string& fill = kInk, double rotate = 0, bool bold = false);
    void raw(std::string_view element) { body_ += element; }
    std::string str() const;  // the complete document, ending in a newline

private:
    double w_, h_;
    std::string title_, desc_, body_, id_prefix_;
};

}  // namespace pilotstat::plot
