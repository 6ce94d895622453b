# Reference values for analysis/individual (Jacobson & Truax 1991 reliable
# change and cut-offs; exact tests on arms x categories tables). Writes
# tests/reference/individual_*.csv.
#
# Run from the repository root:  Rscript scripts/reference/individual.R
# Needs: r-base-core only. Numbers are written with 17 significant digits;
# each file's first line cites the R expression.
source("scripts/reference/lib/fixture_writer.R")  # fmt(), write_fixture_file()
write_fixture <- function(name, comment, df) {
  write_fixture_file(name, comment, df, sprintf("scripts/reference/individual.R with %s", R.version.string))
}

# --- RCI = (x2 - x1) / (sqrt(2) * sd * sqrt(1 - r)) (Jacobson & Truax 1991, eqs. 1-2) ---
# Made-up scores, SDs and reliabilities: a check of the arithmetic only.
rci_sets <- data.frame(
  sd = c(7.5, 7.5, 12, 3.5, 10, 2.2, 4.5),
  r  = c(0.80, 0.80, 0.93, 0.83, 0.82, 0.5, 0.93),
  x1 = c(32, 53, 29, 13, 48, 6.5, 20),
  x2 = c(53, 50, 15, 7, 31, 5.25, 20))
rci_sets$se_m <- rci_sets$sd * sqrt(1 - rci_sets$r)
rci_sets$s_diff <- sqrt(2) * rci_sets$se_m
rci_sets$rci <- (rci_sets$x2 - rci_sets$x1) / rci_sets$s_diff
write_fixture("individual_rci.csv",
  "se_m = sd * sqrt(1 - r); s_diff = sqrt(2) * se_m; rci = (x2 - x1) / s_diff",
  rci_sets)

# --- Cut-offs a, b, c (Jacobson & Truax 1991, p. 13); made-up norms, formula check only ---
# higher_is_worse = 1: the clinical population scores higher.
cut_sets <- data.frame(
  m_clin = c(30, 24, 28, 60, 15.5),
  sd_clin = c(8, 12, 9, 11, 4.25),
  m_func = c(55, 13, 7, 41, 5.5),
  sd_func = c(10, 10, 6, 11, 3.75),
  higher_is_worse = c(0, 1, 1, 1, 1))
hiw <- cut_sets$higher_is_worse == 1
cut_sets$a <- ifelse(hiw, cut_sets$m_clin - 2 * cut_sets$sd_clin, cut_sets$m_clin + 2 * cut_sets$sd_clin)
cut_sets$b <- ifelse(hiw, cut_sets$m_func + 2 * cut_sets$sd_func, cut_sets$m_func - 2 * cut_sets$sd_func)
cut_sets$c <- (cut_sets$sd_clin * cut_sets$m_func + cut_sets$sd_func * cut_sets$m_clin) /
  (cut_sets$sd_clin + cut_sets$sd_func)
write_fixture("individual_cutoffs.csv",
  "a = m_clin -/+ 2 sd_clin; b = m_func +/- 2 sd_func; c = (sd_clin m_func + sd_func m_clin) / (sd_clin + sd_func)",
  cut_sets)

# --- Exact tests on arms x categories (2 x k) tables, arms as rows ---
tables <- list(
  c(5, 0, 0, 4, 1, 0),        # reliable change: improved / none / deteriorated
  c(5, 0, 0, 0, 4, 1),
  c(3, 2, 0, 0, 1, 4),
  c(1, 4, 0, 0, 0, 4, 1, 0),  # clinical change: recovered / improved / unchanged / deteriorated
  c(2, 2, 1, 0, 0, 1, 3, 1),
  c(4, 1, 1, 4),              # 2 x 2
  c(0, 5, 3, 2),
  c(3, 1, 1, 0, 0, 1, 2, 1))
tab_rows <- lapply(tables, function(cells) {
  k <- length(cells) / 2
  m <- matrix(cells, 2, byrow = TRUE)
  keep <- colSums(m) > 0
  data.frame(ncol = k, cells = fmt(cells), p = fisher.test(m[, keep, drop = FALSE])$p.value)
})
write_fixture("individual_fisher.csv",
  "fisher.test(m[, colSums(m) > 0])$p.value, m = matrix(cells, 2, byrow = TRUE) (arms x categories)",
  do.call(rbind, tab_rows))

# --- The example study: BDI-II T0 -> T3, SD from the pooled baseline ---
ex <- read.csv("data/examples/kap_pilot.csv")
bdi <- ex[ex$measure == "bdi", ]
t0 <- bdi[bdi$time == "T0", ]
t3 <- bdi[bdi$time == "T3", ]
t3 <- t3[match(t0$subject, t3$subject), ]
s_diff <- sqrt(2) * sd(t0$score) * sqrt(1 - 0.93)
write_fixture("individual_example.csv",
  "kap_pilot bdi: rci = (T3 - T0) / (sqrt(2) * sd(T0 scores, both arms) * sqrt(1 - 0.93)); pct = 100 (T3 - T0) / T0",
  data.frame(subject = t0$subject, score_from = t0$score, score_to = t3$score,
             sd = sd(t0$score), rci = (t3$score - t0$score) / s_diff,
             pct_change = 100 * (t3$score - t0$score) / t0$score))
