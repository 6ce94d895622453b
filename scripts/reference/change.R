#!/usr/bin/env Rscript
# End-to-end reference for `pilotstat change` on a study none of us wrote:
# MASS::anorexia (Hand et al. 1994), weight before and after treatment in three
# arms (CBT n = 29, Cont n = 26, FT n = 17), one decimal, mixed signs and ties.
# Writes the study (long) and the reference values.
# Run from the repository root: Rscript scripts/reference/change.R
suppressMessages({ library(coin); library(MASS) })
a <- MASS::anorexia
a$subject <- sprintf("A%02d", seq_len(nrow(a)))
long <- rbind(data.frame(subject = a$subject, group = a$Treat, time = "pre", measure = "weight", score = a$Prewt),
              data.frame(subject = a$subject, group = a$Treat, time = "post", measure = "weight", score = a$Postwt))
long <- long[order(long$subject), ]
write.csv(long, "tests/reference/data/anorexia_long.csv", row.names = FALSE, quote = FALSE)

f <- function(x) format(x, digits = 17)
# Exact two-sided sign-flip p (deviation rule; the null is symmetric about 0):
# brute force over all 2^n sign vectors for n <= 20, else the exact
# distribution of sum(+-|d_i|) by convolution on the 0.1 grid (integers x 10).
signflip <- function(dd) {
  n <- length(dd); obs <- sum(dd)
  if (n <= 20) {
    s <- as.matrix(expand.grid(rep(list(c(-1, 1)), n)))
    sums <- s %*% abs(dd)
    return(mean(abs(sums) >= abs(obs) - 1e-9 * max(abs(sums))))
  }
  u <- round(abs(dd) * 10); tot <- sum(u)
  cnt <- rep(0, 2 * tot + 1); cnt[tot + 1] <- 1   # index k <-> sum k - tot - 1; start: sum 0
  for (ui in u) {
    if (ui == 0) { cnt <- 2 * cnt; next }
    L <- length(cnt); idx <- seq_len(L - ui); new <- rep(0, L)
    new[idx + ui] <- new[idx + ui] + cnt[idx]   # +ui
    new[idx] <- new[idx] + cnt[idx + ui]        # -ui
    cnt <- new
  }
  sums <- seq(-tot, tot)
  sum(cnt[abs(sums) >= abs(round(obs * 10))]) / sum(cnt)
}
out <- "tests/reference/change_anorexia.csv"
con <- file(out, "w")
writeLines(c("# R: x = Prewt, y = Postwt per arm, dd = y - x;",
             "#    pct = (mean(y) - mean(x)) / mean(x) * 100; p_signflip: brute force over 2^n sign flips (n <= 20) or",
             "#      the exact convolution of +-|d_i| (n > 20), two-sided P(|S| >= |s|);",
             "#    p_signrank: pvalue(wilcoxsign_test(dd ~ 0, distribution = 'exact', zero.method = 'Pratt')), dd = round(y - x, 10);",
             "#    p_sign: binom.test(sum(dd > 0), sum(dd != 0))$p.value; p_t: t.test(y, x, paired = TRUE)$p.value;",
             "#    dz = mean(dd) / sd(dd)",
             paste0("# ", R.version.string, "; coin ", packageVersion("coin"))), con)
writeLines("group,from,to,n,mean_from,mean_to,mean_change,sd_change,pct_change_of_means,p_signflip,p_signrank,p_sign,p_t,dz", con)
for (g in levels(a$Treat)) {
  x <- a$Prewt[a$Treat == g]; y <- a$Postwt[a$Treat == g]; dd <- round(y - x, 10)
  # coin computes y - x itself, whose floating noise (82.1 - 80.7 != 1.4) would
  # break real ties; pilotstat subtracts exact decimals, so coin gets the rounded dd.
  psr <- pvalue(wilcoxsign_test(dd ~ rep(0, length(dd)), distribution = "exact", zero.method = "Pratt"))
  writeLines(paste(g, "pre", "post", length(dd), f(mean(x)), f(mean(y)), f(mean(dd)), f(sd(dd)),
                   f((mean(y) - mean(x)) / mean(x) * 100), f(signflip(dd)), f(as.numeric(psr)),
                   f(binom.test(sum(dd > 0), sum(dd != 0))$p.value), f(t.test(y, x, paired = TRUE)$p.value),
                   f(mean(dd) / sd(dd)), sep = ","), con)
}
close(con)
