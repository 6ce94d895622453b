#include <algorithm>

#include "pilotstat/analysis/common_options.hpp"
#include "pilotstat/analysis/option_ranges.hpp"
#include "pilotstat/analysis/compare.hpp"
#include "pilotstat/data/decimal.hpp"
#include "pilotstat/error.hpp"

namespace pilotstat::analysis {

std::string_view to_string(CompareOn on) {
    switch (on) {
        case CompareOn::change: return "change";
        case CompareOn::raw: return "raw";
        case CompareOn::ancova: return "ancova";
        case CompareOn::slope: return "slope";
        case CompareOn::auc: return "auc";
    }
    return "change";
}

const std::vector<std::string>& compare_option_keys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> k{"on", "from", "to", "at", "time_values", "responder", "conf", "alpha", "curve", "margin",
                                   "covariance", "df", "all_visits"};  // the last three: --on mmrm
        for (const auto& e : exact_option_keys()) k.push_back(e);
        for (const auto& b : boot_option_keys())
            if (std::find(k.begin(), k.end(), b) == k.end()) k.push_back(b);
        return k;
    }();
    return keys;
}

namespace {
CompareOn parse_on(const std::string& text) {
    for (auto on : {CompareOn::change, CompareOn::raw, CompareOn::ancova, CompareOn::slope, CompareOn::auc})
        if (text == to_string(on)) return on;
    if (text == "mmrm")  // its own table (compare_mmrm.hpp), not a value per subject
        throw UsageError("--on mmrm is not available here (it is compare's own table: pilotstat compare --on mmrm)");
    throw UsageError("unknown --on \"" + text + "\" (valid: change, raw, ancova, slope, auc, mmrm)");
}

std::vector<double> parse_time_values(const data::Study& study, const std::string& text) {
    std::vector<double> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = text.find(',', start);
        const auto item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        const auto v = data::parse_finite(item);
        if (!v) throw UsageError("--time-values: \"" + item + "\" is not a number");
        out.push_back(*v);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    if (out.size() != study.times.size())
        throw UsageError("--time-values has " + std::to_string(out.size()) + " values for " +
                         std::to_string(study.times.size()) + " times");
    for (std::size_t i = 1; i < out.size(); ++i)
        if (!(out[i] > out[i - 1])) throw UsageError("--time-values must increase");
    return out;
}
}  // namespace

CompareOptions compare_options(const data::Study& study, const OptionMap& options) {
    const OptionReader opt(options);
    CompareOptions o;
    // One time point (cross-sectional data): raw scores at that time are all
    // there is to compare, so they are the default and the only basis.
    o.single_time = study.times.size() == 1;
    o.on = parse_on(opt.text("on", o.single_time ? "raw" : "change"));
    if (o.single_time && o.on != CompareOn::raw)
        throw UsageError("--on " + std::string(to_string(o.on)) + " needs two time points; the study has one (\"" +
                         study.times.front() + "\"): its arms can only be compared on raw scores (--on raw, the "
                         "default for one time point)");
    o.from = opt.has("from") ? one_time(study, opt.text("from", ""), "--from") : study.baseline;
    const std::size_t last = study.times.size() - 1;
    o.to = opt.has("to") ? one_time(study, opt.text("to", ""), "--to") : last;
    if (o.on == CompareOn::raw && opt.has("at")) o.to = one_time(study, opt.text("at", ""), "--at");
    if ((o.on == CompareOn::change || o.on == CompareOn::ancova) && o.from == o.to)
        throw UsageError("--from and --to are the same time (\"" + study.times[o.to] +
                         "\"); a study with one time can only be compared with --on raw");
    if (opt.has("time_values")) o.time_values = parse_time_values(study, opt.text("time_values", ""));
    else
        for (std::size_t t = 0; t < study.times.size(); ++t) o.time_values.push_back(static_cast<double>(t));
    o.exact = exact_options(opt);
    o.boot = boot_options(opt);
    o.conf = o.boot.conf;
    o.responder_pct = opt.real("responder", 50.0, ranges::responder);
    o.alpha = opt.real("alpha", 0.05, ranges::alpha);
    if (opt.has("margin")) o.margin = opt.real("margin", 1.0, ranges::margin);
    // The equivalence tests are the permutation tests of the compared values;
    // under --on ancova those are the raw follow-up scores, not the adjusted
    // difference (whose inverted interval is adj_perm_ci_*, without TOST yet).
    if (o.margin && o.on == CompareOn::ancova)
        throw UsageError("--margin is not available with --on ancova: its equivalence tests would be of the raw "
                         "follow-up scores, not of the adjusted difference (use --on change or --on raw; the "
                         "adjusted difference's inverted interval is adj_perm_ci_low/high)");
    return o;
}

}  // namespace pilotstat::analysis
