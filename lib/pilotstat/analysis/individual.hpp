// Individual-level change (Jacobson & Truax 1991 [1]): per subject, measure
// and pair of times the change, the Reliable Change Index, the reliable and
// clinically significant change categories, severity bands and whether the
// MCID was reached; per arm the counts in each category, with an exact test
// between arms. Pure: Study + knowledge + options -> results -> ResultTables.
// [1] Jacobson N.S., Truax P. (1991). Clinical significance: a statistical
//     approach to defining meaningful change in psychotherapy research.
//     J Consult Clin Psychol 59(1), 12-19.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pilotstat/data/instrument_norms.hpp"
#include "pilotstat/data/study.hpp"
#include "pilotstat/report/result_table.hpp"

namespace pilotstat::analysis {

// Where the SD for SE_m comes from: the instrument's published value
// (NormsRegistry), or the study's own baseline (n - 1 SD of every subject's
// score at the study baseline, arms together).
enum class RciSd { instrument, baseline };
RciSd parse_rci_sd(const std::string& text);  // "instrument" | "baseline"; throws UsageError

// Jacobson & Truax (1991): a change is reliable when |RCI| exceeds the
// two-sided 95% normal quantile. The one definition of the default threshold.
inline constexpr double kReliableChangeZ = 1.96;

struct IndividualOptions {
    std::string from;             // empty: the study baseline
    std::vector<std::string> to;  // empty: every time after `from`
    double rci_z = kReliableChangeZ;  // reliable when |RCI| > rci_z
    RciSd rci_sd = RciSd::instrument;
};

// SE_m = sd sqrt(1 - r) (standard error of measurement, Gulliksen 1950).
double standard_error_of_measurement(double sd, double reliability);
// S_diff = sqrt(2) SE_m, the SE of a difference of two scores [1, eq. 2].
double standard_error_of_difference(double sd, double reliability);
// RCI = (score_to - score_from) / S_diff [1, eq. 1]; negative = a fall.
double reliable_change_index(double score_from, double score_to, double s_diff);

// Jacobson-Truax cut-offs [1, p. 13]. higher_is_worse: the clinical
// population scores higher. a = M_clin -/+ 2 SD_clin (2 SDs beyond the
// clinical mean towards function); b = M_func +/- 2 SD_func (2 SDs beyond the
// functional mean towards dysfunction); c = (SD_clin M_func + SD_func M_clin)
// / (SD_clin + SD_func), where the two distributions' weighted distances are
// equal. "published": an instrument's own cut-off.
enum class Criterion { a, b, c, published };
std::string to_string(Criterion c);
double criterion_a(double clinical_mean, double clinical_sd, bool higher_is_worse);
double criterion_b(double functional_mean, double functional_sd, bool higher_is_worse);
double criterion_c(double clinical_mean, double clinical_sd, double functional_mean, double functional_sd);

struct Cutoff {
    double value = 0.0;
    Criterion criterion = Criterion::published;
    std::string source;
};
// The cut-off to use: c when both populations are known, else the published
// cut-off, else b (functional population known), else a (clinical known).
std::optional<Cutoff> choose_cutoff(const data::InstrumentNorms& norms, bool higher_is_worse);
// Is `score` in the clinical range? A score equal to the cut-off counts as
// clinical for a, c and published cut-offs (a published "score >= 10"), and
// as functional for b (inside the functional population's 2-SD range).
bool in_clinical_range(double score, const Cutoff& cutoff, bool higher_is_worse);

enum class Reliable { improved, deteriorated, none };
enum class Clinical { recovered, improved, unchanged, deteriorated };
std::string to_string(Reliable r);
std::string to_string(Clinical c);
// improved / deteriorated when |rci| > z in the better / worse direction.
Reliable classify_reliable(double rci, double z, bool higher_is_worse);
// recovered: reliably improved and moved from the clinical to the functional
// range; improved: reliably improved otherwise; deteriorated: reliably worse;
// unchanged: no reliable change [1, p. 16].
Clinical classify_clinical(Reliable r, bool clinical_before, bool clinical_after);

struct IndividualRow {
    std::string subject, group, measure, from, to;
    std::optional<double> score_from, score_to, change, pct_change, rci;
    std::optional<Reliable> reliable;
    std::optional<Clinical> clinical;
    std::string band_from, band_to;
    std::optional<bool> mcid_reached;
    // What was used: reliability, SD (and where from), S_diff, cut-off, MCID.
    std::optional<double> reliability, sd, s_diff, cutoff;
    std::string sd_source, criterion, mcid;
    std::string note;  // missing values and how to supply them; "" if none
};

// Counts per arm for one measure x (from, to) x classification
// ("reliable_change" or "clinical_change"), with the exact test between arms.
struct CategoryCounts {
    std::string group;
    long n = 0;               // subjects of the arm classified
    long not_classified = 0;  // score or knowledge missing
    std::vector<long> counts; // one per category of the classification
};
struct IndividualSummary {
    std::string measure, from, to, classification;
    std::vector<std::string> categories;
    std::vector<CategoryCounts> arms;
    std::string test;  // "fisher" (2 x 2), "freeman-halton" (r x k) or "" (none)
    std::optional<double> p_value, p_floor;
    std::string method, note;
};

struct IndividualResult {
    std::vector<IndividualRow> rows;
    std::vector<IndividualSummary> summary;
};

// The two summaries (reliable_change, clinical_change) of one block of rows
// sharing measure, from and to: counts per arm (in study.groups order) and
// the exact test of the arms x categories table conditional on its margins,
// arms and categories with no subject dropped: Fisher's test when 2 x 2,
// else Freeman-Halton (inference/contingency_tests.hpp), with its p-floor.
std::vector<IndividualSummary> summarize_categories(const data::Study& study,
                                                    const std::vector<IndividualRow>& block);

// Every subject x measure x (from, to). Throws UsageError for an unknown
// time or a `to` not after `from`.
IndividualResult individual_change(const data::Study& study, const data::NormsRegistry& norms,
                                   const IndividualOptions& options);

// Columns: subject,group,measure,from,to,score_from,score_to,change,
// pct_change,rci,reliable_change,clinical_change,band_from,band_to,
// mcid_reached,reliability,sd,sd_source,s_diff,cutoff,criterion,mcid,note
report::ResultTable individual_table(const std::vector<IndividualRow>& rows);
// Columns: measure,from,to,classification,group,n,not_classified,recovered,
// improved,unchanged,deteriorated,test,p_value,p_floor,method,note
// (reliable_change: "none" is counted under unchanged, recovered is empty).
report::ResultTable individual_summary_table(const std::vector<IndividualSummary>& summary);

}  // namespace pilotstat::analysis
