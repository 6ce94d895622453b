#include "pilotstat/data/study_builder.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <charconv>
#include <map>
#include <tuple>
#include <unordered_map>

#include "pilotstat/data/decimal.hpp"
#include "pilotstat/data/instrument_aliases.hpp"
#include "pilotstat/data/item_scoring.hpp"
#include "pilotstat/data/time_order.hpp"
#include "pilotstat/data/wide_names.hpp"
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

std::string join_plain(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ",") + n;
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
    // Data errors in a cell are collected (up to kMaxErrors) so that one run
    // reports them all; finish() throws them together.
    void add(std::size_t line, std::size_t column, const std::string& column_name, const std::string& subject,
             const std::string& group, const std::string& time, const std::string& measure,
             const std::string& score_text, std::size_t id_column) {
        try {
            add_cell(line, column, column_name, subject, group, time, measure, score_text, id_column);
        } catch (const DataError& e) {
            collect(e);
        }
    }

    // The reader's next record; a malformed row ends the reading, reported
    // after the errors collected before it.
    bool next(io::CsvReader& reader, io::CsvRecord& record) {
        try {
            return reader.next(record);
        } catch (const DataError& e) {
            collect(e);
            throw DataError::combined(errors_, more_);
        }
    }

    void add_cell(std::size_t line, std::size_t column, const std::string& column_name, const std::string& subject,
                  const std::string& group, const std::string& time, const std::string& measure,
                  const std::string& score_text, std::size_t id_column) {
        if (subject.empty()) fail(line, id_column, "empty subject id");
        if (group.empty()) fail(line, group_column_, "empty group for subject \"" + subject + "\"");
        if (time.empty()) fail(line, column, "empty time");
        if (measure.empty()) fail(line, column, "empty measure");
        if (!group_filter_ok(group)) return;
        if (auto item = parse_item_name(measure)) {  // scored to its total in finish()
            // the total takes the first item's place among the measures ("bdi2" alone may be the total itself)
            if (!measures_.fixed && !opt_.instruments.find(measure)) measures_.get(item->total);
            items_.push_back({line, column, column_name, subject, group, time, measure, score_text, id_column, *item});
            return;
        }
        add_score(line, column, column_name, subject, group, time, measure, score_text, id_column);
    }

    void add_score(std::size_t line, std::size_t column, const std::string& column_name, const std::string& subject,
                   const std::string& group, const std::string& time, const std::string& measure,
                   const std::string& score_text, std::size_t /*id_column*/) {
        if (!measure_filter_ok(measure)) return;
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
    static constexpr std::size_t kMaxErrors = 20;
    void collect(const DataError& e) {
        if (errors_.size() < kMaxErrors) errors_.push_back(e);
        else ++more_;
    }
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
    bool order_times();  // true: natural order; false: the file's order

    // An item cell, kept as written until finish() knows which names form item sets.
    struct ItemCell {
        std::size_t line, column;
        std::string column_name, subject, group, time, measure, text;
        std::size_t id_column;
        ItemName item;
    };
    void score_items_to_totals();

    const StudyOptions& opt_;
    std::string source_;
    std::vector<ItemCell> items_;
    std::vector<DataError> errors_;
    std::size_t more_ = 0;
    NameIndex times_, measures_, groups_, subjects_;
    std::vector<std::size_t> subject_group_, subject_line_;
    std::map<std::tuple<std::size_t, std::size_t, std::size_t>, std::size_t> seen_;
    std::vector<Entry> entries_;
};

std::optional<Score> Builder::parse_score(std::size_t line, std::size_t column, const std::string& column_name,
                                          const std::string& measure, const std::string& raw) const {
    std::string text = trim(raw);
    if (contains(opt_.na_tokens, text) || contains(opt_.na_tokens, raw)) return std::nullopt;
    const bool comma_decimal = std::count(text.begin(), text.end(), ',') == 1 &&
                               text.find('.') == std::string::npos;
    if (opt_.decimal_comma && comma_decimal) text[text.find(',')] = '.';
    const auto value = parse_finite(text);
    if (!value && comma_decimal && !opt_.decimal_comma && parse_finite(std::string(text).replace(text.find(','), 1, ".")))
        fail(line, column, "score is not a number (\"" + raw + "\" in column \"" + column_name +
                               "\"): a decimal comma? --decimal-comma reads 5,5 as 5.5");
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
            fail(line, column, "score " + text + " is outside the range of " + ins->label + " (" +
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

// Without --times: the natural order of the labels (time_order.hpp); failing
// that, the order of first appearance, but only when every subject's rows
// agree with it (else the endpoint would depend on who came first in the file).
bool Builder::order_times() {
    std::vector<std::size_t> order;
    if (auto natural = natural_time_order(times_.names)) {
        order = std::move(*natural);
    } else {
        std::map<std::pair<std::size_t, std::size_t>, std::size_t> last;  // (measure, subject) -> latest time
        for (const auto& e : entries_) {
            auto [it, fresh] = last.emplace(std::make_pair(e.m, e.s), e.t);
            if (fresh) continue;
            if (e.t < it->second)
                fail(header_line_, time_column_,
                     "cannot tell the order of the times (" + join(times_.names) + "): they have no natural order "
                     "and subject \"" + subjects_.names[e.s] + "\" has \"" + times_.names[it->second] +
                         "\" before \"" + times_.names[e.t] + "\" while the file's first rows have them the other "
                         "way round; give the order with --times (e.g. --times " + join_plain(times_.names) + ")");
            it->second = e.t;
        }
        return false;
    }
    std::vector<std::size_t> new_index(order.size());
    std::vector<std::string> names(order.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
        new_index[order[k]] = k;
        names[k] = times_.names[order[k]];
    }
    for (auto& e : entries_) e.t = new_index[e.t];
    times_.names = std::move(names);
    for (std::size_t k = 0; k < times_.names.size(); ++k) times_.index[times_.names[k]] = k;
    return true;
}

void check_requested(const std::vector<std::string>& requested, const std::vector<std::string>& present,
                     const std::string& what, const SourceLocation& where) {
    for (const auto& name : requested)
        if (!contains(present, name))
            throw DataError(where,
                            what + " \"" + name + "\" is not in the data (" + what + "s: " + join(present) + ")");
}

// Item cells become totals by their instrument's rule. A name that parses as
// an item but is the only one of its set and also an instrument's alias
// ("bdi2" alone is the BDI-II total) is a measure after all.
void Builder::score_items_to_totals() {
    std::map<std::string, std::map<int, std::string>> sets;  // total key -> item -> name
    for (const auto& c : items_) sets[instrument_key(c.item.total)][c.item.item] = c.measure;
    struct Cells {
        std::vector<std::optional<double>> answered;
        std::vector<std::size_t> line;  // where each item was read (0: not yet)
        const ItemCell* first = nullptr;
    };
    std::map<std::tuple<std::string, std::string, std::string>, Cells> totals;  // (total, subject, time)
    std::vector<std::tuple<std::string, std::string, std::string>> order;
    for (const auto& c : items_) try {
        if (sets[instrument_key(c.item.total)].size() < 2 && opt_.instruments.find(c.measure)) {
            add_score(c.line, c.column, c.column_name, c.subject, c.group, c.time, c.measure, c.text, c.id_column);
            continue;
        }
        const std::string text = trim(c.text);
        const auto& rule = *c.item.rule;
        std::optional<double> v;
        if (!contains(opt_.na_tokens, text) && !contains(opt_.na_tokens, c.text)) {
            v = parse_finite(text);
            if (!v || *v != std::floor(*v) || *v < rule.item_min || *v > rule.item_max)
                fail(c.line, c.column, "item score \"" + c.text + "\" of " + c.measure + " is not an integer from " +
                                           std::to_string(rule.item_min) + " to " + std::to_string(rule.item_max) +
                                           " (item " + std::to_string(c.item.item) + " of " + rule.instrument + ")");
        }
        const auto key = std::make_tuple(c.item.total, c.subject, c.time);
        auto [it, fresh] = totals.try_emplace(key);
        if (fresh) {
            it->second.answered.assign(static_cast<std::size_t>(rule.items), std::nullopt);
            it->second.line.assign(static_cast<std::size_t>(rule.items), 0);
            it->second.first = &c;
            order.push_back(key);
        }
        const auto k = static_cast<std::size_t>(c.item.item - 1);
        if (it->second.line[k] != 0)
            fail(c.line, c.column, "duplicate score for subject \"" + c.subject + "\", time \"" + c.time +
                                       "\", item \"" + c.measure + "\" (first at line " +
                                       std::to_string(it->second.line[k]) + ")");
        it->second.line[k] = c.line;
        it->second.answered[k] = v;
    } catch (const DataError& e) {
        collect(e);
    }
    for (const auto& key : order) try {
        const auto& cells = totals[key];
        const ItemCell& c = *cells.first;
        std::optional<double> total;
        try {
            total = score_items(*c.item.rule, cells.answered);
        } catch (const std::invalid_argument& e) {
            fail(c.line, c.column, "cannot score " + c.item.total + " for subject \"" + c.subject + "\" at \"" +
                                       c.time + "\": " + e.what());
        }
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", total.value_or(0));
        add_score(c.line, c.column, c.column_name, c.subject, c.group, c.time, c.item.total,
            total ? std::string(buf) : std::string(opt_.na_tokens.empty() ? "" : opt_.na_tokens.front()), c.id_column);
    } catch (const DataError& e) {
        collect(e);
    }
}

Study Builder::finish(bool any_rows) {
    if (!any_rows) fail(header_line_, 0, "no data rows (the file has a header only)");
    score_items_to_totals();
    if (!errors_.empty()) throw DataError::combined(errors_, more_);
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
    if (times_.fixed) st.time_order = "as given with --times";
    else st.time_order = order_times() ? "natural order of the labels" : "order in the file (the same for every subject)";
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
        if (auto note = unrecognised_instrument_note(m, ins != nullptr)) st.notes.push_back(std::move(*note));
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

// The group column, or nullopt for a single-arm study: a file without the
// default "group" column has one arm; a --group-col that names no column is an error.
std::optional<std::size_t> group_column(const io::CsvReader& r, const StudyOptions& opt) {
    if (auto c = find_column(r.header(), opt.group_col)) return c;
    if (opt.group_col_given) return require_column(r, opt.group_col, "--group-col");
    return std::nullopt;
}

std::string group_of(const io::CsvRecord& rec, const std::optional<std::size_t>& column) {
    return column ? trim(rec.fields[*column]) : std::string(kSingleArm);
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
    const auto cg = group_column(r, opt);
    const auto ct = require_column(r, opt.time_col, "--time-col");
    const auto cm = require_column(r, opt.measure_col, "--measure-col");
    const auto cv = require_column(r, opt.score_col, "--score-col");
    Builder b(opt, r.source_name());
    b.group_column_ = cg ? *cg + 1 : 0;
    b.header_line_ = r.header_line();
    b.time_column_ = ct + 1;
    io::CsvRecord rec;
    bool any = false;
    while (b.next(r, rec)) {
        any = true;
        b.add(rec.line, cv + 1, opt.score_col, trim(rec.fields[cs]), group_of(rec, cg), trim(rec.fields[ct]),
              trim(rec.fields[cm]), rec.fields[cv], cs + 1);
    }
    return b.finish(any);
}

Study build_wide(io::CsvReader& r, const StudyOptions& opt) {
    const auto cs = require_column(r, opt.subject_col, "--subject-col");
    const auto cg = group_column(r, opt);
    struct ScoreColumn { std::size_t index; std::string measure, time; };
    std::vector<ScoreColumn> columns;
    const auto& h = r.header();
    for (std::size_t c = 0; c < h.size(); ++c) {
        if (c == cs || (cg && c == *cg) || opt.sep.empty()) continue;
        std::optional<WideName> name;
        try {
            name = split_wide_name(h[c], opt.sep, opt.instruments, opt.measures, opt.times);
        } catch (const std::invalid_argument& e) {
            throw DataError(SourceLocation{r.source_name(), r.header_line(), c + 1}, e.what());
        }
        if (!name) continue;  // an extra column
        // bdi_1 ... bdi_21 are items, not 21 time points; numbered columns of an
        // unknown instrument are not time points either, unless --times says so
        const bool numbered = !name->time.empty() &&
                              name->time.find_first_not_of("0123456789") == std::string::npos;
        if (numbered && opt.times.empty()) {
            const bool items = parse_item_name(h[c]).has_value();
            throw DataError(SourceLocation{r.source_name(), r.header_line(), c + 1},
                            "column \"" + h[c] + "\" ends in a bare number: " +
                                (items ? "it is an item of " + parse_item_name(h[c])->rule->instrument +
                                             " and needs a time (one row per visit with a time column, or columns "
                                             "named like " + h[c] + opt.sep + "T0)"
                                       : "numbered columns are taken for items, not time points; if they are "
                                         "times, name them with --times (e.g. --times " + name->time + ",...)"));
        }
        columns.push_back({c, name->measure, name->time});
    }
    if (columns.empty())
        throw DataError(SourceLocation{r.source_name(), r.header_line(), 0},
                        "wide format needs columns named <measure>" + opt.sep + "<time> (columns: " + join(h) + ")");
    Builder b(opt, r.source_name());
    b.group_column_ = cg ? *cg + 1 : 0;
    b.header_line_ = r.header_line();
    io::CsvRecord rec;
    bool any = false;
    while (b.next(r, rec)) {
        any = true;
        for (const auto& col : columns)
            b.add(rec.line, col.index + 1, h[col.index], trim(rec.fields[cs]), group_of(rec, cg), col.time,
                  col.measure, rec.fields[col.index], cs + 1);
    }
    return b.finish(any);
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A REDCap event name without its arm suffix, and the arm: "week_6_arm_2" -> ("week_6", "2").
std::pair<std::string, std::string> split_event(const std::string& event) {
    const auto at = event.rfind("_arm_");
    if (at == std::string::npos || at == 0 || at + 5 >= event.size() ||
        event.find_first_not_of("0123456789", at + 5) != std::string::npos)
        return {event, ""};
    return {event.substr(0, at), event.substr(at + 5)};
}

// One row per subject and visit, one column per measure (or item): REDCap's
// layout, and any export with a time column but no measure column.
Study build_visits(io::CsvReader& r, const StudyOptions& opt) {
    const auto cs = require_column(r, opt.subject_col, opt.redcap ? "--subject-col (REDCap: record_id)" : "--subject-col");
    const auto ct = require_column(r, opt.time_col, opt.redcap ? "--time-col (REDCap: redcap_event_name)" : "--time-col");
    const auto cg = group_column(r, opt);
    const auto& h = r.header();
    std::vector<std::size_t> score_columns;
    std::vector<std::size_t> repeat_columns;
    for (std::size_t c = 0; c < h.size(); ++c) {
        if (c == cs || c == ct || (cg && c == *cg) || h[c].empty()) continue;
        const auto item = parse_item_name(h[c]);
        const std::string& measure = item ? item->total : h[c];
        if (!opt.measures.empty() && !contains(opt.measures, measure)) continue;  // not asked for
        if (opt.redcap) {
            if (h[c] == "redcap_repeat_instrument" || h[c] == "redcap_repeat_instance") {
                repeat_columns.push_back(c);
                continue;
            }
            // form status, survey metadata: not scores
            if (h[c].rfind("redcap_", 0) == 0 || ends_with(h[c], "_complete") || ends_with(h[c], "_timestamp"))
                continue;
            if (h[c].find("___") != std::string::npos)
                throw DataError(SourceLocation{r.source_name(), r.header_line(), c + 1},
                                "column \"" + h[c] + "\" is a REDCap checkbox (one column per option), not a score: "
                                "name the score columns with --measures, or export without it");
        }
        score_columns.push_back(c);
    }
    if (score_columns.empty())
        throw DataError(SourceLocation{r.source_name(), r.header_line(), 0},
                        "no score columns besides " + opt.subject_col + " and " + opt.time_col + " (columns: " + join(h) + ")");
    Builder b(opt, r.source_name());
    b.group_column_ = cg ? *cg + 1 : 0;
    b.header_line_ = r.header_line();
    b.time_column_ = ct + 1;
    io::CsvRecord rec;
    bool any = false;
    while (b.next(r, rec)) {
        any = true;
        for (auto c : repeat_columns)
            if (!trim(rec.fields[c]).empty())
                throw DataError(SourceLocation{r.source_name(), rec.line, c + 1},
                                "a repeating instrument's row (" + h[c] + " = \"" + rec.fields[c] +
                                    "\"): pilotstat reads one row per record and event; export the repeating "
                                    "instrument separately");
        std::string time = trim(rec.fields[ct]), group = group_of(rec, cg);
        if (opt.redcap) {
            auto [event, arm] = split_event(time);
            time = event;
            if (!cg && !arm.empty()) {
                group = "arm_" + arm;
                for (const auto& [number, label] : opt.arm_labels)
                    if (number == arm) group = label;
            }
        }
        for (auto c : score_columns)
            b.add(rec.line, c + 1, h[c], trim(rec.fields[cs]), group, time, h[c], rec.fields[c], cs + 1);
    }
    return b.finish(any);
}

}  // namespace

Study build_study(io::CsvReader& reader, const StudyOptions& options) {
    check_unique_header(reader);
    if (options.redcap) return build_visits(reader, options);
    const bool has_measure = find_column(reader.header(), options.measure_col).has_value();
    const bool has_time = find_column(reader.header(), options.time_col).has_value();
    if (options.wide.value_or(!has_measure)) {
        // a time column without a measure column: one row per visit (unless --wide);
        // with a score column too it is a long file that lacks its measure column
        if (!options.wide && has_time) {
            if (find_column(reader.header(), options.score_col))
                require_column(reader, options.measure_col, "--measure-col");
            return build_visits(reader, options);
        }
        return build_wide(reader, options);
    }
    return build_long(reader, options);
}

Study load_study(const std::string& path, const StudyOptions& options) {
    io::CsvReader reader(path, options.csv);
    return build_study(reader, options);
}

}  // namespace pilotstat::data
