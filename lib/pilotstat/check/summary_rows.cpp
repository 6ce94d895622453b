#include "pilotstat/check/summary_rows.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "pilotstat/check/grim.hpp"
#include "pilotstat/check/mann_whitney_u.hpp"
#include "pilotstat/check/mean_sequence.hpp"
#include "pilotstat/check/pct_change.hpp"
#include "pilotstat/check/pvalue_consistency.hpp"
#include "pilotstat/data/decimal.hpp"

namespace pilotstat::check {

namespace {

using std::invalid_argument;

std::string num(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

// Typed access to a summary row's keys; unknown keys are refused up front.
class Keys {
public:
    Keys(const Selection& s, const std::vector<std::string>& allowed) : s_(s) {
        for (const auto& [key, value] : s.keys)
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
                std::string list;
                for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
                throw invalid_argument(s.command + " has no key \"" + key + "\" (valid: " + list + ")");
            }
    }
    bool has(const std::string& key) const { return s_.find(key) != nullptr; }
    const std::string& text(const std::string& key) const {
        const auto* v = s_.find(key);
        if (!v) throw invalid_argument(s_.command + " needs " + key + "=...");
        return *v;
    }
    std::int64_t whole(const std::string& key, std::int64_t min) const {
        constexpr std::int64_t max = 1000000000;
        const auto& v = text(key);
        std::int64_t x = 0;
        const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
        if (ec != std::errc() || end != v.data() + v.size() || x < min || x > max)
            throw invalid_argument(key + " must be a whole number >= " + std::to_string(min) + " and <= " +
                                   std::to_string(max) + " (\"" + v + "\")");
        return x;
    }
    Published published(const std::string& key) const {
        const auto& v = text(key);
        const auto x = data::parse_finite(v);
        if (!x || v.find_first_of("eE") != std::string::npos)
            throw invalid_argument(key + " must be a number written in decimals (\"" + v + "\")");
        return {*x, data::written_decimals(v)};
    }
    std::optional<Published> maybe(const std::string& key) const {
        return has(key) ? std::optional<Published>(published(key)) : std::nullopt;
    }
    // step (default 1, "0.25" or "1/7") divided by items (default 1).
    double grid() const {
        double step = 1;
        if (has("step")) {
            const auto v = parse_step(text("step"));
            if (!v) throw invalid_argument("step must be a positive number or fraction like 1/7 (\"" +
                                           text("step") + "\")");
            step = *v;
        }
        return has("items") ? step / static_cast<double>(whole("items", 1)) : step;
    }

private:
    const Selection& s_;
};

void need_decimals(const Selection& s, const Tolerance& t, bool p_allowed) {
    if (t.kind == ToleranceKind::decimals || (p_allowed && t.kind == ToleranceKind::pvalue)) return;
    throw invalid_argument(s.command + " rows need tolerance decimals:K" + (p_allowed ? " or p:K" : "") +
                           " (the decimals the figure was published with), not \"" + t.text + "\"");
}

Outcome grim_row(const Selection& s, const Expected& e, const Tolerance& t) {
    const Keys k(s, {"n", "step", "items"});
    const auto n = k.whole("n", 1);
    const double grid = k.grid();
    const auto g = grim_test(e.value, t.decimals, n, grid);
    Outcome o{g.consistent, g.nearest_mean, std::nullopt, std::nullopt, g.nearest_mean - e.value, ""};
    const double other = static_cast<double>(g.total + (g.nearest_mean < e.value ? 1 : -1)) * grid / n;
    if (g.consistent)
        o.message = "attainable: " + num(g.nearest_mean) + " (total " + num(g.nearest_mean * n) + ")";
    else
        o.message = "GRIM-impossible: the means of " + std::to_string(n) + " scores on a grid of " + num(grid) +
                    " nearest " + e.text + " are " + num(std::min(g.nearest_mean, other)) + " and " +
                    num(std::max(g.nearest_mean, other));
    return o;
}

Outcome grimmer_row(const Selection& s, const Expected& e, const Tolerance& t) {
    const Keys k(s, {"n", "step", "items", "mean"});
    const auto n = k.whole("n", 2);
    const auto mean = k.published("mean");
    const auto g = grimmer_test(mean.value, mean.decimals, e.value, t.decimals, n, k.grid());
    Outcome o;
    o.pass = g.verdict == GrimmerVerdict::consistent;
    o.computed = g.nearest_sd;
    if (g.nearest_sd) o.difference = *g.nearest_sd - e.value;
    const std::string nearest = g.nearest_sd ? " (nearest attainable SD " + num(*g.nearest_sd) + ")" : "";
    switch (g.verdict) {
        case GrimmerVerdict::consistent: o.message = "attainable SD " + num(*g.nearest_sd); break;
        case GrimmerVerdict::mean_impossible:
            o.message = "GRIMMER: the mean " + k.text("mean") + " is GRIM-impossible for n = " + std::to_string(n);
            break;
        case GrimmerVerdict::no_sum_of_squares:
            o.message = "GRIMMER-impossible: no integer sum of squares gives an SD that rounds to " + e.text + nearest;
            break;
        case GrimmerVerdict::wrong_parity:
            o.message = "GRIMMER-impossible: the sums of squares that fit have the wrong parity for the total" + nearest;
            break;
    }
    return o;
}

Outcome pct_change_row(const Selection& s, const Expected& e, const Tolerance& t) {
    const Keys k(s, {"n", "step", "items", "min", "max", "from", "to", "after"});
    PctChangeQuery q;
    q.pct = {e.value, t.decimals};
    q.n = k.whole("n", 1);
    q.grid = k.grid();
    q.min = k.has("min") ? k.published("min").value : 0;
    q.max = k.published("max").value;
    if (q.max <= q.min) throw invalid_argument("max must be above min");
    q.from = k.maybe("from");
    q.to = k.maybe("to");
    q.after = k.maybe("after");
    const auto r = pct_change_test(q);
    Outcome o;
    o.pass = r.consistent;
    o.computed = r.nearest_pct;
    if (r.nearest_pct) o.difference = *r.nearest_pct - e.value;
    const std::string pair = r.nearest_pct ? "means " + num(r.from_mean) + " -> " + num(r.to_mean) + " give " +
                                                 num(*r.nearest_pct) + "%"
                                           : "no pair of attainable means fits";
    o.message = r.consistent ? pair : "impossible as a percent change of means of " + std::to_string(q.n) +
                                          " scores on a grid of " + num(q.grid) + ": nearest " + pair;
    return o;
}

StatReport stat_report(const Keys& k) {
    StatReport r;
    const auto test = parse_stat_test(k.text("test"));
    if (!test) throw invalid_argument("test must be t, z, F, chisq, r or U (\"" + k.text("test") + "\")");
    r.test = *test;
    if (r.test == StatTest::u) {  // Mann–Whitney: group sizes instead of df, a whole U
        for (const auto* key : {"df", "df1", "df2"})
            if (k.has(key)) throw invalid_argument(std::string("test=U takes n1= and n2=, not ") + key + "=");
        r.df1 = static_cast<double>(k.whole("n1", 1));
        r.df2 = static_cast<double>(k.whole("n2", 1));
        if (r.df1 + r.df2 > static_cast<double>(kMaxUGroups))
            throw invalid_argument("test=U: the exact distribution is computed for n1 + n2 <= " +
                                   std::to_string(kMaxUGroups));
        const auto u = k.published("stat");
        if (u.value < 0 || u.value != std::floor(u.value) || u.value > r.df1 * r.df2)
            throw invalid_argument("test=U needs a whole U between 0 and n1*n2 (\"" + k.text("stat") +
                                   "\"; a U with a half comes from ties, whose exact distribution needs the data)");
        r.value = u.value;
        r.tails = k.has("tails") ? static_cast<int>(k.whole("tails", 1)) : 2;
        if (r.tails > 2) throw invalid_argument("tails must be 1 or 2");
        return r;
    }
    if (k.has("n1") || k.has("n2")) throw invalid_argument("n1= and n2= go with test=U");
    auto df = [&](const std::string& key) {
        const auto d = k.published(key).value;
        if (d <= 0) throw invalid_argument(key + " must be positive");
        return d;
    };
    if (r.test == StatTest::f) {
        r.df1 = df("df1");
        r.df2 = df("df2");
    } else if (r.test != StatTest::z) {
        r.df1 = df("df");
    }
    const auto stat = k.published("stat");
    r.value = stat.value;
    r.decimals = stat.decimals;
    r.tails = k.has("tails") ? static_cast<int>(k.whole("tails", 1)) : 2;
    if (r.tails > 2) throw invalid_argument("tails must be 1 or 2");
    return r;
}

// statcheck's decision error at alpha = .05 (p = .05 counts as significant, as statcheck's
// pEqualAlphaSig): the published p says significant and the recomputed does not, or the reverse.
bool decision_error(const Expected& e, double computed) {
    constexpr double alpha = 0.05;
    bool published_sig = false;
    switch (e.bound) {
        case Bound::none: published_sig = e.value <= alpha; break;
        case Bound::below:
        case Bound::at_most: published_sig = e.value <= alpha; break;
        case Bound::above:
        case Bound::at_least:
            if (e.value < alpha) return false;  // "p > .01" says nothing about .05
            published_sig = false;
            break;
    }
    if ((e.bound == Bound::below || e.bound == Bound::at_most) && e.value > alpha) return false;
    return published_sig != (computed <= alpha);
}

Outcome pvalue_row(const Selection& s, const Expected& e, const Tolerance& t) {
    const Keys k(s, {"test", "df", "df1", "df2", "n1", "n2", "stat", "tails"});
    const auto report = stat_report(k);
    const auto range = p_range(report);
    Outcome o;
    o.pass = accepts(acceptance(e, t), range.low, range.high);
    o.computed = range.p;
    o.computed_low = range.low;
    o.computed_high = range.high;
    if (e.bound == Bound::none) o.difference = range.p - e.value;
    const std::string df = report.test == StatTest::f ? "(" + k.text("df1") + ", " + k.text("df2") + ")"
                           : report.test == StatTest::z || report.test == StatTest::u ? ""
                                                         : "(" + k.text("df") + ")";
    o.message = k.text("test") + df + " = " + k.text("stat") + " gives p = " + num(range.p) + " (" +
                num(range.low) + " to " + num(range.high) + " as the statistic rounds)";
    if (report.test == StatTest::u)
        o.message = "U = " + k.text("stat") + " with n1 = " + k.text("n1") + ", n2 = " + k.text("n2") +
                    " gives exact p = " + num(range.p) + (report.tails == 1 ? " (one-sided, no ties)" : " (no ties)");
    if (!o.pass) o.message = "p inconsistent: " + o.message + "; published " + e.text;
    if (!o.pass && decision_error(e, range.p)) o.message += "; decision error: the published p and the "
                                                          "recomputed one fall on different sides of .05";
    return o;
}


std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const auto at = s.find(sep, start);
        out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (at == std::string::npos) return out;
        start = at + 1;
    }
}

Published published_text(const std::string& key, const std::string& v) {
    const auto x = data::parse_finite(v);
    if (!x || v.find_first_of("eE") != std::string::npos)
        throw invalid_argument(key + " must hold numbers written in decimals (\"" + v + "\")");
    return {*x, data::written_decimals(v)};
}

SequenceQuery sequence_query(const Keys& k) {
    SequenceQuery q;
    q.times = split(k.text("times"), ',');
    if (q.times.size() < 2) throw invalid_argument("times needs at least two times, e.g. times=T1,T2,T3");
    auto time = [&](const std::string& key, const std::string& name) {
        const auto it = std::find(q.times.begin(), q.times.end(), name);
        if (it == q.times.end()) throw invalid_argument(key + ": \"" + name + "\" is not one of times=" + k.text("times"));
        return static_cast<std::size_t>(it - q.times.begin());
    };
    for (std::size_t i = 0; i < q.times.size(); ++i)
        if (q.times[i].empty() || std::find(q.times.begin(), q.times.begin() + static_cast<std::ptrdiff_t>(i), q.times[i]) !=
                                      q.times.begin() + static_cast<std::ptrdiff_t>(i))
            throw invalid_argument("times must be distinct and non-empty (\"" + k.text("times") + "\")");
    if (k.has("pct"))
        for (const auto& item : split(k.text("pct"), ',')) {
            const auto parts = split(item, ':');
            if (parts.size() != 3) throw invalid_argument("pct items are FROM:TO:PERCENT (\"" + item + "\")");
            SequenceFigure f{SequenceFigure::Kind::pct, time("pct", parts[0]), time("pct", parts[1]),
                             published_text("pct", parts[2]), item};
            if (f.from == f.to) throw invalid_argument("pct: a change from a time to itself (\"" + item + "\")");
            q.figures.push_back(f);
        }
    if (k.has("mean"))
        for (const auto& item : split(k.text("mean"), ',')) {
            const auto parts = split(item, ':');
            if (parts.size() != 2) throw invalid_argument("mean items are TIME:MEAN (\"" + item + "\")");
            q.figures.push_back({SequenceFigure::Kind::mean, time("mean", parts[0]), 0, published_text("mean", parts[1]), item});
        }
    if (k.has("sd"))
        for (const auto& item : split(k.text("sd"), ',')) {
            const auto parts = split(item, ':');
            if (parts.size() != 2) throw invalid_argument("sd items are TIME:SD (\"" + item + "\")");
            const auto v = published_text("sd", parts[1]);
            if (v.value < 0) throw invalid_argument("sd: an SD cannot be negative (\"" + item + "\")");
            q.figures.push_back({SequenceFigure::Kind::sd, time("sd", parts[0]), 0, v, "sd " + item});
        }
    if (q.figures.empty()) throw invalid_argument("means needs pct=... or mean=... figures");
    if (!k.has("step") && !k.has("items")) {  // arithmetic mode
        if (k.has("n") || k.has("min") || k.has("max")) throw invalid_argument("n, min and max go with step= (grid mode)");
        if (k.has("sd")) throw invalid_argument("sd= needs grid mode (step=, n=, max=): an SD is checked against "
                                                "the scores' grid");
        return q;
    }
    q.grid = k.grid();
    q.min = k.has("min") ? k.published("min").value : 0;
    q.max = k.published("max").value;
    if (q.max <= q.min) throw invalid_argument("max must be above min");
    const auto& n = k.text("n");
    if (n.find(':') == std::string::npos) {
        q.n.assign(q.times.size(), k.whole("n", 1));
    } else {
        q.n.assign(q.times.size(), 0);
        for (const auto& item : split(n, ',')) {
            const auto parts = split(item, ':');
            const auto v = parts.size() == 2 ? data::parse_finite(parts[1]) : std::nullopt;
            if (!v || *v < 1 || *v != std::floor(*v) || *v > 1e9)
                throw invalid_argument("n per time is TIME:N,... with whole N >= 1 (\"" + item + "\")");
            q.n[time("n", parts[0])] = static_cast<std::int64_t>(*v);
        }
        for (std::size_t i = 0; i < q.times.size(); ++i)
            if (q.n[i] == 0) throw invalid_argument("n gives no n for time " + q.times[i]);
    }
    for (const auto& f : q.figures)
        if (f.kind == SequenceFigure::Kind::sd && q.n[f.from] < 2)
            throw invalid_argument("sd: an SD needs n >= 2 at time " + q.times[f.from]);
    return q;
}

Outcome means_row(const Selection& s, const Expected& e, const Tolerance&) {
    const Keys k(s, {"n", "step", "items", "min", "max", "times", "pct", "mean", "sd"});
    const auto q = sequence_query(k);
    const auto r = mean_sequence_test(q);
    Outcome o;
    o.computed = r.consistent ? 1 : 0;
    o.pass = *o.computed == e.value;
    o.difference = *o.computed - e.value;
    if (r.consistent) {
        std::vector<double> shown = r.means;
        std::string what = "one sequence of means reproduces every figure: ";
        const bool relative = !q.grid && std::none_of(q.figures.begin(), q.figures.end(), [](const auto& f) {
            return f.kind != SequenceFigure::Kind::pct;
        });
        if (relative) {
            for (auto& v : shown) v = 100 * v / r.means.front();
            what = "one sequence of means reproduces every figure (as an index, " + q.times.front() + " = 100): ";
        }
        for (std::size_t i = 0; i < shown.size(); ++i) what += (i ? ", " : "") + q.times[i] + " " + num(shown[i]);
        if (q.grid) what += " (" + std::string(r.sequences >= 1000000 ? ">= " : "") + std::to_string(r.sequences) +
                            (r.sequences == 1 ? " sequence fits)" : " sequences fit)");
        o.message = what;
    } else {
        std::string sets;
        for (const auto& c : r.conflicts) {
            sets += sets.empty() ? "{" : "; {";
            for (std::size_t i = 0; i < c.size(); ++i) sets += (i ? ", " : "") + q.figures[c[i]].text;
            sets += "}";
        }
        o.message = std::string(q.grid ? "no sequence of attainable means" : "no sequence of positive means") +
                    " reproduces every figure; smallest jointly impossible " +
                    (r.conflicts.size() == 1 ? "set: " : "sets: ") + sets;
    }
    if (!o.pass && e.value == 0) o.message = "expected impossible, but " + o.message;
    return o;
}

// `same`: one quantity stated in several places (an abstract and the results, say). The
// statements agree when some number rounds to every one of them at its written decimals:
// the largest lower end of their rounding intervals is at most the smallest upper end.
Outcome same_row(const Selection& s, const Expected& e) {
    const Keys k(s, {"what", "values", "lines"});
    const auto texts = split(k.text("values"), ',');
    if (texts.size() < 2) throw invalid_argument("same needs at least two values=A,B,...");
    std::vector<Published> values;
    for (const auto& t : texts) values.push_back(published_text("values", t));
    std::vector<std::string> lines;
    if (k.has("lines")) {
        lines = split(k.text("lines"), ',');
        if (lines.size() != values.size()) throw invalid_argument("same: lines= needs one line per value");
    }
    double lo = -1e308, hi = 1e308;
    for (const auto& v : values) {
        const double h = 0.5 * std::pow(10.0, -v.decimals);
        const double slack = 1e-9 * h + 8 * 2.220446049250313e-16 * std::fabs(v.value);
        lo = std::max(lo, v.value - h - slack);
        hi = std::min(hi, v.value + h + slack);
    }
    const bool agree = lo <= hi;
    Outcome o;
    o.computed = agree ? 1 : 0;
    o.pass = *o.computed == e.value;
    o.difference = *o.computed - e.value;
    std::string list;
    for (std::size_t i = 0; i < texts.size(); ++i)
        list += (i == 0 ? "" : i + 1 == texts.size() ? " and " : ", ") + texts[i] +
                (lines.empty() ? "" : " (line " + lines[i] + ")");
    o.message = "the same quantity (" + k.text("what") + ") is stated as " + list +
                (agree ? ", which agree at their rounding" : "; no number rounds to all of them");
    if (!o.pass && e.value == 0) o.message = "expected to disagree, but " + o.message;
    return o;
}

}  // namespace

bool is_summary_command(std::string_view c) {
    return c == "grim" || c == "grimmer" || c == "pct_change" || c == "pvalue" || c == "means" || c == "same";
}

void validate_summary_row(const Selection& s, const Expected& e, const Tolerance& t) {
    if (s.command == "same") {
        if (t.kind != ToleranceKind::exact || e.bound != Bound::none || (e.value != 0 && e.value != 1))
            throw invalid_argument("same rows take expected 1 (the statements agree) or 0 (they do not) with "
                                   "tolerance exact; each value's precision is the decimals it is written with");
        (void)same_row(s, e);
        return;
    }
    if (s.command == "means") {
        if (t.kind != ToleranceKind::exact || e.bound != Bound::none || (e.value != 0 && e.value != 1))
            throw invalid_argument("means rows take expected 1 (jointly possible) or 0 (impossible) with tolerance "
                                   "exact; each figure's precision is the decimals it is written with");
        (void)sequence_query(Keys(s, {"n", "step", "items", "min", "max", "times", "pct", "mean", "sd"}));
        return;
    }
    need_decimals(s, t, s.command == "pvalue");
    if (e.bound != Bound::none && s.command != "pvalue")
        throw invalid_argument("a bound like " + e.text + " is allowed only for p-values");
    (void)run_summary_row(s, e, t);  // reading the keys is the validation; the tests are cheap
}

Outcome run_summary_row(const Selection& s, const Expected& e, const Tolerance& t) {
    if (s.command == "grim") return grim_row(s, e, t);
    if (s.command == "grimmer") return grimmer_row(s, e, t);
    if (s.command == "pct_change") return pct_change_row(s, e, t);
    if (s.command == "pvalue") return pvalue_row(s, e, t);
    if (s.command == "means") return means_row(s, e, t);
    if (s.command == "same") return same_row(s, e);
    throw invalid_argument("unknown command \"" + s.command + "\"");
}

}  // namespace pilotstat::check
