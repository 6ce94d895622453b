#include "pilotstat/report/html_escape.hpp"
#include "pilotstat/report/svg_trajectories.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace pilotstat::report {

namespace {
constexpr double kW = 640, kH = 260, kLeft = 48, kRight = 200, kTop = 16, kBottom = 32;
const char* const kColours[] = {"#1b6ca8", "#c0392b", "#2e8b57", "#8e44ad", "#d68910", "#555555"};

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string esc(const std::string& s) { return html_escape(s); }
}  // namespace

std::string svg_trajectories(const data::Study& st, std::size_t m) {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (std::size_t s = 0; s < st.subjects.size(); ++s)
        for (std::size_t t = 0; t < st.times.size(); ++t)
            if (const auto& sc = st.at(m, s, t)) {
                lo = std::min(lo, sc->value);
                hi = std::max(hi, sc->value);
            }
    if (!std::isfinite(lo)) return "";
    if (hi == lo) hi = lo + 1;
    const double nt = static_cast<double>(std::max<std::size_t>(st.times.size() - 1, 1));
    auto x = [&](std::size_t t) { return kLeft + (kW - kLeft - kRight) * static_cast<double>(t) / nt; };
    auto y = [&](double v) { return kTop + (kH - kTop - kBottom) * (hi - v) / (hi - lo); };
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(kW) + " " + num(kH) +
                      "\" width=\"" + num(kW) + "\" height=\"" + num(kH) + "\" role=\"img\">";
    svg += "<text x=\"4\" y=\"" + num(y(hi) + 4) + "\" font-size=\"11\">" + num(hi) + "</text>";
    svg += "<text x=\"4\" y=\"" + num(y(lo) + 4) + "\" font-size=\"11\">" + num(lo) + "</text>";
    for (std::size_t t = 0; t < st.times.size(); ++t)
        svg += "<text x=\"" + num(x(t) - 8) + "\" y=\"" + num(kH - 10) + "\" font-size=\"11\">" + esc(st.times[t]) + "</text>";
    for (std::size_t g = 0; g < st.groups.size(); ++g) {
        const std::string colour = kColours[g % 6];
        std::vector<double> sum(st.times.size(), 0), cnt(st.times.size(), 0);
        for (auto s : st.subjects_in(g)) {
            std::string pts;
            for (std::size_t t = 0; t < st.times.size(); ++t)
                if (const auto& sc = st.at(m, s, t)) {
                    pts += num(x(t)) + "," + num(y(sc->value)) + " ";
                    sum[t] += sc->value;
                    cnt[t] += 1;
                }
            svg += "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-opacity=\"0.35\" points=\"" + pts +
                   "\"><title>" + esc(st.subjects[s]) + "</title></polyline>";
        }
        std::string mean_pts;
        for (std::size_t t = 0; t < st.times.size(); ++t)
            if (cnt[t] > 0) mean_pts += num(x(t)) + "," + num(y(sum[t] / cnt[t])) + " ";
        svg += "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"3\" points=\"" + mean_pts + "\"/>";
        svg += "<text x=\"" + num(kW - kRight + 8) + "\" y=\"" + num(kTop + 14 + 16 * static_cast<double>(g)) +
               "\" font-size=\"12\" fill=\"" + colour + "\">" + esc(st.groups[g]) + " (mean)</text>";
    }
    return svg + "</svg>";
}

}  // namespace pilotstat::report
