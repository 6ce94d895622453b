#!/usr/bin/env Rscript
# Reference fixtures at breadth (issue 7): a grid of small datasets, paired
# n = 3..12 and two-sample 3 v 3 .. 10 v 10, with integer, quarter-step and
# continuous (2-decimal) scores and patterns: random, heavy ties, zeros,
# constant, outliers, skew. Writes tests/reference/grid_paired.csv and
# tests/reference/grid_two_sample.csv, checked by tests/unit/grid_reference_test.cpp.
# Run from the repository root: Rscript scripts/reference/grid.R
# Needs r-base-core, r-cran-coin (scripts/setup --reference).
suppressMessages(library(coin))
set.seed(20240607)
f <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
vec <- function(x) paste(sprintf("%.17g", x), collapse = " ")

# Values as exact decimals: integers k / scale (scale 1, 4 or 100); the fixture
# stores %.17g of k / scale, which C++ strtod reads back to the same double.
scales <- c(integer = 1, quarter = 4, continuous = 100)
patterns <- c("random", "ties", "zeros", "constant", "outliers", "skew")
draw <- function(n, pattern, scale) {
  k <- switch(pattern,
    random   = round(rnorm(n, 0, 4) * scale),
    ties     = sample(c(-2, -1, 1, 1, 2), n, replace = TRUE) * scale,
    zeros    = { v <- round(rnorm(n, 1, 3) * scale); v[sample(n, max(1, n %/% 3))] <- 0; v },
    constant = rep(round(2.5 * scale), n),
    outliers = { v <- round(rnorm(n, 0, 1) * scale); v[1] <- 40 * scale; v },
    skew     = round((rexp(n, 0.5) - 1) * scale))
  k / scale
}

# --- paired: sign-flip by brute force over all 2^n sign vectors -------------
flips <- function(n) as.matrix(expand.grid(rep(list(c(-1, 1)), n)))
tail_p <- function(null, obs, alt, center = 0) {
  tol <- 1e-9 * max(1, abs(null))
  switch(alt,
    "two.sided" = mean(abs(null - center) >= abs(obs - center) - tol),
    "less"      = mean(null <= obs + tol),
    "greater"   = mean(null >= obs - tol))
}
signflip_p <- function(d, alt) tail_p(flips(length(d)) %*% abs(d), sum(d), alt)
# Signed-rank (Pratt: zeros ranked with the rest, scored 0): integer/quarter
# by coin on the rounded differences (see change.R); continuous by brute force
# over the sign flips of the signed mid-ranks, which is the same distribution.
signrank_p <- function(d, alt, type) {
  if (all(d == 0)) return(1)
  if (type != "continuous")
    return(as.numeric(pvalue(wilcoxsign_test(y ~ x, data = data.frame(y = round(d, 10), x = 0),
                                             distribution = "exact", zero.method = "Pratt",
                                             alternative = alt))))
  r <- rank(abs(d)) * (d != 0)
  tail_p(flips(length(d)) %*% r, sum(sign(d) * r), alt)
}
# Noncentral-t interval of dz = t / sqrt(n): uniroot to 1e-13.
nct_ci <- function(t, df, conf) {
  a <- (1 - conf) / 2
  lo <- uniroot(function(ncp) pt(t, df, ncp) - (1 - a), c(t - 60, t + 60), tol = 1e-13)$root
  hi <- uniroot(function(ncp) pt(t, df, ncp) - a, c(t - 60, t + 60), tol = 1e-13)$root
  c(lo, hi)
}

con <- file("tests/reference/grid_paired.csv", "w")
writeLines(c(
  "# Paired grid (scripts/reference/grid.R): differences d (to - from), exact decimals.",
  "# p_signflip: brute force over all 2^n sign vectors, two-sided P(|S| >= |s|) (S = sum of +-|d_i|), one-sided P(S <= s) / P(S >= s);",
  "# p_signrank: integer/quarter: pvalue(coin::wilcoxsign_test(y ~ x, data = data.frame(y = round(d, 10), x = 0), distribution = 'exact', zero.method = 'Pratt', alternative = alt));",
  "#   continuous: brute force over the sign flips of the Pratt signed mid-ranks (same distribution);",
  "# p_t, t_ci_low/high: t.test(d, alternative = alt, conf.level = 0.95) (interval two-sided: t.test(d)$conf.int);",
  "# dz = mean(d)/sd(d); dz_ci: noncentral t, uniroot(pt(t, n-1, ncp) = 0.975 / 0.025, tol = 1e-13) / sqrt(n);",
  "# NA where the quantity is undefined (sd = 0). Tie tolerance in brute force: 1e-9 relative.",
  paste0("# ", R.version.string, "; coin ", packageVersion("coin"))), con)
writeLines("id,type,pattern,n,alternative,d,p_signflip,p_signrank,p_t,t_ci_low,t_ci_high,dz,dz_ci_low,dz_ci_high", con)
alts <- c("two.sided", "less", "greater")
id <- 0
for (n in 3:12) for (type in names(scales)) for (pattern in patterns) {
  id <- id + 1
  d <- draw(n, pattern, scales[[type]])
  alt <- alts[(id %% 3) + 1]
  sdd <- sd(d)
  if (sdd > 0) {
    tt <- t.test(d, alternative = alt); ci <- t.test(d)$conf.int
    t <- unname(t.test(d)$statistic); ncp <- nct_ci(t, n - 1, 0.95) / sqrt(n)
    vals <- c(tt$p.value, ci[1], ci[2], mean(d) / sdd, ncp)
  } else vals <- rep(NA, 6)
  writeLines(paste(id, type, pattern, n, alt, vec(d), f(signflip_p(d, alt)), f(signrank_p(d, alt, type)),
                   paste(f(vals), collapse = ","), sep = ","), con)
}
close(con)

# --- two-sample: coin exact (integer scores) or brute force over combn -------
split_null <- function(x, na, score) {
  cm <- combn(length(x), na)
  colSums(matrix(score[cm], nrow = na))
}
perm_p <- function(a, b, alt, type) {
  x <- c(a, b); g <- factor(rep(c("a", "b"), c(length(a), length(b))))
  if (length(unique(x)) == 1) return(1)
  if (type != "continuous")
    return(as.numeric(pvalue(oneway_test(xs ~ g, data = data.frame(xs = x * scales[[type]], g = g),
                                         distribution = "exact", alternative = alt))))
  tail_p(split_null(x, length(a), x), sum(a), alt, center = length(a) * mean(x))
}
wmw_p <- function(a, b, alt, type) {
  x <- c(a, b); g <- factor(rep(c("a", "b"), c(length(a), length(b))))
  if (length(unique(x)) == 1) return(1)
  if (type != "continuous")
    return(as.numeric(pvalue(wilcox_test(x ~ g, distribution = "exact", alternative = alt))))
  r <- rank(x)
  tail_p(split_null(r, length(a), r), sum(r[seq_along(a)]), alt, center = length(a) * mean(r))
}

con <- file("tests/reference/grid_two_sample.csv", "w")
writeLines(c(
  "# Two-sample grid (scripts/reference/grid.R): groups a and b, exact decimals; alternative about a - b.",
  "# p_perm: integer/quarter: pvalue(coin::oneway_test(x * scale ~ g, distribution = 'exact', alternative = alt)) (scale 1 or 4);",
  "#   continuous: brute force over combn(N, n_a), two-sided P(|S - E S| >= |s - E S|) with S = sum of group a;",
  "# p_wmw: integer/quarter: pvalue(coin::wilcox_test(x ~ g, distribution = 'exact', alternative = alt));",
  "#   continuous: brute force over combn on the mid-ranks;",
  "# p_welch, welch_ci: t.test(a, b, alternative = alt) (interval from the two-sided call);",
  "# p_student, student_ci: t.test(a, b, var.equal = TRUE, alternative = alt);",
  "# adj_<method>: p.adjust(c(p_perm, p_wmw, p_welch, p_student), method) for bonferroni, holm, hochberg, BH",
  "#   (on the p-values as written here; NA when one of them is NA).",
  "# NA where undefined (zero variance). Tie tolerance in brute force: 1e-9 relative.",
  paste0("# ", R.version.string, "; coin ", packageVersion("coin"))), con)
writeLines(paste0("id,type,pattern,n_a,n_b,alternative,a,b,p_perm,p_wmw,p_welch,welch_ci_low,welch_ci_high,p_student,",
                  "student_ci_low,student_ci_high,adj_bonferroni,adj_holm,adj_hochberg,adj_BH"), con)
id <- 0
for (na in 3:10) for (nb in na:10) for (type in names(scales)) for (rep in 1:2) {
  id <- id + 1
  pattern <- patterns[(id %% length(patterns)) + 1]
  a <- draw(na, pattern, scales[[type]])
  shift <- if (pattern == "constant") 0 else round(rnorm(1, 0, 2) * scales[[type]])
  b <- (round(draw(nb, pattern, scales[[type]]) * scales[[type]]) + shift) / scales[[type]]  # exact decimals again
  alt <- alts[(id %% 3) + 1]
  welch <- student <- rep(NA, 3)
  if (var(a) + var(b) > 0) {
    w <- t.test(a, b, alternative = alt); wci <- t.test(a, b)$conf.int
    s <- t.test(a, b, var.equal = TRUE, alternative = alt); sci <- t.test(a, b, var.equal = TRUE)$conf.int
    welch <- c(w$p.value, wci); student <- c(s$p.value, sci)
  }
  p4 <- as.numeric(sprintf("%.17g", c(perm_p(a, b, alt, type), wmw_p(a, b, alt, type), welch[1], student[1])))
  adj <- sapply(c("bonferroni", "holm", "hochberg", "BH"),
                function(m) if (anyNA(p4)) "NA" else vec(p.adjust(p4, m)))
  writeLines(paste(id, type, pattern, na, nb, alt, vec(a), vec(b), f(p4[1]), f(p4[2]),
                   paste(f(welch), collapse = ","), paste(f(student), collapse = ","),
                   paste(adj, collapse = ","), sep = ","), con)
}
close(con)
