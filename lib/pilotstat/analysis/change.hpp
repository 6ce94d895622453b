// `change`: within-group change of each measure between two times, with the
// exact paired tests, effect sizes, a bootstrap interval and responders.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pilotstat/analysis/option_values.hpp"
#include "pilotstat/analysis/pairs.hpp"
#include "pilotstat/bootstrap/intervals.hpp"
#include "pilotstat/data/study.hpp"
#include "pilotstat/effects/paired_effects.hpp"
#include "pilotstat/core/exact_options.hpp"
#include "pilotstat/inference/paired_t_test.hpp"
#include "pilotstat/inference/shift_inversion.hpp"
#include "pilotstat/inference/signrank_test.hpp"
#include "pilotstat/report/result_table.hpp"

namespace pilotstat::analysis {

struct ChangeOptions {
    std::optional<std::size_t> from;  // default: the baseline
    std::vector<std::size_t> to;      // default: every time after `from`
    core::ExactOptions exact;
    inference::ZeroMethod zero_method = inference::ZeroMethod::pratt;
    double conf = 0.95;
    double alpha = 0.05;  // for the verdict column (p_signflip <= alpha)
    bootstrap::BootstrapOptions boot;
    double responder_pct = 50.0;  // responder: improvement of at least this % of the baseline score
    std::optional<double> margin;  // --margin: TOST equivalence within +-margin (sign-flip tests)
};

// Keys: from, to, conf, alpha, zero_method, responder, and the exact/boot keys
// (see common_options.hpp). Throws UsageError / DataError.
ChangeOptions change_options(const data::Study& study, const OptionMap& options);
const std::vector<std::string>& change_option_keys();

struct ChangeRow {
    std::size_t measure = 0, group = 0, from = 0, to = 0;
    PairedSample pairs;
    std::optional<double> mean_from, mean_to, mean_change, sd_change, pct_change_of_means, mean_pct_change;
    // Percent change of the means of every available score at each time (papers
    // report either basis; equal to pct_change_of_means when nobody is missing).
    std::optional<double> pct_change_of_means_available;
    std::size_t n_from_available = 0, n_to_available = 0;
    std::size_t zero_baselines = 0;  // excluded from mean_pct_change
    std::size_t improved = 0, worsened = 0, unchanged = 0;
    std::optional<core::TestResult> signflip, signrank, sign;
    std::optional<inference::PairedTResult> t;
    std::optional<effects::PairedEffect> dz, gz;
    std::optional<double> d_av;
    bootstrap::BootstrapInterval boot;
    // The exact sign-flip test inverted over a shift of the mean change: its
    // p-value function and the interval of shifts it does not reject.
    std::optional<inference::PValueFunction> signflip_curve;
    std::optional<inference::ShiftInterval> signflip_ci;
    // The headline interval of the mean change (the one reports quote),
    // chosen by measured coverage (docs/methods/intervals.md): the t interval.
    // nullopt when it is not estimable (a note says why).
    std::optional<core::Interval> ci;
    std::optional<inference::TostResult> tost;  // with --margin
    std::size_t responders = 0, responder_base = 0;  // responders among pairs with a nonzero baseline
    std::optional<double> responder_rate;
    std::optional<core::Interval> responder_ci;
    std::vector<std::string> notes;
};

std::vector<ChangeRow> change(const data::Study& study, const ChangeOptions& options);

// Computes one row (exposed for compare's jackknife and for tests).
ChangeRow change_row(const data::Study& study, std::size_t measure, std::size_t group, std::size_t from,
                     std::size_t to, const ChangeOptions& options);

report::ResultTable change_table(const data::Study& study, const std::vector<ChangeRow>& rows,
                                 const ChangeOptions& options);

// `change --curve`: for each row, the sign-flip test's p-value function of
// the hypothesised mean change (shift) at its breakpoints: p at the shift,
// p on the open segment below it (p_below) and above it up to the next
// breakpoint (p_above).
report::ResultTable change_curve_table(const data::Study& study, const std::vector<ChangeRow>& rows,
                                       const ChangeOptions& options);

}  // namespace pilotstat::analysis
