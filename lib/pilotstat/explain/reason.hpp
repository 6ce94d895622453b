// Why a result is or is not significant, as data: each reason is
// a stable code, the numbers it rests on, and one sentence with those numbers
// filled in. Prose lives only in explain/; every number is computed, never typed.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pilotstat::explain {

struct Number {
    std::string name;
    double value = 0.0;
};

struct Reason {
    std::string code;  // P_FLOOR, CI_SPANS, DESIGN_SENSITIVITY, ... (docs/explain.md)
    std::vector<Number> numbers;
    std::string sentence;
};

// Leave-one-out robustness of a row: information about the estimate, never a
// reason for the verdict (and never grounds for excluding anyone).
struct Robustness {
    std::size_t left_out = 0;              // how many leave-one-out re-analyses
    double estimate_min = 0, estimate_max = 0;  // points
    std::string without_min, without_max;  // who was left out at each end
    std::optional<double> sd;              // the SD that gives the range in SD units
    std::string sd_name;
    // The verdict on the adjusted p (other p-values of the family held fixed).
    bool adjusted = false;                  // the verdict's p is a family's adjusted p
    bool verdict_recomputed = false;
    bool verdict_changes = false;
    std::string changer;                    // first subject whose omission changes it
    double p_adjusted_without = 1.0;        // the adjusted p without them
    std::string sentence;
};

struct Explanation {
    bool significant = false;
    std::string verdict;     // "significant" or "not significant"
    std::string test;        // which test the verdict is about, e.g. "exact sign-flip test"
    double p = 1.0;          // the p-value the verdict uses (adjusted when a family is declared)
    double p_unadjusted = 1.0;
    std::string role = "primary";  // "primary" or "secondary" (outside the primary family)
    std::string headline;    // one sentence: the effect, its interval, the verdict
    std::vector<Reason> reasons;  // why the verdict is what it is
    std::vector<Reason> notes;    // descriptions that are not reasons (COARSE, INDIVIDUAL_CHANGE)
    std::optional<Robustness> robustness;

    bool has(const std::string& code) const;
};

class SensitivityCache;  // exact_sensitivity.hpp

struct Settings {
    double alpha = 0.05;
    double power = 0.8;  // for DESIGN_SENSITIVITY
    // Simulated sensitivities of the exact tests, shared by the rows of one
    // report (null: each row simulates its own).
    std::shared_ptr<SensitivityCache> sensitivity_cache;
};

// Number formatting for sentences: p-values ("0.0625", "0.0079", "< 0.0001"),
// points (2 decimals, trailing zeros dropped, a true minus sign for negatives
// is not used so that text stays ASCII), standardized effects (2 decimals).
std::string fmt_p(double p);
std::string fmt_points(double x);
std::string fmt_std(double x);
std::string fmt_pct(double conf);  // 0.95 -> "95%"
// "alpha = 0.05"
std::string fmt_alpha(double alpha);
// "not statistically significant at alpha = 0.05" / "statistically significant at alpha = 0.05"
std::string verdict_prose(bool significant, double alpha);
// "1 group", "3 groups", "no group"... : count and noun, plural by adding "s".
std::string plural(std::size_t count, const std::string& noun);
// The name of an adjustment method in prose: "holm" -> "Holm", "BH" -> "Benjamini-Hochberg".
std::string method_prose(const std::string& method);

}  // namespace pilotstat::explain
