#include "pilotstat/plot/make_plot.hpp"

#include <algorithm>

#include "pilotstat/error.hpp"
#include "pilotstat/io/markup_escape.hpp"
#include "pilotstat/plot/svg.hpp"

namespace pilotstat::plot {

const std::vector<std::string>& plot_kinds() {
    static const std::vector<std::string> k{"trajectories", "estimation", "forest", "rci", "curve"};
    return k;
}

namespace {
std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

const data::InstrumentNorms* norms_of(const data::Study& st, std::size_t m, const data::NormsRegistry& norms) {
    return norms.find(st.instruments[m] ? st.instruments[m]->name : st.measures[m]);
}

std::string html_page(const std::string& title, const std::vector<std::string>& figures) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + markup_escape(title) +
                      "</title><style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}figure{margin:0 0 "
                      "2em}svg{max-width:100%;height:auto}</style></head><body>\n<h1>" + markup_escape(title) + "</h1>\n";
    for (const auto& f : figures) out += "<figure>" + f + "</figure>\n";
    return out + "</body></html>\n";
}
}  // namespace

void check_kind(const std::string& kind) {
    const auto& k = plot_kinds();
    if (std::find(k.begin(), k.end(), kind) == k.end())
        throw UsageError("unknown plot kind \"" + kind + "\" (valid: " + join(k) + ")");
}

void check_scale(const std::string& scale) {
    if (scale != "standardized" && scale != "raw")
        throw UsageError("unknown forest scale \"" + scale + "\" (valid: standardized, raw)");
}

void check_format(const std::string& format) {
    if (format != "svg" && format != "html")
        throw UsageError("unknown plot format \"" + format + "\" (valid: svg, html)");
}

std::string make_plot(const data::Study& st, const data::NormsRegistry& norms, const PlotRequest& q) {
    check_kind(q.kind);
    check_format(q.format);
    check_scale(q.scale);
    const bool mmrm = analysis::is_mmrm(q.options);
    if (mmrm && q.kind != "trajectories")
        throw UsageError("plot " + q.kind + " is not available with --on mmrm: only plot trajectories draws the "
                         "mixed model (its adjusted means per visit); use pilotstat compare --on mmrm for its table");
    // --on mmrm has its own options (mmrm_compare_options); the shared ones
    // (--time-values, --conf, --alpha) are read as for a comparison of change.
    auto shared = q.options;
    if (mmrm) shared.erase("on");
    const auto co = analysis::compare_options(st, shared);
    // The curve is the permutation p-value function of the compared values;
    // under --on ancova those would be the raw follow-up scores, not the
    // adjusted difference (whose curve `compare --on ancova --curve` prints).
    if (q.kind == "curve" && co.on == analysis::CompareOn::ancova)
        throw UsageError("plot curve is not available with --on ancova: it draws the permutation test of the "
                         "compared values, not the adjusted difference (use --on change or --on raw; "
                         "compare --on ancova --curve prints the adjusted difference's curve)");
    PlotOptions po = q.plot;
    if (q.options.count("time_values")) po.time_values = co.time_values;
    po.conf = co.conf;
    po.alpha = co.alpha;
    std::vector<std::string> figures;
    // In an html page every figure's ids get their own prefix ("f1-t", "f2-t", ...);
    // a standalone SVG keeps the short ids.
    auto fig = [&]() {
        PlotOptions f = po;
        if (q.format == "html") f.id_prefix = "f" + std::to_string(figures.size() + 1) + "-";
        return f;
    };
    if (q.kind == "trajectories" && mmrm) {
        // The rows `compare --on mmrm --all-visits` prints: one per measure and pair of arms.
        const auto mo = analysis::mmrm_compare_options(st, q.options);
        po.conf = mo.model.conf;
        for (const auto& r : analysis::compare_mmrm(st, mo)) {
            const MmrmMeans mm{&r, mo.from};
            figures.push_back(trajectories(st, r.measure, norms_of(st, r.measure, norms), fig(), &mm));
        }
    } else if (q.kind == "trajectories") {
        for (std::size_t m = 0; m < st.measures.size(); ++m) figures.push_back(trajectories(st, m, norms_of(st, m, norms), fig()));
    } else if (q.kind == "rci") {
        analysis::IndividualOptions io;
        io.from = st.times[co.from];
        io.to = {st.times[co.to]};
        io.rci_z = q.rci_z;
        const auto res = analysis::individual_change(st, norms, io);
        for (std::size_t m = 0; m < st.measures.size(); ++m) figures.push_back(rci(st, m, res.rows, q.rci_z, fig()));
    } else {
        const auto rows = analysis::compare(st, co);
        if (q.kind == "forest" && q.scale == "raw") {
            // The adjusted difference: the same times through ANCOVA (its
            // adjusted difference of the later score equals that of the change).
            auto adjusted_options = q.options;
            adjusted_options["on"] = "ancova";
            const bool adjustable = co.on == analysis::CompareOn::change || co.on == analysis::CompareOn::raw;
            const auto adjusted = adjustable && st.times.size() > 1
                                      ? analysis::compare(st, analysis::compare_options(st, adjusted_options))
                                      : std::vector<analysis::CompareRow>{};
            figures.push_back(forest_raw(st, rows, adjusted, co, norms, fig()));
        } else if (q.kind == "forest") {
            figures.push_back(forest(st, rows, co, fig()));
        }
        for (const auto& r : rows) {
            if (q.kind == "estimation") figures.push_back(estimation(st, r, co, norms_of(st, r.measure, norms), fig()));
            if (q.kind == "curve") figures.push_back(curve(st, r, co, norms_of(st, r.measure, norms), fig()));
        }
    }
    if (q.format == "html") return html_page("pilotstat plot " + q.kind + ": " + st.source, figures);
    if (figures.size() != 1)
        throw UsageError("plot " + q.kind + " --format svg draws one measure and one pair of arms, and this "
                         "selection gives " + std::to_string(figures.size()) +
                         " figures: choose with --measures (and --groups), or use --format html");
    return figures.front();
}

}  // namespace pilotstat::plot
