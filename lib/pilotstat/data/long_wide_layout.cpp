// One score per row (long) and one row per subject (wide) into the Builder.
#include "pilotstat/data/study_builder_detail.hpp"

#include "pilotstat/data/wide_names.hpp"

namespace pilotstat::data::builder {

Study build_long(io::CsvReader& r, const StudyOptions& opt) {
    const auto cs = require_column(r, opt.subject_col, "--subject-col");
    const auto cg = group_column(r, opt);
    const auto ct = require_column(r, opt.time_col, "--time-col");
    const auto cm = require_column(r, opt.measure_col, "--measure-col");
    const auto cv = require_column(r, opt.score_col, "--score-col");
    Builder b(opt, r, cg, ct);
    io::CsvRecord rec;
    bool any = false;
    std::string subject, group = cg ? "" : kSingleArm, time, measure;  // reused: no allocation per row
    while (b.next(r, rec)) {
        any = true;
        trim_into(subject, rec.fields[cs]);
        if (cg) trim_into(group, rec.fields[*cg]);
        trim_into(time, rec.fields[ct]);
        trim_into(measure, rec.fields[cm]);
        b.add(rec.line, cv + 1, opt.score_col, subject, group, time, measure, rec.fields[cv], cs + 1);
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
    Builder b(opt, r, cg, std::nullopt);
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

}  // namespace pilotstat::data::builder
