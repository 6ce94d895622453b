// The collected scores become the Study: the requested names checked, the
// times ordered, the instruments attached.
#include "pilotstat/data/study_builder_detail.hpp"

#include "pilotstat/data/instrument_aliases.hpp"
#include "pilotstat/data/time_order.hpp"

namespace pilotstat::data::builder {

// Without --times: the natural order of the labels (time_order.hpp); failing
// that, the order of first appearance, but only when every subject's rows
// agree with it (else the endpoint would depend on who came first in the file).
// `new_index` receives old time index -> new (left empty when unchanged).
bool Builder::order_times(std::vector<std::size_t>& new_index) {
    std::vector<std::size_t> order;
    if (auto natural = natural_time_order(times_.names)) {
        order = std::move(*natural);
    } else {
        // the first row (in reading order) whose time comes before one its
        // subject already had for that measure
        if (const auto& v = cells_.first_order_violation())
            fail(header_line_, time_column_,
                 "cannot tell the order of the times (" + join(times_.names) + "): they have no natural order "
                 "and subject \"" + subjects_.names[v->subject] + "\" has \"" + times_.names[v->earlier_time] +
                     "\" before \"" + times_.names[v->later_time] + "\" while the file's first rows have them the other "
                     "way round; give the order with --times (e.g. --times " + join_plain(times_.names) + ")");
        return false;
    }
    new_index.assign(order.size(), 0);
    std::vector<std::string> names(order.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
        new_index[order[k]] = k;
        names[k] = times_.names[order[k]];
    }
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
    for (std::size_t m = 0; m < std::min(m_used.size(), measure_used_.size()); ++m) m_used[m] = measure_used_[m];
    for (auto g : subject_group_) g_used[g] = true;
    for (std::size_t i = 0; i < m_used.size(); ++i)
        if (m_used[i]) seen_measures.push_back(measures_.names[i]);
    for (std::size_t i = 0; i < g_used.size(); ++i)
        if (g_used[i]) seen_groups.push_back(groups_.names[i]);
    check_requested(opt_.measures, seen_measures, "measure", SourceLocation{source_, header_line_, 0});
    check_requested(opt_.groups, seen_groups, "group", SourceLocation{source_, header_line_, 0});
    // --times entries must all occur in the data.
    std::vector<bool> time_used(times_.names.size(), false);
    for (std::size_t t = 0; t < std::min(time_used.size(), time_used_.size()); ++t) time_used[t] = time_used_[t];
    for (std::size_t t = 0; t < times_.names.size(); ++t)
        if (!time_used[t]) fail(header_line_, time_column_, "--times entry \"" + times_.names[t] + "\" does not occur in the data");
    std::vector<std::size_t> new_time;  // empty: the times keep their indices
    if (times_.fixed) st.time_order = "as given with --times";
    else
        st.time_order = order_times(new_time) ? "natural order of the labels"
                                              : "order in the file (the same for every subject)";
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
    const std::size_t M = st.measures.size(), S = st.subjects.size(), T = st.times.size();
    values_.resize(M, std::vector<std::optional<Score>>(1));
    st.scores = ScoreTable(M, S, T, cells_.codes(M, S, T, new_time), std::move(values_));
    return st;
}

}  // namespace pilotstat::data::builder
