#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "pilotstat/analysis/describe.hpp"
#include "pilotstat/plot/axis.hpp"
#include "pilotstat/plot/plots.hpp"

namespace pilotstat::plot {

namespace {

struct Layout {
    std::vector<double> tx;  // x value of each time
    double lo = std::numeric_limits<double>::infinity(), hi = -std::numeric_limits<double>::infinity();
};

// One point of an arm's mean line, with its interval when there is one.
struct ArmMean {
    std::size_t time = 0;
    double mean = 0;
    std::optional<core::Interval> ci;
    std::string tooltip;  // empty: none (the observed means carry none)
};

// The observed means (describe) of arm g; with an MMRM only at its baseline,
// then the model's adjusted means at the visits it fitted.
std::vector<ArmMean> arm_means(const data::Study& st, std::size_t m, std::size_t g,
                               const std::vector<analysis::DescribeRow>& desc, const MmrmMeans* mmrm) {
    std::vector<ArmMean> out;
    for (const auto& d : desc) {
        if (d.measure != st.measures[m] || d.group != st.groups[g] || !d.summary.mean) continue;
        const auto t = *st.time_index(d.time);
        if (mmrm && t != mmrm->from) continue;
        ArmMean a{t, *d.summary.mean, std::nullopt, {}};
        if (d.summary.ci_low) a.ci = core::Interval{*d.summary.ci_low, *d.summary.ci_high, 0.95, "t"};
        out.push_back(a);
    }
    if (!mmrm || !mmrm->row->fit.converged) return out;
    const auto& row = *mmrm->row;
    const auto& means = g == row.group_a ? row.fit.mean_a : row.fit.mean_b;
    for (std::size_t j = 0; j < row.visit_times.size() && j < means.size(); ++j) {
        ArmMean a{row.visit_times[j], means[j].estimate, std::nullopt, {}};
        a.tooltip = st.groups[g] + " " + st.times[a.time] + " MMRM adjusted mean " + tick_label(a.mean, 0.01);
        if (std::isfinite(means[j].df)) {  // a df that is not estimable gives no interval
            a.ci = means[j].ci;
            a.tooltip += " [" + tick_label(a.ci->low, 0.01) + ", " + tick_label(a.ci->high, 0.01) + "]";
        }
        out.push_back(a);
    }
    return out;
}

Layout layout(const data::Study& st, std::size_t m, const std::vector<std::size_t>& groups,
              const std::vector<std::vector<ArmMean>>& means, const PlotOptions& o) {
    Layout l;
    for (std::size_t t = 0; t < st.times.size(); ++t)
        l.tx.push_back(o.time_values.size() == st.times.size() ? o.time_values[t] : static_cast<double>(t));
    for (auto g : groups)
        for (auto s : st.subjects_in(g))
            for (std::size_t t = 0; t < st.times.size(); ++t)
                if (const auto& sc = st.at(m, s, t)) l.lo = std::min(l.lo, sc->value), l.hi = std::max(l.hi, sc->value);
    for (const auto& arm : means)
        for (const auto& a : arm)
            if (a.ci) l.lo = std::min(l.lo, a.ci->low), l.hi = std::max(l.hi, a.ci->high);
    if (const auto& ins = st.instruments[m]) l.lo = std::max(l.lo, ins->min), l.hi = std::min(l.hi, ins->max);
    return l;
}

void bands(Svg& svg, const Frame& f, const data::InstrumentNorms* norms) {
    if (!norms) return;
    for (std::size_t i = 0; i < norms->bands.size(); ++i) {
        const auto& b = norms->bands[i];
        const double lo = std::max(b.lo - (i > 0 ? 0.5 : 0.0), f.yt.lo), hi = std::min(b.hi + 0.5, f.yt.hi);
        if (hi <= lo) continue;
        svg.rect(f.left, f.y(hi), f.right - f.left, f.y(lo) - f.y(hi), i % 2 ? "#f0f0f0" : "#fafafa");
        if (f.y(lo) - f.y(hi) >= 14) svg.text(f.right + 6, (f.y(lo) + f.y(hi)) / 2 + 4, b.label, "start", 12, "#555555");
    }
}

// One row of legend above the plot (wrapping when long); text width
// estimated at 0.6 em per character, generous for DejaVu Sans.
void legend(Svg& svg, const Frame& f, const data::Study& st, const std::vector<std::size_t>& groups,
            const std::string& conf, const std::string& model) {
    double x = f.left, y = 48;
    auto room = [&](double w) {
        if (x + w > svg.width() - 8 && x > f.left) x = f.left, y += 18;
    };
    for (auto g : groups) {
        const std::string label = st.groups[g] + (model.empty() ? " mean, " : " adjusted mean, ") + conf + "% CI";
        const double w = 30 + 7.6 * static_cast<double>(label.size()) + 18;
        room(w);
        svg.line(x, y - 4, x + 24, y - 4, palette(g), 3.5);
        svg.text(x + 30, y, label, "start", 12, palette(g), 0, true);
        x += w;
    }
    room(70);
    svg.circle(x + 4, y - 4, 3.2, kInk);
    svg.text(x + 12, y, "person", "start", 12);
    x += 70;
    room(90);
    svg.circle(x + 6, y - 4, 7, "none", kInk);
    svg.text(x + 18, y, "last visit", "start", 12);
    x += 90;
    if (model.empty()) return;
    room(7.2 * static_cast<double>(model.size()));
    svg.text(x, y, model, "start", 12);
}

// What the thick lines are, for the legend and the description.
std::string model_text(const data::Study& st, const MmrmMeans* mmrm) {
    if (!mmrm) return {};
    const auto& f = mmrm->row->fit;
    if (!f.converged) return "MMRM not fitted (" + analysis::join_notes(mmrm->row->notes) + "): observed baseline only";
    return "MMRM adjusted means (covariance " + std::string(models::to_string(f.covariance)) + ", df " +
           std::string(models::to_string(f.df_method)) + "); " + st.times[mmrm->from] + " observed";
}

}  // namespace

std::string trajectories(const data::Study& st, std::size_t m, const data::InstrumentNorms* norms,
                         const PlotOptions& o, const MmrmMeans* mmrm) {
    const auto desc = analysis::describe(st, o.conf);
    std::vector<std::size_t> groups;
    for (std::size_t g = 0; g < st.groups.size(); ++g)
        if (!mmrm || g == mmrm->row->group_a || g == mmrm->row->group_b) groups.push_back(g);
    std::vector<std::vector<ArmMean>> means;
    for (auto g : groups) means.push_back(arm_means(st, m, g, desc, mmrm));
    const auto l = layout(st, m, groups, means, o);
    const std::string conf = std::to_string(static_cast<int>(std::lround(o.conf * 100)));
    const std::string model = model_text(st, mmrm);
    const std::string lines =
        mmrm ? model + ". Thick lines: after " + st.times[mmrm->from] + ", the mixed model's adjusted means per arm "
                   "(at the mean baseline score) with " + conf + "% intervals, the numbers of compare --on mmrm "
                   "--all-visits; at " + st.times[mmrm->from] + ", the observed arm means with " + conf +
                   "% t intervals."
             : "Thick lines: arm means with " + conf + "% t intervals.";
    Svg svg(o.width, o.height, st.label(m) + ": every participant over time",
            "Thin lines and dots: one participant each; a gap is a missed visit; a ringed dot is the last visit of "
            "a participant who left. " + lines + " Shading: severity bands.");
    svg.set_id_prefix(o.id_prefix);
    if (!std::isfinite(l.lo)) return svg.str();
    auto xt = nice_ticks(*std::min_element(l.tx.begin(), l.tx.end()), *std::max_element(l.tx.begin(), l.tx.end()));
    const double pad = (xt.hi - xt.lo) * 0.04;
    xt.lo -= pad, xt.hi += pad;  // room for the arms' offsets at the ends
    xt.values.clear();
    for (double v : l.tx) xt.values.push_back(v);
    // the MMRM legend takes a second row: the frame starts below it
    const auto f = make_frame(svg, 76, 84, mmrm ? 82 : 64, 64, xt, nice_ticks(l.lo, l.hi));
    bands(svg, f, norms);
    std::vector<std::string> xl;
    for (std::size_t t = 0; t < st.times.size(); ++t)
        xl.push_back(o.time_values.size() == st.times.size() ? st.times[t] + " (" + coord(l.tx[t]) + ")"
                                                              : st.times[t]);
    const bool spaced = o.time_values.size() == st.times.size();
    draw_axes(svg, f, spaced ? "Visit (at its time value)" : "Visit (equally spaced; --time-values for true times)",
              score_title(st, m), xl);
    svg.text(f.left, 24, st.label(m) + " by arm", "start", kTitleFont, kInk, 0, true);
    const double ng = static_cast<double>(groups.size());
    for (std::size_t k = 0; k < groups.size(); ++k) {
        const auto g = groups[k];
        const auto& colour = palette(g);
        const double ax = (static_cast<double>(k) - (ng - 1) / 2) * 14;  // arms side by side at each visit
        const auto members = st.subjects_in(g);
        for (std::size_t i = 0; i < members.size(); ++i) {
            // each participant a little apart, so that equal scores stay visible
            const auto s = members[i];
            const double dx = ax + (static_cast<double>(i) - (static_cast<double>(members.size()) - 1) / 2) *
                                       std::min(2.0, 8.0 / static_cast<double>(members.size()));
            std::vector<Point> run;
            std::size_t last = st.times.size();
            for (std::size_t t = 0; t <= st.times.size(); ++t) {
                const bool has = t < st.times.size() && st.at(m, s, t).has_value();
                if (has) {
                    run.push_back({f.x(l.tx[t]) + dx, f.y(st.at(m, s, t)->value)});
                    last = t;
                } else {
                    svg.polyline(run, colour, 1.4, 0.55, {}, st.subjects[s]);
                    run.clear();
                }
            }
            for (std::size_t t = 0; t < st.times.size(); ++t)
                if (const auto& sc = st.at(m, s, t))
                    svg.circle(f.x(l.tx[t]) + dx, f.y(sc->value), 3.2, colour, "none",
                               st.subjects[s] + " " + st.times[t] + ": " + tick_label(sc->value, 0.01));
            if (last + 1 < st.times.size())  // left before the end: ring the last visit
                svg.circle(f.x(l.tx[last]) + dx, f.y(st.at(m, s, last)->value), 7, "none", colour,
                           st.subjects[s] + " left after " + st.times[last]);
        }
        std::vector<Point> mean;
        for (const auto& a : means[k]) {
            const double x = f.x(l.tx[a.time]) + ax + (ax < 0 ? -6 : 6);
            mean.push_back({x, f.y(a.mean)});
            if (!a.ci) continue;
            // the interval's stem carries the numbers as its tooltip when it has them
            if (a.tooltip.empty()) svg.line(x, f.y(a.ci->low), x, f.y(a.ci->high), colour, 2.2);
            else svg.polyline({{x, f.y(a.ci->low)}, {x, f.y(a.ci->high)}}, colour, 2.2, 1, {}, a.tooltip);
            svg.line(x - 4, f.y(a.ci->low), x + 4, f.y(a.ci->low), colour, 2.2);
            svg.line(x - 4, f.y(a.ci->high), x + 4, f.y(a.ci->high), colour, 2.2);
        }
        svg.polyline(mean, colour, 3.5, 1, {}, st.groups[g] + (mmrm ? " adjusted mean" : " mean"));
    }
    legend(svg, f, st, groups, conf, model);
    return svg.str();
}

}  // namespace pilotstat::plot
