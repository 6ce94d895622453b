// Exact tests for contingency tables: responders by arm (2 x 2) and
// categories by arm (r x c). Tables of two arms are given as responders x out
// of n per arm; the arms are the rows, so "greater" means a higher response
// rate (odds) in A than in B.
#pragma once

#include <vector>

#include "pilotstat/core/exact_options.hpp"
#include "pilotstat/core/test_result.hpp"

namespace pilotstat::inference {

// Fisher's exact test [1] of [[xa, na - xa], [xb, nb - xb]], conditional on
// both margins: X = responders in A is hypergeometric. statistic = xa.
//  greater: P(X >= xa); less: P(X <= xa).
//  two-sided, rule deviation (default): R's fisher.test rule, the total
//    probability of tables with P(table) <= P(observed) (1 + 1e-7);
//    rule doubled: min(1, 2 min(one-sided p)).
// arrangements = C(na + nb, xa + xb) (which subjects are the responders),
// count_extreme = that times p; p_floor = smallest p over all tables with
// these margins. Method exact-enumeration. One response class only (all or no
// responders) gives p = 1 with a note. Throws UsageError on negative counts
// or x > n.
// [1] Fisher R.A. (1935). The logic of inductive inference. JRSS 98(1), 39-82.
core::TestResult fisher_exact_2x2(long xa, long na, long xb, long nb,
                            core::Alternative alternative = core::Alternative::two_sided,
                            core::TwoSidedRule rule = core::TwoSidedRule::deviation);

// Freeman–Halton extension of Fisher's test to an r x c table [2]
// (table[i][j] = count in row i, column j), conditional on all margins: the
// total probability of tables with P(table) <= P(observed) (1 + 1e-7), as R's
// fisher.test on an r x c table. statistic = P(observed table). Tables are
// fully enumerated (method exact-enumeration; arrangements = number of
// tables, count_extreme = number of them counted) while there are at most
// opts.max_enumeration of them; beyond that B = opts.resamples random tables
// with the same margins (random permutation of the column labels, the
// project's RNG, seed opts.seed) give a Monte Carlo p = (k+1)/(B+1).
// Empty rows and columns are dropped; fewer than 2 rows or columns left gives
// p = 1 with a note. Two-sided only (opts.alternative is ignored). Throws
// UsageError on a ragged table or negative counts.
// [2] Freeman G.H., Halton J.H. (1951). Biometrika 38(1/2), 141-149.
core::TestResult freeman_halton(const std::vector<std::vector<long>>& table, const core::ExactOptions& opts = {});

// Boschloo's exact unconditional test [3] for two independent binomials
// (xa of na, xb of nb): tables are ordered by Fisher's p-value, and
//   p = sup over pi in [0, 1] of P_pi(Fisher p of a table <= observed one),
// with both arms Binomial(n, pi) under H0. The sup is found on a grid of
// 1000 + 40 (na + nb) points plus golden-section refinement of every grid
// maximum to 1e-13 in pi (SciPy's shgo with n = 32 reaches ~1e-12 relative).
//  less/greater: ordering by the one-sided Fisher p (as SciPy);
//  two-sided, rule doubled: min(1, 2 min(one-sided Boschloo p)), exactly
//    scipy.stats.boschloo_exact(alternative = "two-sided");
//  two-sided, rule deviation (default): ordering by Fisher's two-sided p
//    (R's probability rule above), one maximisation.
// statistic = observed ordering p-value; arrangements = (na+1)(nb+1) tables,
// count_extreme = tables in the rejection region; p_floor = p of the most
// extreme table. An empty arm gives p = 1 with a note.
// [3] Boschloo R.D. (1970). Raised conditional level of significance for the
//     2 x 2-table when testing the equality of two probabilities. Statistica
//     Neerlandica 24(1), 1-9.
core::TestResult boschloo_exact(long xa, long na, long xb, long nb,
                          core::Alternative alternative = core::Alternative::two_sided,
                          core::TwoSidedRule rule = core::TwoSidedRule::deviation);

}  // namespace pilotstat::inference
