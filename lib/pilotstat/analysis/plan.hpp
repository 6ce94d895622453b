// `plan`: from a pilot to the main trial (CONSORT extension for pilot and
// feasibility trials, Eldridge et al. 2016; Lancaster et al. 2004). Per
// measure: the pooled within-arm SD of the endpoint and its one-sided upper
// confidence limit (Browne 1995; Sim & Lewis 2012), the main trial's n per
// arm to detect the MCID (never the pilot's own effect estimate), and the
// observed retention with Clopper-Pearson intervals (docs/methods/planning.md).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pilotstat/data/instrument_norms.hpp"
#include "pilotstat/data/study.hpp"
#include "pilotstat/core/interval.hpp"
#include "pilotstat/report/result_table.hpp"

namespace pilotstat::analysis {

// The main trial's primary endpoint whose SD is planned on:
//  change  to - from, complete pairs;
//  raw     the score at `to`, everyone scored then;
//  ancova  the score at `to` adjusted for `from` (residual SD of
//          post ~ arm + baseline, complete pairs, df = n - 3).
enum class Endpoint { change, raw, ancova };
std::string_view to_string(Endpoint e);
Endpoint parse_endpoint(std::string_view text);  // throws UsageError

struct PlanOptions {
    Endpoint endpoint = Endpoint::change;
    std::size_t from = 0, to = 0;  // time indices
    std::optional<double> mcid;    // points; nullopt: the instrument's sourced MCID
    double sd_conf = 0.8;          // one-sided confidence of sd_ucl
    double alpha = 0.05;           // two-sided
    double power = 0.9;
    double retention_conf = 0.95;  // Clopper-Pearson level of the retention intervals
    // From the trial's records (optional): participants screened and
    // randomized. randomized replaces the count of participants in the data as
    // the denominator of the overall retention (those without any data are
    // then counted as not retained); screened gives the recruitment rate.
    std::optional<long> screened, randomized;
};

// Throws UsageError naming the option: screened or randomized < 1,
// randomized > screened, mcid <= 0, power or sd_conf outside
// (0, 1), alpha outside (0, 0.5], power <= alpha, from == to (change, ancova).
void validate(const PlanOptions& o);

struct Retention {
    long retained = 0, randomized = 0;  // scored at `to` / in the arm (or in both)
    double share = 0.0;
    core::Interval ci;  // Clopper-Pearson at retention_conf
};

struct PlanRow {
    std::size_t measure = 0;
    std::size_t n_a = 0, n_b = 0;  // participants contributing to the SD per arm
    double sd_pooled = 0.0, df = 0.0, sd_ucl = 0.0;
    std::optional<double> mcid;
    std::string mcid_source;
    std::optional<int> n_per_arm, n_per_arm_pooled_sd;
    std::optional<long> n_per_arm_attrition;
    std::optional<double> power_achieved;  // t-test power at n_per_arm with sd_ucl
    Retention retention, retention_a, retention_b;
    std::vector<std::string> notes;
};

struct PlanResult {
    PlanOptions options;
    std::size_t group_a = 0, group_b = 1;
    // A single-arm pilot (one group): the SD is that arm's, for a two-arm main
    // trial; group_b, n_b and retention_b are not used.
    bool single_arm = false;
    std::vector<std::size_t> arms() const {
        return single_arm ? std::vector<std::size_t>{group_a} : std::vector<std::size_t>{group_a, group_b};
    }
    std::vector<PlanRow> rows;  // one per measure, in study order
    std::optional<Retention> recruitment;  // randomized of screened, when screened is given
};

// Throws UsageError unless the study has one or two arms (one arm: not with
// the ancova endpoint; or when
// options.randomized is fewer than the participants in the data), and DataError
// naming the measure when an arm has fewer than 2 participants with the
// endpoint (ancova: and fewer than 4 in all).
PlanResult plan(const data::Study& study, const data::NormsRegistry& norms, const PlanOptions& options);

// The machine table (columns in docs/formats.md).
report::ResultTable plan_table(const data::Study& study, const PlanResult& result);

// The planning paragraphs, one per measure; markdown adds a heading per
// measure. Numbers of points are rounded to min(digits, 2) decimals.
std::string plan_text(const data::Study& study, const PlanResult& result, bool markdown, int digits);
// A share as a percent without the sign: whole, unless that would show a
// share that is neither 0 nor 1 as 0 or 100 (9 of 10's upper limit 0.9975
// reads "99.7", not "100"); then up to 3 decimals.
std::string share_percent(double share);
// The same with a percent sign: "99.7%".
std::string share_percent_sign(double share);

// `retained` of `randomized` with its Clopper-Pearson interval at `conf` (used
// for retention, recruitment and completeness alike).
Retention retention(long retained, long randomized, double conf);

// Participants of group `g` with a score of measure `m` at time `t`.
long scored_at(const data::Study& study, std::size_t m, std::size_t g, std::size_t t);

// One measure's heading ("BDI-II (change from T0 to T3)") and paragraph, and
// the closing sentences (recruitment, never sizing on the pilot's effect).
std::string plan_heading(const data::Study& study, const PlanResult& result, const PlanRow& row);
std::string plan_paragraph(const data::Study& study, const PlanResult& result, const PlanRow& row, int digits);
std::string plan_closing(const PlanResult& result);

}  // namespace pilotstat::analysis
