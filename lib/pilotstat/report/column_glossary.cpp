#include "pilotstat/report/column_glossary.hpp"

#include <array>

namespace pilotstat::report {

namespace {
// Wording follows docs/formats.md and docs/methods.md; p-values are described
// as what they are (compatibility of the data with a hypothesis), never as
// the probability that an effect is real.
constexpr std::array<ColumnDefinition, 33> kColumns{{
    {"group", "Arm", "The study arm."},
    {"time", "Visit", "The visit (time point) as named in the data."},
    {"n", "n", "Participants with a value used in this row (complete pairs for a change; per arm, \"a v b\", for a "
               "comparison)."},
    {"missing", "Missing", "Participants of the arm without a score at this visit."},
    {"mean", "Mean", "Arithmetic mean of the scores."},
    {"sd", "SD", "Sample standard deviation (n \u2212 1 denominator)."},
    {"median", "Median", "Median of the scores."},
    {"min", "Min", "Smallest score."},
    {"max", "Max", "Largest score."},
    {"from", "From", "Earlier visit of the change."},
    {"to", "To", "Later visit of the change."},
    {"mean_change", "Mean change", "Mean of each participant's later minus earlier score (negative: the score fell)."},
    {"ci_low", "CI low", "Lower limit of the row's headline interval, chosen by measured coverage: the t interval of "
                         "the mean change, Welch's t interval of the mean difference, the model's t interval for "
                         "ANCOVA rows."},
    {"ci_high", "CI high", "Upper limit of the same interval."},
    {"pct_change", "% change of means", "(Later mean \u2212 earlier mean) / earlier mean \u00d7 100."},
    {"improved", "Improved", "Participants whose score moved in the better direction of the instrument."},
    {"p_signflip", "Sign-flip p", "Exact sign-flip permutation p-value of the mean change, before adjustment for "
                                  "multiple measures."},
    {"p_adjusted", "Adjusted p", "The p-value after the multiplicity adjustment named at the top of the report; the "
                                 "verdict uses it."},
    {"p_floor", "Smallest possible p", "The smallest p-value any data of this design could give (e.g. 0.0625 for 5 "
                                       "pairs, 2/252 for 5 v 5): a p-value cannot go below it however large the "
                                       "effect."},
    {"dz", "Cohen's dz", "Mean change divided by the SD of the changes."},
    {"verdict", "Verdict", "\"significant\" when the adjusted p is at most alpha; a label for the decision rule, "
                           "not a measure of the size or importance of the effect."},
    {"on", "Compared on", "What is compared between arms: change (later minus earlier) or ancova (later score "
                          "adjusted for the earlier one)."},
    {"groups", "Arms", "The two arms compared, first minus second."},
    {"difference", "Difference", "First arm minus second: difference in mean change, or the ANCOVA-adjusted "
                                 "difference."},
    {"p_perm", "Permutation p", "Exact two-sample permutation p-value (every split of the participants into arms), "
                                "before adjustment."},
    {"hedges_g", "Hedges' g", "Standardized mean difference with the small-sample correction (exact J)."},
    {"classification", "Classification", "Reliable change (Jacobson-Truax RCI) or clinically significant change "
                                         "(crossing the cut-off)."},
    {"categories", "Counts", "Participants in each category."},
    {"not_classified", "Not classified", "Participants who could not be classified (a score missing, or no "
                                         "reliability or cut-off for the instrument)."},
    {"p_exact", "Exact p", "Exact test of the arms \u00d7 categories table, conditional on its margins: Fisher's test for 2 \u00d7 2, else "
                             "Freeman-Halton."},
    {"subject", "Participant", "The participant's identifier in the data."},
    {"rci", "RCI", "Reliable change index: change divided by the standard error of a difference, SE_diff = SD "
                   "\u221a2 \u221a(1 \u2212 reliability)."},
    {"reliable_change", "Reliable change", "improved / deteriorated when |RCI| exceeds 1.96, else none."},
}};

constexpr std::array<ColumnDefinition, 5> kMore{{
    {"score_from", "Earlier score", "The participant's score at the earlier visit."},
    {"score_to", "Later score", "The participant's score at the later visit."},
    {"change", "Change", "Later minus earlier score."},
    {"clinical_change", "Clinical change", "recovered (reliable improvement and crossing the cut-off into the "
                                           "functional range), improved, unchanged or deteriorated."},
    {"bands", "Severity bands", "The instrument's severity band at the earlier and the later visit."},
}};
constexpr ColumnDefinition kMcid{"mcid_reached", "MCID reached",
                                 "Whether the change in the better direction is at least the instrument's minimal "
                                 "clinically important difference (in points, or in percent of the participant's own "
                                 "earlier score)."};
}  // namespace

const ColumnDefinition* column_definition(std::string_view name) {
    for (const auto& c : kColumns)
        if (c.name == name) return &c;
    for (const auto& c : kMore)
        if (c.name == name) return &c;
    return name == kMcid.name ? &kMcid : nullptr;
}

}  // namespace pilotstat::report
