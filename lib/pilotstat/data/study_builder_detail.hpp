// Internals of load_study/build_study (study_builder.hpp), shared by the
// files that build a study: the Builder that collects validated scores
// (builder_scores.cpp: a cell's text to a score, items to totals;
// builder_finish.cpp: time order and the Study), the column lookup
// (study_columns.cpp) and the three layouts (long_wide_layout.cpp: one score
// per row, one row per subject; visit_layout.cpp: one row per visit, REDCap).
// Internal to the study builder: include it only from those files.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pilotstat/data/builder_cells.hpp"
#include "pilotstat/data/item_scoring.hpp"
#include "pilotstat/data/study_builder.hpp"
#include "pilotstat/error.hpp"
#include "pilotstat/io/text.hpp"

namespace pilotstat::data::builder {

inline std::string trim(const std::string& s) { return std::string(io::trim_blanks(s)); }

// trim() into a string whose storage is reused row after row.
inline void trim_into(std::string& out, const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) out.clear();
    else out.assign(s, b, s.find_last_not_of(" \t") - b + 1);
}

inline std::string join(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

inline std::string join_plain(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ",") + n;
    return out;
}

inline bool contains(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

// Assigns indices to names in order of first appearance (or a fixed order).
struct NameIndex {
    std::vector<std::string> names;
    std::unordered_map<std::string, std::size_t> index;
    bool fixed = false;
    std::size_t last = SIZE_MAX;  // the index returned last: rows repeat a subject or group
    std::optional<std::size_t> get(const std::string& name) {
        if (last < names.size() && names[last] == name) return last;
        if (auto it = index.find(name); it != index.end()) return last = it->second;
        if (fixed) return std::nullopt;
        index.emplace(name, names.size());
        names.push_back(name);
        return last = names.size() - 1;
    }
    void fix(const std::vector<std::string>& order) {
        for (const auto& n : order) get(n);
        fixed = !order.empty();
    }
};

class Builder {
    // What the builder knows about one measure name, looked up once per row.
    struct MeasureSlot {
        std::optional<ItemName> item;  // the name is an item of an instrument
        bool filter_ok = true;         // kept by --measures
        bool total_placed = false;     // the item's total has its place among the measures
        std::optional<std::size_t> m;  // index among the measures, once it has a score
        // score text as written -> its code in values_[m] (a score is a pure
        // function of the measure and its text); at most kMaxCachedTexts
        std::unordered_map<std::string, ScoreTable::Code> codes;
    };
    static constexpr std::size_t kMaxCachedTexts = 1 << 16;

public:
    Builder(const StudyOptions& opt, std::string source) : opt_(opt), source_(std::move(source)) {
        times_.fix(opt.times);
        measures_.fix(opt.measures);
        groups_.fix(opt.groups);
    }
    // Reading `reader`: whole-file problems are reported at its header line;
    // group_col and time_col are the 0-based columns naming groups and times
    // (none: no group column; wide format).
    Builder(const StudyOptions& opt, const io::CsvReader& reader, std::optional<std::size_t> group_col,
            std::optional<std::size_t> time_col)
        : Builder(opt, reader.source_name()) {
        group_column_ = group_col ? *group_col + 1 : 0;
        header_line_ = reader.header_line();
        time_column_ = time_col ? *time_col + 1 : 0;
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
        MeasureSlot& ms = slot(measure);
        if (ms.item) {  // scored to its total in finish()
            // the total takes the first item's place among the measures ("bdi2" alone may be the total itself)
            if (!ms.total_placed && !measures_.fixed && !opt_.instruments.find(measure)) measures_.get(ms.item->total);
            ms.total_placed = true;
            items_.push_back({line, column, column_name, subject, group, time, measure, score_text, id_column, *ms.item});
            return;
        }
        add_score(ms, line, column, column_name, subject, group, time, measure, score_text);
    }

    void add_score(std::size_t line, std::size_t column, const std::string& column_name, const std::string& subject,
                   const std::string& group, const std::string& time, const std::string& measure,
                   const std::string& score_text, std::size_t /*id_column*/) {
        add_score(slot(measure), line, column, column_name, subject, group, time, measure, score_text);
    }

    void add_score(MeasureSlot& ms, std::size_t line, std::size_t column, const std::string& column_name,
                   const std::string& subject, const std::string& group, const std::string& time,
                   const std::string& measure, const std::string& score_text) {
        if (!ms.filter_ok) return;
        const auto t = times_.get(time);
        if (!t) fail(line, column, "time \"" + time + "\" is not in --times (" + join(opt_.times) + ")");
        if (!ms.m) ms.m = *measures_.get(measure);
        const auto m = *ms.m;
        const auto g = *groups_.get(group);
        const auto s = subject_index(subject, g, group, line);
        if (const auto first = cells_.mark(m, s, *t, line))
            fail(line, column, "duplicate score for subject \"" + subject + "\", time \"" + time + "\", measure \"" +
                                   measure + "\" (first at line " + std::to_string(first) + ")");
        cells_.store(m, s, *t, score_code(ms, m, line, column, column_name, measure, score_text));
        if (m >= measure_used_.size()) measure_used_.resize(m + 1, false);
        if (*t >= time_used_.size()) time_used_.resize(*t + 1, false);
        measure_used_[m] = true;
        time_used_[*t] = true;
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

    MeasureSlot& slot(const std::string& measure) {
        auto [it, fresh] = slots_.try_emplace(measure);
        if (fresh) {
            it->second.item = parse_item_name(measure);
            it->second.filter_ok = measure_filter_ok(measure);
        }
        return it->second;
    }
    ScoreTable::Code score_code(MeasureSlot& ms, std::size_t m, std::size_t line, std::size_t column,
                                const std::string& column_name, const std::string& measure, const std::string& text) {
        if (auto it = ms.codes.find(text); it != ms.codes.end()) return it->second;
        auto score = parse_score(line, column, column_name, measure, text);  // throws for a bad score: not cached
        if (m >= values_.size()) values_.resize(m + 1, std::vector<std::optional<Score>>(1));
        auto& values = values_[m];
        ScoreTable::Code code = ScoreTable::kMissing;
        if (score) {
            if (values.size() > UINT32_MAX - 1) fail(line, column, "too many distinct scores for measure \"" + measure + "\"");
            code = static_cast<ScoreTable::Code>(values.size());
            values.push_back(std::move(score));
        }
        if (ms.codes.size() < kMaxCachedTexts) ms.codes.emplace(text, code);
        return code;
    }
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
    bool order_times(std::vector<std::size_t>& new_index);  // true: natural order; false: the file's order

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
    std::unordered_map<std::string, MeasureSlot> slots_;
    CellStore cells_;
    std::vector<std::vector<std::optional<Score>>> values_;  // per measure: its distinct scores, [0] missing
    std::vector<bool> measure_used_, time_used_;              // has at least one score
};

void check_requested(const std::vector<std::string>& requested, const std::vector<std::string>& present,
                     const std::string& what, const SourceLocation& where);

// Columns of the header (study_columns.cpp).
std::optional<std::size_t> find_column(const std::vector<std::string>& header, const std::string& name);
std::size_t require_column(const io::CsvReader& r, const std::string& name, const std::string& option);
std::optional<std::size_t> group_column(const io::CsvReader& r, const StudyOptions& opt);
std::string group_of(const io::CsvRecord& rec, const std::optional<std::size_t>& column);
void check_unique_header(const io::CsvReader& r);

// The layouts: one score per row (long), one row per subject (wide), one row
// per subject and visit (visits; REDCap).
Study build_long(io::CsvReader& r, const StudyOptions& opt);
Study build_wide(io::CsvReader& r, const StudyOptions& opt);
Study build_visits(io::CsvReader& r, const StudyOptions& opt);

}  // namespace pilotstat::data::builder
