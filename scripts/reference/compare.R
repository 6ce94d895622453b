#!/usr/bin/env Rscript
# End-to-end reference for `pilotstat compare` on MASS::anorexia (see change.R,
# which writes tests/reference/data/anorexia_long.csv): weight change pre -> post
# and post weight adjusted for pre (ANCOVA), between each pair of arms.
# Run from the repository root: Rscript scripts/reference/compare.R
suppressMessages({ library(coin); library(MASS); library(effectsize) })
a <- MASS::anorexia
a$d <- round(a$Postwt - a$Prewt, 10)
f <- function(x) format(x, digits = 17)
groups <- c("Cont", "CBT", "FT")   # order of first appearance in the long file
con <- file("tests/reference/compare_anorexia.csv", "w")
writeLines(c("# R: for arms A, B (A - B), x = change (Postwt - Prewt, rounded to 1e-10):",
             "#    p_perm = pvalue(oneway_test(x ~ g, distribution = 'exact')) (coin, shift algorithm);",
             "#    p_wmw = pvalue(wilcox_test(x ~ g, distribution = 'exact')); p_welch/p_student = t.test(xa, xb, var.equal = F/T);",
             "#    hedges_g = effectsize::hedges_g(xa, xb)$Hedges_g; adj_diff, p_ancova_t, adj_ci = lm(Postwt ~ g + Prewt),",
             "#    coefficient of A vs B, and confint(); g = factor(c(A, B), levels = c(A, B))",
             paste0("# ", R.version.string, "; coin ", packageVersion("coin"), "; effectsize ", packageVersion("effectsize"))), con)
writeLines("group_a,group_b,mean_diff,p_perm,p_wmw,p_welch,p_student,hedges_g,adj_diff,adj_ci_low,adj_ci_high,p_ancova_t", con)
for (i in 1:2) for (j in (i + 1):3) {
  A <- groups[i]; B <- groups[j]
  s <- a[a$Treat %in% c(A, B), ]
  g <- factor(as.character(s$Treat), levels = c(A, B))
  xa <- s$d[g == A]; xb <- s$d[g == B]
  pp <- pvalue(oneway_test(s$d ~ g, distribution = "exact"))
  pw <- pvalue(wilcox_test(s$d ~ g, distribution = "exact"))
  fit <- lm(Postwt ~ relevel(g, ref = B) + Prewt, data = s)
  co <- summary(fit)$coefficients[2, ]; ci <- confint(fit)[2, ]
  writeLines(paste(A, B, f(mean(xa) - mean(xb)), f(as.numeric(pp)), f(as.numeric(pw)),
                   f(t.test(xa, xb)$p.value), f(t.test(xa, xb, var.equal = TRUE)$p.value),
                   f(hedges_g(xa, xb)$Hedges_g), f(co[1]), f(ci[1]), f(ci[2]), f(co[4]), sep = ","), con)
}
close(con)
