#include <algorithm>
#include <cmath>

#include "pilotstat/plot/axis.hpp"
#include "pilotstat/plot/plots.hpp"

namespace pilotstat::plot {

namespace {
std::string category(const analysis::IndividualRow& r) {
    if (r.clinical) return analysis::to_string(*r.clinical);
    if (r.reliable) return analysis::to_string(*r.reliable) == "none" ? "unchanged" : analysis::to_string(*r.reliable);
    return "not classified";
}
std::size_t colour_index(const std::string& c) {
    if (c == "recovered") return 2;
    if (c == "improved") return 0;
    if (c == "deteriorated") return 1;
    if (c == "unchanged") return 7;
    return 6;
}
}  // namespace

std::string rci(const data::Study& st, std::size_t m, const std::vector<analysis::IndividualRow>& all, double z,
                const PlotOptions& o) {
    std::vector<const analysis::IndividualRow*> rows;
    for (const auto& r : all)
        if (r.measure == st.measures[m] && r.score_from && r.score_to) rows.push_back(&r);
    const std::string from = rows.empty() ? "" : rows.front()->from, to = rows.empty() ? "" : rows.front()->to;
    Svg svg(o.width, o.height, st.label(m) + ": reliable and clinically significant change, " + from + " to " + to,
            "Each dot is one participant: score at " + from + " across, at " + to +
                " up. Dots on the solid diagonal did not change; inside the grey band the change is not reliable "
                "(|RCI| at most " + tick_label(z, 0.01) + "); the dashed lines are the clinical cut-off.");
    svg.set_id_prefix(o.id_prefix);
    if (rows.empty()) return svg.str();
    double lo = rows.front()->score_from.value(), hi = lo;
    for (const auto* r : rows)
        lo = std::min({lo, *r->score_from, *r->score_to}), hi = std::max({hi, *r->score_from, *r->score_to});
    if (rows.front()->cutoff) lo = std::min(lo, *rows.front()->cutoff), hi = std::max(hi, *rows.front()->cutoff);
    const auto t = nice_ticks(lo, hi);
    const double side = std::min(o.width - 76 - 200, o.height - 40 - 64);
    const auto f = make_frame(svg, 76, o.width - 76 - side, 40, o.height - 40 - side, t, t);
    svg.text(f.left, 24, st.label(m) + ": change person by person", "start", kTitleFont, kInk, 0, true);
    if (const auto sd = rows.front()->s_diff) {  // the band |to - from| <= z S_diff, clipped to the frame
        const double w = z * *sd;
        std::string pts;
        const double a = t.lo, b = t.hi;
        const Point poly[] = {{a, std::max(a - w, a)}, {std::max(a + w, a), a}, {b, std::max(b - w, a)},
                              {b, std::min(b + w, b)}, {std::min(b - w, b), b}, {a, std::min(a + w, b)}};
        for (const auto& p : poly) pts += (pts.empty() ? "" : " ") + coord(f.x(p.x)) + "," + coord(f.y(p.y));
        svg.raw("<polygon fill=\"#dddddd\" fill-opacity=\"0.7\" points=\"" + pts + "\"/>\n");
    }
    draw_axes(svg, f, st.label(m) + " at " + from + " (points)", st.label(m) + " at " + to + " (points)");
    svg.line(f.x(t.lo), f.y(t.lo), f.x(t.hi), f.y(t.hi), kInk, 1.2);
    if (const auto cut = rows.front()->cutoff) {
        reference_y(svg, f, *cut, "cut-off " + tick_label(*cut, 0.01), palette(4));
        reference_x(svg, f, *cut, "", palette(4));
    }
    std::vector<std::string> seen;
    for (const auto* r : rows) {
        const auto cat = category(*r);
        if (std::find(seen.begin(), seen.end(), cat) == seen.end()) seen.push_back(cat);
        const auto tip = r->subject + " (" + r->group + "): " + tick_label(*r->score_from, 0.01) + " to " +
                         tick_label(*r->score_to, 0.01) + ", " + cat;
        const auto g = st.group_index(r->group).value_or(0);
        const double x = f.x(*r->score_from), y = f.y(*r->score_to);
        if (g % 2 == 0) svg.circle(x, y, 5.5, palette(colour_index(cat)), "#ffffff", tip);
        else svg.rect(x - 5, y - 5, 10, 10, palette(colour_index(cat)), 1, "#ffffff");
    }
    double ly = f.top + 16;
    for (const auto& cat : seen) {
        svg.circle(f.right + 24, ly - 4, 5, palette(colour_index(cat)));
        svg.text(f.right + 36, ly, cat, "start", kFont);
        ly += 22;
    }
    for (std::size_t g = 0; g < st.groups.size() && g < 2; ++g) {
        if (g == 0) svg.circle(f.right + 24, ly - 4, 5.5, kInk);
        else svg.rect(f.right + 19, ly - 9, 10, 10, kInk);
        svg.text(f.right + 36, ly, st.groups[g], "start", kFont);
        ly += 22;
    }
    svg.rect(f.right + 18, ly - 10, 14, 10, "#dddddd");
    svg.text(f.right + 36, ly, "no reliable change", "start", 12);
    svg.text(f.right + 36, ly + 16, "(|RCI| \u2264 " + tick_label(z, 0.01) + ")", "start", 12);
    if (rows.front()->s_diff)
        svg.text(f.right + 36, ly + 32, "S_diff = " + tick_label(*rows.front()->s_diff, 0.01), "start", 12);
    return svg.str();
}

}  // namespace pilotstat::plot
