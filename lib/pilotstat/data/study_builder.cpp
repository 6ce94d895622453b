#include "pilotstat/data/study_builder.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <tuple>
#include <unordered_map>

#include "pilotstat/data/decimal.hpp"
#include "pilotstat/error.hpp"

namespace pilotstat::data {

namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::string join(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

// Assigns indices to names in order of first appearance (or a fixed order).
struct NameIndex {
    std::vector<std::string> names;
    std::unordered_map<std::string, std::size_t> index;
    bool fixed = false;
    std::optional<std::size_t> get(const std::string& name) {
        if (auto it = index.find(name); it != index.end()) return it->second;
        if (fixed) return std::nullopt;
        index.emplace(name, names.size());
        names.push_back(name);
        return names.size() - 1;
    }
    void fix(const std::vector<std::string>& order) {
        for (const auto& n : order) get(n);
        fixed = !order.empty();
    }
};

struct Entry {
    std::size_t m, s, t;
    std::optional<Score> score;
};

class Builder {
public:
    Builder(const StudyOptions& opt, std::string source) : opt_(opt), source_(std::move(source)) {
        times_.fix(opt.times);
        measures_.fix(opt.measures);
        groups_.fix(opt.groups);
    }

    // One score cell: where it is, whose it is, and its text.
    void add(std::size_t line, std::size_t column, const std::string& column_name, const std::string& subject,
             const std::string& group, const std::string& time, const std::string& measure,
             const std::string& score_text, std::size_t id_column) {
        if (subject.empty()) fail(line, id_column, "empty subject id");
        if (group.empty()) fail(line, group_column_, "empty group for subject \"" + subject + "\"");
        if (time.empty()) fail(line, column, "empty time");
        if (measure.empty()) fail(line, column, "empty measure");
        if (!measure_filter_ok(measure) || !group_filter_ok(group)) return;
        const auto t = times_.get(time);
        if (!t) fail(line, column, "time \"" + time + "\" is not in --times (" + join(opt_.times) + ")");
        const auto m = *measures_.get(measure);
        const auto g = *groups_.get(group);
        const auto s = subject_index(subject, g, group, line);
        const auto key = std::make_tuple(m, s, *t);
        if (auto [it, fresh] = seen_.emplace(key, line); !fresh)
            fail(line, column, "duplicate score for subject \"" + subject + "\", time \"" + time + "\", measure \"" +
                                   measure + "\" (first at line " + std::to_string(it->second) + ")");
        entries_.push_back({m, s, *t, parse_score(line, column, column_name, measure, score_text)});
    }

    Study finish(bool any_rows);
    std::size_t group_column_ = 0;
    std::size_t header_line_ = 1;   // where whole-file problems are reported
    std::size_t time_column_ = 0;   // the column that names times (0 in wide format)

private:
    [[noreturn]] void fail(std::size_t line, std::size_t column, const std::string& message) const {
        throw DataError(SourceLocation{source_, line, column}, message);
    }
    bool measure_filter_ok(const std::string& m) const { return opt_.measures.empty() || contains(opt_.measures, m); }
    bool group_filter_ok(const std::string& g) const { return opt_.groups.empty() || contains(opt_.groups, g); }

    std::size_t subject_index(const std::string& subject, std::size_t g, const std::string& group, std::size_t line) {
        const auto before = subjects_.names.size();
        const auto s = *subjects_.get(subject);
        if (s == before) {
            subject_group_.push_back(g);
            subject_line_.push_back(line);
        } else if (subject_group_[s] != g) {
            fail(line, group_column_, "subject \"" + subject + "\" is in group \"" + group + "\" here but in group \"" +
                                          groups_.names[subject_group_[s]] + "\" at line " +
                                          std::to_string(subject_line_[s]));
        }
        return s;
    }

    std::optional<Score> parse_score(std::size_t line, std::size_t column, const std::string& column_name,
                                     const std::string& measure, const std::string& raw) const;

    const StudyOptions& opt_;
    std::string source_;
    NameIndex times_, measures_, groups_, subjects_;
    std::vector<std::size_t> subject_group_, subject_line_;
    std::map<std::tuple<std::size_t, std::size_t, std::size_t>, std::size_t> seen_;
    std::vector<Entry> entries_;
};

std::optional<Score> Builder::parse_score(std::size_t line, std::size_t column, const std::string& column_name,
                                          const std::string& measure, const std::string& raw) const {
    const std::string text = trim(raw);
    if (contains(opt_.na_tokens, text) || contains(opt_.na_tokens, raw)) return std::nullopt;
    const auto value = parse_finite(text);
    if (!value) {
        const bool nonfinite = text.find_first_of("0123456789") == std::string::npos &&
                               (text.find("inf") != std::string::npos || text.find("nan") != std::string::npos ||
                                text.find("Inf") != std::string::npos || text.find("NAN") != std::string::npos);
        // A well-formed number outside the range of a double (1e999, 1e-400) is
        // named as such rather than as "not a number".
        double probe = 0;
        const bool out_of_range = std::from_chars(text.data(), text.data() + text.size(), probe).ec ==
                                  std::errc::result_out_of_range;
        fail(line, column,
             std::string(out_of_range ? "score is too large or too small to represent"
                                      : nonfinite ? "score is not a finite number" : "score is not a number") +
                 " (\"" + raw + "\" in column \"" + column_name + "\")");
    }
    if (const Instrument* ins = opt_.instruments.find(measure)) {
        if (!InstrumentRegistry::in_range(*ins, *value))
            fail(line, column, "score " + text + " is outside the range of " + ins->name + " (" +
                                   describe_grid(*ins) + ")");
        if (!ins->steps.empty()) {
            // On the grid the score is its grid point, exactly, however many
            // decimals it was written with.
            if (const auto point = InstrumentRegistry::snap(*ins, *value, text)) return Score{point->value, point->exact};
            const auto nearest = InstrumentRegistry::nearest_points(*ins, *value);
            fail(line, column, "score " + text + " is not on the grid of " + ins->name + " (" + describe_grid(*ins) +
                                   (nearest.empty() ? "" : "; nearest grid points " + nearest) +
                                   "; --instruments with step 0 turns the grid off)");
        }
    }
    const auto written = parse_decimal(text);
    return Score{*value, written ? std::optional<Rational>(to_rational(*written)) : std::nullopt};
}

void check_requested(const std::vector<std::string>& requested, const std::vector<std::string>& present,
                     const std::string& what, const SourceLocation& where) {
    for (const auto& name : requested)
        if (!contains(present, name))
            throw DataError(where,
                            what + " \"" + name + "\" is not in the data (" + what + "s: " + join(present) + ")");
}

Study Builder::finish(bool any_rows) {
    if (!any_rows) fail(header_line_, 0, "no data rows (the file has a header only)");
    if (measures_.names.empty() || subjects_.names.empty())
        fail(header_line_, 0, "no rows left after --measures/--groups filtering");
    Study st;
    st.source = source_;
    // --measures/--groups fix the order up front, so check what actually occurred.
    std::vector<std::string> seen_measures, seen_groups;
    std::vector<bool> m_used(measures_.names.size(), false), g_used(groups_.names.size(), false);
    for (const auto& e : entries_) m_used[e.m] = true;
    for (auto g : subject_group_) g_used[g] = true;
    for (std::size_t i = 0; i < m_used.size(); ++i)
        if (m_used[i]) seen_measures.push_back(measures_.names[i]);
    for (std::size_t i = 0; i < g_used.size(); ++i)
        if (g_used[i]) seen_groups.push_back(groups_.names[i]);
    check_requested(opt_.measures, seen_measures, "measure", SourceLocation{source_, header_line_, 0});
    check_requested(opt_.groups, seen_groups, "group", SourceLocation{source_, header_line_, 0});
    // --times entries must all occur in the data.
    std::vector<bool> time_used(times_.names.size(), false);
    for (const auto& e : entries_) time_used[e.t] = true;
    for (std::size_t t = 0; t < times_.names.size(); ++t)
        if (!time_used[t]) fail(header_line_, time_column_, "--times entry \"" + times_.names[t] + "\" does not occur in the data");
    st.measures = measures_.names;
    st.groups = groups_.names;
    st.times = times_.names;
    st.subjects = subjects_.names;
    st.subject_group = subject_group_;
    if (!opt_.baseline.empty()) {
        const auto b = st.time_index(opt_.baseline);
        if (!b) fail(header_line_, time_column_, "--baseline \"" + opt_.baseline + "\" is not a time in the data (times: " + join(st.times) + ")");
        st.baseline = *b;
    }
    for (const auto& m : st.measures) {
        const Instrument* ins = opt_.instruments.find(m);
        st.instruments.push_back(ins ? std::optional<Instrument>(*ins) : std::nullopt);
        st.higher_is_worse.push_back(contains(opt_.higher_is_better, m) ? false : (ins ? ins->higher_is_worse : true));
    }
    st.scores.assign(st.measures.size(),
                     std::vector<std::vector<std::optional<Score>>>(
                         st.subjects.size(), std::vector<std::optional<Score>>(st.times.size())));
    for (auto& e : entries_) st.scores[e.m][e.s][e.t] = e.score;
    return st;
}

std::optional<std::size_t> find_column(const std::vector<std::string>& header, const std::string& name) {
    auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) return std::nullopt;
    return static_cast<std::size_t>(it - header.begin());
}

std::size_t require_column(const io::CsvReader& r, const std::string& name, const std::string& option) {
    if (auto c = find_column(r.header(), name)) return *c;
    throw DataError(SourceLocation{r.source_name(), r.header_line(), 0},
                    "missing required column \"" + name + "\" (columns: " + join(r.header()) + "; use " + option +
                        " to name another)");
}

void check_unique_header(const io::CsvReader& r) {
    const auto& h = r.header();
    for (std::size_t i = 0; i < h.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (!h[i].empty() && h[i] == h[j])
                throw DataError(SourceLocation{r.source_name(), r.header_line(), i + 1},
                                "duplicate column name \"" + h[i] + "\"");
}

Study build_long(io::CsvReader& r, const StudyOptions& opt) {
    const auto cs = require_column(r, opt.subject_col, "--subject-col");
    const auto cg = require_column(r, opt.group_col, "--group-col");
    const auto ct = require_column(r, opt.time_col, "--time-col");
    const auto cm = require_column(r, opt.measure_col, "--measure-col");
    const auto cv = require_column(r, opt.score_col, "--score-col");
    Builder b(opt, r.source_name());
    b.group_column_ = cg + 1;
    b.header_line_ = r.header_line();
    b.time_column_ = ct + 1;
    io::CsvRecord rec;
    bool any = false;
    while (r.next(rec)) {
        any = true;
        b.add(rec.line, cv + 1, opt.score_col, trim(rec.fields[cs]), trim(rec.fields[cg]), trim(rec.fields[ct]),
              trim(rec.fields[cm]), rec.fields[cv], cs + 1);
    }
    return b.finish(any);
}

Study build_wide(io::CsvReader& r, const StudyOptions& opt) {
    const auto cs = require_column(r, opt.subject_col, "--subject-col");
    const auto cg = require_column(r, opt.group_col, "--group-col");
    struct ScoreColumn { std::size_t index; std::string measure, time; };
    std::vector<ScoreColumn> columns;
    const auto& h = r.header();
    for (std::size_t c = 0; c < h.size(); ++c) {
        if (c == cs || c == cg || opt.sep.empty()) continue;
        const auto at = h[c].rfind(opt.sep);
        if (at == std::string::npos || at == 0 || at + opt.sep.size() >= h[c].size()) continue;  // extra column
        columns.push_back({c, h[c].substr(0, at), h[c].substr(at + opt.sep.size())});
    }
    if (columns.empty())
        throw DataError(SourceLocation{r.source_name(), r.header_line(), 0},
                        "wide format needs columns named <measure>" + opt.sep + "<time> (columns: " + join(h) + ")");
    Builder b(opt, r.source_name());
    b.group_column_ = cg + 1;
    b.header_line_ = r.header_line();
    io::CsvRecord rec;
    bool any = false;
    while (r.next(rec)) {
        any = true;
        for (const auto& col : columns)
            b.add(rec.line, col.index + 1, h[col.index], trim(rec.fields[cs]), trim(rec.fields[cg]), col.time,
                  col.measure, rec.fields[col.index], cs + 1);
    }
    return b.finish(any);
}

}  // namespace

Study build_study(io::CsvReader& reader, const StudyOptions& options) {
    check_unique_header(reader);
    const bool wide = options.wide.value_or(!find_column(reader.header(), options.measure_col).has_value());
    return wide ? build_wide(reader, options) : build_long(reader, options);
}

Study load_study(const std::string& path, const StudyOptions& options) {
    io::CsvReader reader(path, options.csv);
    return build_study(reader, options);
}

}  // namespace pilotstat::data
