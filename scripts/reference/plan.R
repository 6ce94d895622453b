#!/usr/bin/env Rscript
# Regenerates tests/reference/plan_*.csv: reference values for `pilotstat plan`
# (docs/methods/planning.md).
#   plan_grid.csv       the SD's one-sided upper confidence limit and the main
#                       trial's n per arm over a grid of (sd, df, conf, mcid,
#                       alpha, power);
#   plan_retention.csv  Clopper-Pearson intervals of retention and the
#                       attrition-adjusted n;
#   plan_kap_pilot.csv  the whole computation on data/examples/kap_pilot.csv
#                       for each measure and endpoint (change, raw, ancova).
# Run from the repository root: Rscript scripts/reference/plan.R
# Needs: pwr (Debian r-cran-pwr).
suppressPackageStartupMessages(library(pwr))
source("scripts/reference/lib/fixture_writer.R")
gen <- sprintf("scripts/reference/plan.R with R %s, pwr %s", getRversion(), packageVersion("pwr"))

ucl <- function(sd, df, conf) sqrt(df * sd^2 / qchisq(1 - conf, df))
# n per arm: pwr.t.test's n rounded up, checked against the smallest whole n
# whose power reaches the target (pwr's uniroot has a loose default tolerance,
# so a real n just above an integer could round the wrong way; the grid
# stops if that ever happens rather than writing a doubtful value).
n_per_arm <- function(mcid, sd, alpha, power) {
  n <- ceiling(pwr.t.test(d = mcid / sd, sig.level = alpha, power = power)$n)
  reach <- function(k) pwr.t.test(n = k, d = mcid / sd, sig.level = alpha)$power >= power
  if (!reach(n) || (n > 2 && reach(n - 1))) stop("pwr.t.test's ceiling is ambiguous at ", mcid, "/", sd)
  n
}

# ---- grid ------------------------------------------------------------------
g <- expand.grid(sd = c(1, 3.5, 4.2661458015403093), df = c(2, 4, 8, 18, 38), conf = c(0.8, 0.9, 0.95),
                 mcid = c(2, 5), alpha = c(0.05, 0.01), power = c(0.8, 0.9))
g$sd_ucl <- ucl(g$sd, g$df, g$conf)
g$n_per_arm <- mapply(n_per_arm, g$mcid, g$sd_ucl, g$alpha, g$power)
g$n_per_arm_pooled_sd <- mapply(n_per_arm, g$mcid, g$sd, g$alpha, g$power)
write_fixture_file("plan_grid.csv", paste(
  "sd_ucl = sqrt(df * sd^2 / qchisq(1 - conf, df));",
  "n_per_arm = ceiling(pwr::pwr.t.test(d = mcid / sd_ucl, sig.level = alpha, power = power)$n)",
  "(two-sided two-sample), n_per_arm_pooled_sd the same with d = mcid / sd"), g, gen)

# ---- retention ---------------------------------------------------------------
r <- do.call(rbind, lapply(c(5, 10, 12), function(N) expand.grid(retained = 0:N, randomized = N, n = c(8, 19, 29))))
ci <- t(mapply(function(x, N) binom.test(x, N)$conf.int, r$retained, r$randomized))
r$ci_low <- ci[, 1]
r$ci_high <- ci[, 2]
# the small offset keeps exact multiples (n / (5/10) = 2n) from rounding up
r$n_attrition <- ifelse(r$retained == 0, NA, ceiling(r$n / (r$retained / r$randomized) - 1e-9))
write_fixture_file("plan_retention.csv", paste(
  "ci_low, ci_high = binom.test(retained, randomized)$conf.int (Clopper-Pearson, 95%);",
  "n_attrition = ceiling(n / (retained / randomized)), NA when retained = 0"), r, gen)

# ---- the example study ------------------------------------------------------------
d <- read.csv("data/examples/kap_pilot.csv", stringsAsFactors = FALSE)
# pilotstat snaps BPI interference (a mean of 7 items, written to 4 decimals)
# to its grid; every example score is a multiple of 1/7 (docs/instruments.md).
bi <- d$measure == "bpi_interference"
d$score[bi] <- round(d$score[bi] * 7) / 7
# MCIDs as docs/instruments.md sources them: points, or percent of the pilot's
# mean at T0 (both arms); NA where none is known.
mcid_of <- function(m, base) switch(m, bdi = 0.175 * mean(base), pcl5 = 10, bpi_severity = 0.30 * mean(base), NA)
pooled <- function(x, grp) {
  ss <- sum(tapply(x, grp, function(v) sum((v - mean(v))^2)))
  df <- length(x) - length(unique(grp))
  c(sqrt(ss / df), df)
}
rows <- list()
for (m in unique(d$measure)) {
  w <- reshape(d[d$measure == m, c("subject", "group", "time", "score")], idvar = c("subject", "group"),
               timevar = "time", direction = "wide")
  w$group <- factor(w$group, levels = unique(d$group))
  mc <- mcid_of(m, w$score.T0)
  for (ep in c("change", "raw", "ancova")) {
    s <- switch(ep,
      change = pooled(w$score.T3 - w$score.T0, w$group),
      raw = pooled(w$score.T3, w$group),
      ancova = { f <- lm(score.T3 ~ group + score.T0, data = w); c(summary(f)$sigma, f$df.residual) })
    u <- ucl(s[1], s[2], 0.8)
    rows[[length(rows) + 1]] <- data.frame(measure = m, endpoint = ep, sd_pooled = s[1], df = s[2], sd_ucl = u,
      mcid = mc, n_per_arm = if (is.na(mc)) NA else n_per_arm(mc, u, 0.05, 0.9),
      n_per_arm_pooled_sd = if (is.na(mc)) NA else n_per_arm(mc, s[1], 0.05, 0.9), stringsAsFactors = FALSE)
  }
}
write_fixture_file("plan_kap_pilot.csv", paste(
  "data/examples/kap_pilot.csv (bpi_interference snapped: round(score * 7) / 7), T0 -> T3, sd_conf 0.8, alpha 0.05, power 0.9:",
  "change/raw: pooled within-arm SD (df = n - 2); ancova: summary(lm(T3 ~ group + T0))$sigma (df = n - 3);",
  "sd_ucl = sqrt(df * sd^2 / qchisq(0.2, df)); n from pwr::pwr.t.test as in plan_grid.csv;",
  "mcid: bdi 17.5% and bpi_severity 30% of the T0 mean, pcl5 10 points (docs/instruments.md)"),
  do.call(rbind, rows), gen)

# ---- feasibility: completeness and progression criteria ------------------------
# tests/reference/plan_missing_input.csv has missing scores (NA) in both arms.
f <- read.csv("tests/reference/plan_missing_input.csv", stringsAsFactors = FALSE)
cp <- function(x, n) binom.test(x, n)$conf.int
rows <- list()
for (m in unique(f$measure)) for (t in unique(f$time)) {
  s <- f[f$measure == m & f$time == t, ]
  for (g in c(unique(f$group), "all")) {
    x <- if (g == "all") s else s[s$group == g, ]
    k <- sum(!is.na(x$score)); n <- nrow(x); ci <- cp(k, n)
    rows[[length(rows) + 1]] <- data.frame(measure = m, time = t, group = g, scored = k, of = n,
      completeness = k / n, ci_low = ci[1], ci_high = ci[2], stringsAsFactors = FALSE)
  }
}
write_fixture_file("plan_completeness.csv", paste(
  "tests/reference/plan_missing_input.csv: per measure, time and arm (all = both arms):",
  "scored = participants with a score, completeness = scored / of,",
  "ci_low, ci_high = binom.test(scored, of)$conf.int (Clopper-Pearson, 95%)"), do.call(rbind, rows), gen)

# Progression with --randomized 9 (one randomized participant absent from the
# data) and the thresholds of data/examples/progression.csv: the light of the
# estimate and of each interval limit is green at >= green, amber at >= amber.
th <- read.csv("data/examples/progression.csv", stringsAsFactors = FALSE)
light <- function(p, g, a) ifelse(p >= g, "green", ifelse(p >= a, "amber", "red"))
rows <- list()
for (i in seq_len(nrow(th))) for (m in unique(f$measure)) {
  w <- reshape(f[f$measure == m, c("subject", "group", "time", "score")], idvar = c("subject", "group"),
               timevar = "time", direction = "wide")
  k <- if (th$criterion[i] == "retention") sum(!is.na(w$score.T2)) else sum(complete.cases(w))
  ci <- cp(k, 9)
  rows[[length(rows) + 1]] <- data.frame(criterion = th$criterion[i], measure = m, count = k, of = 9,
    estimate = k / 9, ci_low = ci[1], ci_high = ci[2], green = th$green[i], amber = th$amber[i],
    light = light(k / 9, th$green[i], th$amber[i]), light_low = light(ci[1], th$green[i], th$amber[i]),
    light_high = light(ci[2], th$green[i], th$amber[i]), stringsAsFactors = FALSE)
}
write_fixture_file("plan_progression.csv", paste(
  "tests/reference/plan_missing_input.csv with --randomized 9, --to T2, thresholds of data/examples/progression.csv:",
  "retention = scored at T2 / 9, completeness = scored at every visit / 9,",
  "ci = binom.test(count, 9)$conf.int; light = green if >= green, amber if >= amber, else red"),
  do.call(rbind, rows), gen)
