// Multiplicity-adjusted p-values, exactly as R's stats::p.adjust [1] computes
// them (same operations in the same order, so the doubles agree). For m
// p-values p_(1) <= ... <= p_(m) (sorted ascending, stable):
//   bonferroni  min(1, m p_i)                                  (Bonferroni / Dunn 1961)
//   holm        min(1, max_{j<=i} (m - j + 1) p_(j))           (Holm 1979 [2]; step-down)
//   hochberg    min(1, min_{j>=i} (m - j + 1) p_(j))           (Hochberg 1988 [3]; step-up)
//   BH          min(1, min_{j>=i} (m / j) p_(j))               (Benjamini & Hochberg 1995 [4]; FDR)
//   none        p_i
// The running max / min is p.adjust's monotonicity enforcement: an adjusted
// p-value is never smaller than that of a smaller raw p-value. Missing
// p-values (nullopt) are kept in place and do not count towards m, as in
// p.adjust's default n = length(p[!is.na(p)]).
//
// [1] R Core Team. stats::p.adjust (src/library/stats/R/p.adjust.R).
// [2] S. Holm. A simple sequentially rejective multiple test procedure.
//     Scand. J. Statist. 6 (1979) 65-70.
// [3] Y. Hochberg. A sharper Bonferroni procedure for multiple tests of
//     significance. Biometrika 75 (1988) 800-802.
// [4] Y. Benjamini, Y. Hochberg. Controlling the false discovery rate.
//     J. R. Statist. Soc. B 57 (1995) 289-300.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace pilotstat::multiplicity {

enum class AdjustMethod { none, bonferroni, holm, hochberg, bh };

// "none", "bonferroni", "holm", "hochberg", "BH".
std::string_view to_string(AdjustMethod m);
// Accepts the names above, also "bh"/"fdr" for BH; throws UsageError listing them.
AdjustMethod parse_adjust_method(std::string_view text);

// Adjusted p-values in the input order. Throws UsageError when a p-value is
// not in [0, 1] (NaN included).
std::vector<double> p_adjust(std::span<const double> p, AdjustMethod method);

// The same with missing values: nullopt entries stay nullopt and m counts
// only the present ones.
std::vector<std::optional<double>> p_adjust(std::span<const std::optional<double>> p, AdjustMethod method);

}  // namespace pilotstat::multiplicity
