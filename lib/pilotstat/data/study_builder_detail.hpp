// Internals of load_study/build_study (study_builder.hpp), shared by the
// files that build a study: the Builder that collects validated scores
// (builder_scores.cpp: a cell's text to a score, items to totals;
// builder_finish.cpp: time order and the Study), the column lookup
// (study_columns.cpp) and the three layouts (long_wide_layout.cpp: one score
// per row, one row per subject; visit_layout.cpp: one row per visit, REDCap).
// Internal to the study builder: include it only from those files.
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pilotstat/data/item_scoring.hpp"
#include "pilotstat/data/study_builder.hpp"
#include "pilotstat/error.hpp"

namespace pilotstat::data::builder {

inline std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
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
