// Per-arm category counts of individual change and the exact test between
// arms (split from individual.cpp to keep files short).
#include <algorithm>

#include "pilotstat/analysis/individual.hpp"
#include "pilotstat/inference/contingency_tests.hpp"

namespace pilotstat::analysis {

namespace {

// Rows = arms with a classified subject, columns = categories with a subject.
std::vector<std::vector<long>> nonempty_table(const IndividualSummary& s) {
    std::vector<std::vector<long>> table;
    for (const auto& a : s.arms)
        if (a.n > 0) table.push_back(a.counts);
    std::vector<std::vector<long>> out(table.size());
    for (std::size_t j = 0; j < s.categories.size(); ++j) {
        long total = 0;
        for (const auto& row : table) total += row[j];
        if (total == 0) continue;
        for (std::size_t i = 0; i < table.size(); ++i) out[i].push_back(table[i][j]);
    }
    return out;
}

void exact_test(IndividualSummary& s) {
    const auto table = nonempty_table(s);
    if (table.size() < 2) {
        s.note = "fewer than 2 arms with classified subjects: no test";
        return;
    }
    core::TestResult r;
    if (table.size() == 2 && table[0].size() == 2) {
        s.test = "fisher";
        r = inference::fisher_exact_2x2(table[0][0], table[0][0] + table[0][1], table[1][0],
                                        table[1][0] + table[1][1]);
    } else {
        s.test = "freeman-halton";
        r = inference::freeman_halton(table);
    }
    s.p_value = r.p_value;
    s.p_floor = r.p_floor;
    s.method = r.method_label();
    s.note = r.note;
}

template <class Category>
IndividualSummary count(const data::Study& study, const std::vector<IndividualRow>& block, const char* name,
                        const std::vector<Category>& categories,
                        std::optional<Category> IndividualRow::*field) {
    IndividualSummary s;
    s.measure = block.front().measure;
    s.from = block.front().from;
    s.to = block.front().to;
    s.classification = name;
    for (const auto c : categories) s.categories.push_back(to_string(c));
    for (const auto& g : study.groups) s.arms.push_back({g, 0, 0, std::vector<long>(categories.size(), 0)});
    for (const auto& r : block) {
        auto arm = std::find_if(s.arms.begin(), s.arms.end(), [&](const auto& a) { return a.group == r.group; });
        if (arm == s.arms.end()) continue;
        const auto& value = r.*field;
        if (!value) {
            ++arm->not_classified;
            continue;
        }
        ++arm->n;
        const auto j = std::find(categories.begin(), categories.end(), *value) - categories.begin();
        ++arm->counts[static_cast<std::size_t>(j)];
    }
    exact_test(s);
    return s;
}

}  // namespace

std::vector<IndividualSummary> summarize_categories(const data::Study& study,
                                                    const std::vector<IndividualRow>& block) {
    if (block.empty()) return {};
    return {count(study, block, "reliable_change",
                  std::vector<Reliable>{Reliable::improved, Reliable::none, Reliable::deteriorated},
                  &IndividualRow::reliable),
            count(study, block, "clinical_change",
                  std::vector<Clinical>{Clinical::recovered, Clinical::improved, Clinical::unchanged,
                                        Clinical::deteriorated},
                  &IndividualRow::clinical)};
}

report::ResultTable individual_summary_table(const std::vector<IndividualSummary>& summary) {
    using report::ColumnKind;
    const auto T = ColumnKind::text, I = ColumnKind::integer;
    report::ResultTable table({{"measure", T}, {"from", T}, {"to", T}, {"classification", T}, {"group", T},
                               {"n", I}, {"not_classified", I}, {"recovered", I}, {"improved", I},
                               {"unchanged", I}, {"deteriorated", I}, {"test", T},
                               {"p_value", ColumnKind::pvalue}, {"p_floor", ColumnKind::pvalue},
                               {"method", T}, {"note", T}});
    for (const auto& s : summary) {
        for (const auto& a : s.arms) {
            table.add_row();
            table.set("measure", s.measure);
            table.set("from", s.from);
            table.set("to", s.to);
            table.set("classification", s.classification);
            table.set("group", a.group);
            table.set("n", static_cast<std::int64_t>(a.n));
            table.set("not_classified", static_cast<std::int64_t>(a.not_classified));
            for (std::size_t j = 0; j < s.categories.size(); ++j)
                table.set(s.categories[j] == "none" ? "unchanged" : s.categories[j],
                          static_cast<std::int64_t>(a.counts[j]));
            if (!s.test.empty()) table.set("test", s.test);
            table.set("p_value", s.p_value);
            table.set("p_floor", s.p_floor);
            if (!s.method.empty()) table.set("method", s.method);
            if (!s.note.empty()) table.set("note", s.note);
        }
    }
    return table;
}

}  // namespace pilotstat::analysis
