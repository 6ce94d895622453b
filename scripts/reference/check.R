#!/usr/bin/env Rscript
# Reference values for `pilotstat check` (tests/unit/check_*_test.cpp).
# Run from the repository root: Rscript scripts/reference/check.R
f <- function(x) format(x, digits = 17)
header <- function(con, lines) writeLines(c(paste0("# ", lines), paste0("# ", R.version.string)), con)

# 1. p-values of test statistics, as statcheck computes them.
con <- file("tests/reference/check_pvalue.csv", "w")
header(con, c("R: t: tails * pt(-abs(x), df); z: tails * pnorm(-abs(x));",
              "   F: pf(x, df1, df2, lower.tail = FALSE); chisq: pchisq(x, df1, lower.tail = FALSE);",
              "   r: tails * pt(-abs(x * sqrt(df1 / (1 - x^2))), df1)"))
writeLines("test,df1,df2,stat,tails,p", con)
p_of <- function(test, x, df1, df2, tails) switch(test,
  t = tails * pt(-abs(x), df1), z = tails * pnorm(-abs(x)),
  F = pf(x, df1, df2, lower.tail = FALSE), chisq = pchisq(x, df1, lower.tail = FALSE),
  r = tails * pt(-abs(x * sqrt(df1 / (1 - x^2))), df1))
cases <- list(
  list("t", 28, 0, 2.20, 2), list("t", 4, 0, -21.95, 2), list("t", 8, 0, 1.02, 2), list("t", 48, 0, 1.02, 1),
  list("t", 3.7, 0, 2.5, 2), list("t", 200, 0, 0.0, 2), list("z", 0, 0, 1.96, 2), list("z", 0, 0, -2.58, 1),
  list("z", 0, 0, 6.5, 2), list("F", 1, 8, 4.20, 2), list("F", 2, 27, 3.35, 2), list("F", 3, 16, 0.40, 2),
  list("chisq", 1, 0, 3.84, 2), list("chisq", 4, 0, 12.3, 2), list("chisq", 9, 0, 2.1, 2),
  list("r", 8, 0, 0.63, 2), list("r", 28, 0, -0.31, 2), list("r", 3, 0, 0.95, 1))
for (c in cases) writeLines(paste(c[[1]], c[[2]], c[[3]], c[[4]], c[[5]],
                                  f(p_of(c[[1]], c[[4]], c[[2]], c[[3]], c[[5]])), sep = ","), con)
close(con)

# 2. GRIM by brute force: is there a whole total whose mean is within half a unit
#    of the published mean (ends included)? Means 0.00..7.00 by 0.01, n = 3..30, grid 1.
con <- file("tests/reference/check_grim.csv", "w")
header(con, c("R: for n in 3..30, step in c(1, 0.25): consistent = any(abs((0:(7 * n / step)) * step / n - m) <= 0.005 + 1e-9)",
              "   for a sample of published means m (2 decimals)"))
writeLines("n,step,mean,consistent", con)
set.seed(6)
for (step in c(1, 0.25)) for (n in 3:30) {
  totals <- 0:(7 * n / step)
  for (m in sample(seq(0, 7, by = 0.01), 12)) {
    ok <- any(abs(totals * step / n - m) <= 0.005 + 1e-9)
    writeLines(paste(n, step, sprintf("%.2f", m), as.integer(ok), sep = ","), con)
  }
}
close(con)

# 3. GRIMMER: every (mean, SD) that some data set of n integers 0..10 actually has
#    must pass (no false alarms). Enumerates all multisets of n = 5 and n = 6.
con <- file("tests/reference/check_grimmer_attainable.csv", "w")
header(con, c("R: for every multiset x of n integers in 0..10 (combn with repetition), n in 5:6:",
              "   mean = sprintf('%.2f', mean(x)), sd = sprintf('%.2f', sd(x)); a sample of 150 distinct pairs per n"))
writeLines("n,mean,sd", con)
for (n in 5:6) {
  ms <- t(combn(0:(10 + n - 1), n)) - matrix(0:(n - 1), ncol = n, nrow = choose(10 + n, n), byrow = TRUE)
  pairs <- unique(data.frame(mean = sprintf("%.2f", rowMeans(ms)), sd = sprintf("%.2f", apply(ms, 1, sd))))
  pairs <- pairs[sample(nrow(pairs), 150), ]
  for (i in seq_len(nrow(pairs))) writeLines(paste(n, pairs$mean[i], pairs$sd[i], sep = ","), con)
}
close(con)
