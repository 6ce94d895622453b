#!/usr/bin/env Rscript
# Reference values for the exact bootstrap (lib/pilotstat/bootstrap, effects/cliffs_delta).
#
# Brute force: every one of the n^n ordered resamples of each sample is
# enumerated (expand.grid), so the exact bootstrap distribution is the
# equal-weight distribution over them -- independent of the C++ code, which
# enumerates the C(2n-1, n) multisets with multinomial weights instead.
# Interval definitions (docs/methods/bootstrap.md):
#   quantile      R quantile(type = 1) = inverted CDF, on the equal-weight values
#   percentile    [Q(alpha/2), Q(1 - alpha/2)]
#   BCa           z0 = qnorm(P(t < t0) + P(t == t0)/2), ties within 1e-9 relative;
#                 a from jackknife (two samples: stratified, each sample's
#                 influence (n_k - 1) d / n_k); levels pnorm(z0 + (z0+z)/(1-a(z0+z)))
#   expanded      levels pnorm(+-sqrt(m/(m-1)) qt(alpha/2, m-1)), m = min(n_a, n_b)
# Writes tests/reference/bootstrap_intervals.csv, bootstrap_distribution.csv,
# bootstrap_cliff.csv and bootstrap_boot_sanity.csv. Run from the repository root:
#   Rscript scripts/reference/bootstrap.R
suppressPackageStartupMessages({ library(boot); library(effectsize) })

out_dir <- "tests/reference"
fmt <- function(v) paste(sprintf("%.17g", v), collapse = " ")

# All ordered resamples of 1..n as an n^n x n index matrix.
ordered_idx <- function(n) as.matrix(expand.grid(rep(list(seq_len(n)), n)))
# Per ordered resample, the counts c_1..c_n (n^n x n).
ordered_counts <- function(n) t(apply(ordered_idx(n), 1, tabulate, nbins = n))

boot_means <- function(x) { idx <- ordered_idx(length(x)); rowMeans(matrix(x[idx], ncol = length(x))) }

q1 <- function(t, p) unname(quantile(t, p, type = 1))
tol_of <- function(t, t0) 1e-9 * max(abs(range(t)), abs(t0))
z0_half <- function(t, t0) {
  tol <- tol_of(t, t0)
  qnorm((sum(t < t0 - tol) + 0.5 * sum(abs(t - t0) <= tol)) / length(t))
}
z0_strict <- function(t, t0) qnorm(mean(t < t0))   # boot's convention, for contrast
accel <- function(jacks) {
  u <- unlist(lapply(jacks, function(j) { n <- length(j); (n - 1) * (mean(j) - j) / n }))
  sum(u^3) / (6 * sum(u^2)^1.5)
}

intervals <- function(t, t0, jacks, m, conf) {
  alpha <- 1 - conf
  z0 <- z0_half(t, t0); a <- accel(jacks)
  zz <- qnorm(c(alpha / 2, 1 - alpha / 2))
  bca_lv <- pnorm(z0 + (z0 + zz) / (1 - a * (z0 + zz)))
  ze <- sqrt(m / (m - 1)) * qt(alpha / 2, m - 1)
  lv <- list(percentile = c(alpha / 2, 1 - alpha / 2), bca = bca_lv,
             "expanded-percentile" = pnorm(c(ze, -ze)))
  do.call(rbind, lapply(names(lv), function(meth) data.frame(
    conf = conf, estimate = t0, method = meth, level_low = lv[[meth]][1], level_high = lv[[meth]][2],
    low = q1(t, lv[[meth]][1]), high = q1(t, lv[[meth]][2]), z0 = z0, z0_strict = z0_strict(t, t0),
    acc = a)))
}

jack_mean <- function(x) sapply(seq_along(x), function(i) mean(x[-i]))

one_sample <- function(case, x, conf = 0.95) {
  t <- boot_means(x)
  cbind(case = case, stat = "mean", x = fmt(x), y = "NA",
        intervals(t, mean(x), list(jack_mean(x)), length(x), conf))
}

two_sample_t <- function(a, b) as.vector(outer(boot_means(a), boot_means(b), "-"))
two_sample <- function(case, a, b, conf = 0.95) {
  t <- two_sample_t(a, b)
  jacks <- list(jack_mean(a) - mean(b), mean(a) - jack_mean(b))
  cbind(case = case, stat = "mean_difference", x = fmt(a), y = fmt(b),
        intervals(t, mean(a) - mean(b), jacks, min(length(a), length(b)), conf))
}

cliff <- function(a, b) mean(sign(outer(a, b, "-")))
# Cliff's delta of every pair of ordered resamples: ca S cb' / (n_a n_b).
cliff_boot <- function(a, b) {
  S <- sign(outer(a, b, "-"))
  as.vector(ordered_counts(length(a)) %*% S %*% t(ordered_counts(length(b)))) / (length(a) * length(b))
}
cliff_case <- function(case, a, b, conf = 0.95) {
  t <- cliff_boot(a, b)
  jacks <- list(sapply(seq_along(a), function(i) cliff(a[-i], b)),
                sapply(seq_along(b), function(j) cliff(a, b[-j])))
  cbind(case = case, stat = "cliffs_delta", x = fmt(a), y = fmt(b),
        intervals(t, cliff(a, b), jacks, min(length(a), length(b)), conf))
}

bdi <- c(-12, -15, -9, -20, -10)
rows <- rbind(
  one_sample("bdi_change5", bdi),
  one_sample("bdi_change5_90", bdi, conf = 0.90),
  one_sample("skew5", c(0.3, 1.1, 0.2, 4.5, 0.9)),
  one_sample("ties5", c(1, 2, 3, 4, 5)),
  one_sample("n4", c(2.5, 7, 3, 11)),
  one_sample("bpi5", c(5.8571, 4.2857, 6.1429, 3.5714, 5)),
  two_sample("diff5v5", bdi, c(-3, -5, 0, -8, -4)),
  two_sample("diff4v5", c(2.5, 7, 3, 11), c(1, 4, 2, 6, 3)),
  cliff_case("cliff5v5", c(3, 5, 5, 8, 10), c(1, 3, 4, 5, 6)),
  cliff_case("cliff4v5", c(2, 7, 4, 9), c(3, 5, 1, 6, 4)))
num_cols <- c("conf", "estimate", "level_low", "level_high", "low", "high", "z0", "z0_strict", "acc")
for (col in num_cols) rows[[col]] <- sapply(rows[[col]], fmt)

write_fixture <- function(df, file, comments) {
  path <- file.path(out_dir, file)
  writeLines(paste("#", comments), path)
  suppressWarnings(write.table(df, path, sep = ",", quote = FALSE, row.names = FALSE, append = TRUE))
}
write_fixture(rows, "bootstrap_intervals.csv", c(
  "Exact bootstrap intervals by brute force over all n^n ordered resamples (R expand.grid).",
  "Rscript scripts/reference/bootstrap.R: quantile(t, p, type = 1); z0 = qnorm(mean(t < t0) + mean(t == t0)/2);",
  "a = sum(u^3)/(6 sum(u^2)^1.5), u = (n_k-1)(mean(jack_k) - jack_k)/n_k; expanded: pnorm(sqrt(m/(m-1)) qt(alpha/2, m-1))."))

# The whole exact distribution of the mean for one data set, aggregated by value.
t <- boot_means(c(-12, -15, -9, -20, -10))
key <- round(t, 9)
agg <- aggregate(list(count = rep(1, length(t))), list(value = key), sum)
write_fixture(data.frame(value = sapply(agg$value, fmt), count = agg$count, total = length(t)),
  "bootstrap_distribution.csv", c(
  "Exact bootstrap distribution of mean(c(-12,-15,-9,-20,-10)): all 5^5 ordered resamples,",
  "rowMeans(matrix(x[as.matrix(expand.grid(rep(list(1:5), 5)))], ncol = 5)) aggregated by round(value, 9)."))

# Cliff's delta point estimates against effectsize.
cl <- list(list(c(3, 5, 5, 8, 10), c(1, 3, 4, 5, 6)), list(c(2, 7, 4, 9), c(3, 5, 1, 6, 4)),
           list(c(10, 11, 12), c(1, 2, 3)), list(c(1, 2, 3, 4, 5), c(3, 3, 3, 3, 3)),
           list(c(-13, -20, -8, -15, -10), c(-6, -9, -2, -11, -5, -7)))
cliff_rows <- do.call(rbind, lapply(cl, function(p) data.frame(
  x = fmt(p[[1]]), y = fmt(p[[2]]),
  delta = fmt(effectsize::cliffs_delta(p[[1]], p[[2]])$r_rank_biserial),
  brute = fmt(cliff(p[[1]], p[[2]])))))
write_fixture(cliff_rows, "bootstrap_cliff.csv", c(
  sprintf("Cliff's delta: effectsize::cliffs_delta(x, y)$r_rank_biserial (effectsize %s)",
          packageVersion("effectsize")),
  "and mean(sign(outer(x, y, '-'))) (Cliff 1993)."))

# Sanity only: boot::boot.ci on R's own Monte Carlo (different RNG, norm.inter
# quantiles, z0 counting only t < t0, regression influence values).
set.seed(20230401)
x <- c(0.3, 1.1, 0.2, 4.5, 0.9)
bo <- boot(x, function(d, i) mean(d[i]), R = 100000)
ci <- boot.ci(bo, conf = 0.95, type = c("perc", "bca"))
write_fixture(data.frame(x = fmt(x), method = c("percentile", "bca"),
                         low = c(fmt(ci$percent[4]), fmt(ci$bca[4])),
                         high = c(fmt(ci$percent[5]), fmt(ci$bca[5]))),
  "bootstrap_boot_sanity.csv", c(
  sprintf("set.seed(20230401); boot(x, function(d, i) mean(d[i]), R = 100000) (boot %s);",
          packageVersion("boot")),
  "boot.ci(bo, conf = 0.95, type = c('perc', 'bca')). A loose sanity check: different RNG and conventions."))
