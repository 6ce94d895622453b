// One row per subject and visit (REDCap exports and visit-per-row files) into the Builder.
#include "pilotstat/data/study_builder_detail.hpp"

#include <cctype>

namespace pilotstat::data::builder {

namespace {

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

// The stem of a numbered column ("sleep_1", "sleep2", "q3" -> "sleep", "sleep", "q"), or
// "" when the name does not end in a number after a letter.
std::string numbered_stem(const std::string& name) {
    const auto end = name.find_last_not_of("0123456789");
    if (end == std::string::npos || end + 1 == name.size()) return "";
    std::string stem = name.substr(0, end + 1);
    if (stem.back() == '_') stem.pop_back();
    return !stem.empty() && std::isalpha(static_cast<unsigned char>(stem.back())) ? stem : "";
}

// Two or more numbered columns with one stem that are not items of a known
// instrument ("sleep_1", "sleep_2") are the items of a questionnaire that
// cannot be scored here: an error rather than one measure per item, unless
// --measures names the columns to analyse.
void refuse_unknown_items(const io::CsvReader& r, const std::vector<std::size_t>& columns) {
    std::map<std::string, std::vector<std::size_t>> sets;
    for (auto c : columns)
        if (!parse_item_name(r.header()[c]))
            if (auto stem = numbered_stem(r.header()[c]); !stem.empty()) sets[stem].push_back(c);
    for (const auto& [stem, cs] : sets) {
        if (cs.size() < 2) continue;
        std::string names;
        for (std::size_t i = 0; i < cs.size() && i < 3; ++i) names += (i ? ", " : "") + r.header()[cs[i]];
        throw DataError(SourceLocation{r.source_name(), r.header_line(), cs.front() + 1},
                        "columns " + names + (cs.size() > 3 ? ", ..." : "") + " look like the items of \"" + stem +
                            "\", which is not a registered instrument, so they cannot be scored to a total: "
                            "export the total, or analyse chosen columns one by one with --measures");
    }
}

}  // namespace

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
    if (opt.measures.empty()) refuse_unknown_items(r, score_columns);
    if (score_columns.empty())
        throw DataError(SourceLocation{r.source_name(), r.header_line(), 0},
                        "no score columns besides " + opt.subject_col + " and " + opt.time_col + " (columns: " + join(h) + ")");
    Builder b(opt, r, cg, ct);
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

}  // namespace pilotstat::data::builder
