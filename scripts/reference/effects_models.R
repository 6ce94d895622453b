# Reference values for effects/hedges_g, effects/hodges_lehmann,
# stats/proportions, inference/contingency_tests (Fisher), models/ancova and
# models/summary_measures. Writes tests/reference/effects_*.csv.
#
# Run from the repository root:  Rscript scripts/reference/effects_models.R
# Needs: r-base-core, r-cran-effectsize. Numbers are written with 17
# significant digits; each file's first line cites the R call.
suppressPackageStartupMessages(library(effectsize))

source("scripts/reference/lib/fixture_writer.R")  # fmt(), write_fixture_file()
write_fixture <- function(name, comment, df) {
  write_fixture_file(name, comment, df, sprintf("scripts/reference/effects_models.R with %s, effectsize %s", R.version.string, packageVersion("effectsize")))
}

# --- two-sample data sets (group A, group B): sizes and features named ---
two_sample <- list(
  s5v5      = list(a = c(-14, -9, -17, -12, -15), b = c(-4, -6, -2, -8, -5)),
  s4v6      = list(a = c(3.1, 4.7, 2.2, 5.9), b = c(1.4, 2.8, 0.3, 3.6, 1.9, 2.5)),
  s3v7      = list(a = c(21, 30, 26), b = c(18, 25, 12, 15, 22, 9, 17)),
  s6v6      = list(a = c(12, 15, 9, 20, 17, 11), b = c(14, 8, 10, 13, 7, 6)),
  s8v8      = list(a = c(5.2, 6.1, 4.8, 7.3, 5.9, 6.6, 4.1, 5.5),
                   b = c(4.9, 5.8, 3.7, 4.4, 6.2, 3.9, 4.6, 5.1)),
  ties      = list(a = c(3, 5, 5, 7, 9), b = c(2, 3, 5, 5, 6)),
  negative  = list(a = c(-2.5, -7.1, -0.4, -3.3, -5.8), b = c(1.2, -0.9, 2.6, -1.7, 0.5)),
  quarter   = list(a = c(4.25, 5.5, 3.75, 6, 4.5), b = c(6.25, 7, 5.75, 6.5, 7.75))
)
has_ties <- function(a, b) any(duplicated(c(a, b)))

# --- Hedges' g: effectsize::hedges_g (optim-based ncp search, ~1e-5) and the
#     same construction with a tight uniroot ncp search (the 1e-6 target) ---
ncp_root <- function(t, df, p) {
  f <- function(ncp) pt(t, df, ncp) - p
  uniroot(f, c(t - 50, t + 50), tol = 1e-14, extendInt = "yes")$root
}
hedges_rows <- list()
for (nm in names(two_sample)) for (conf in c(0.95, 0.90)) {
  a <- two_sample[[nm]]$a; b <- two_sample[[nm]]$b
  na <- length(a); nb <- length(b); df <- na + nb - 2
  es_g <- hedges_g(a, b, ci = conf)
  es_d <- cohens_d(a, b, ci = conf)
  sp <- sqrt(((na - 1) * var(a) + (nb - 1) * var(b)) / df)
  d <- (mean(a) - mean(b)) / sp
  J <- exp(lgamma(df / 2) - log(sqrt(df / 2)) - lgamma((df - 1) / 2))
  t <- d / sqrt(1 / na + 1 / nb)
  lo <- ncp_root(t, df, (1 + conf) / 2) * sqrt(1 / na + 1 / nb)
  hi <- ncp_root(t, df, (1 - conf) / 2) * sqrt(1 / na + 1 / nb)
  hedges_rows[[length(hedges_rows) + 1]] <- data.frame(
    dataset = nm, a = fmt(a), b = fmt(b), conf = conf, pooled_sd = sp, d = d, g = d * J, J = J,
    d_low = lo, d_high = hi, g_low = lo * J, g_high = hi * J,
    es_d = es_d$Cohens_d, es_g = es_g$Hedges_g, es_g_low = es_g$CI_low, es_g_high = es_g$CI_high)
}
write_fixture("effects_hedges_g.csv",
  "effectsize::hedges_g(a, b, ci = conf) (es_*); d, g, CI by uniroot(pt(t, df, ncp) - p, tol = 1e-14) * sqrt(1/na + 1/nb) * J (d_*, g_*)",
  do.call(rbind, hedges_rows))

# --- Hodges-Lehmann shift with exact CI ---
hl_formula <- function(a, b, conf) {
  diffs <- sort(outer(a, b, `-`))
  qu <- qwilcox((1 - conf) / 2, length(a), length(b))
  if (qu == 0) qu <- 1
  ql <- length(a) * length(b) - qu
  c(median(diffs), diffs[qu], diffs[ql + 1], 1 - 2 * pwilcox(trunc(qu) - 1, length(a), length(b)))
}
hl_rows <- list()
for (nm in names(two_sample)) for (conf in c(0.95, 0.90, 0.80)) {
  a <- two_sample[[nm]]$a; b <- two_sample[[nm]]$b
  f <- hl_formula(a, b, conf)
  if (!has_ties(a, b)) {
    w <- suppressWarnings(wilcox.test(a, b, conf.int = TRUE, conf.level = conf, exact = TRUE))
    stopifnot(isTRUE(all.equal(unname(c(w$estimate, w$conf.int)), f[1:3], tolerance = 1e-15)))
    src <- "wilcox.test"
  } else {
    src <- "order-statistics"
  }
  hl_rows[[length(hl_rows) + 1]] <- data.frame(
    dataset = nm, a = fmt(a), b = fmt(b), conf = conf, estimate = f[1], low = f[2], high = f[3],
    achieved_conf = f[4], source = src)
}
write_fixture("effects_hodges_lehmann.csv",
  "wilcox.test(a, b, conf.int = TRUE, conf.level = conf, exact = TRUE) (untied); achieved_conf = 1 - 2 * pwilcox(qu - 1, na, nb); ties: sort(outer(a, b, '-'))[c(qu, na*nb - qu + 1)] with qu = qwilcox((1 - conf)/2, na, nb)",
  do.call(rbind, hl_rows))

# --- Clopper-Pearson and Wilson intervals for one proportion ---
prop_rows <- list()
for (xn in list(c(0, 5), c(1, 5), c(2, 5), c(5, 5), c(3, 10), c(0, 1), c(1, 1), c(7, 12), c(48, 80), c(4, 4)))
  for (conf in c(0.95, 0.90)) {
    x <- xn[1]; n <- xn[2]
    cp <- binom.test(x, n, conf.level = conf)$conf.int
    wi <- suppressWarnings(prop.test(x, n, conf.level = conf, correct = FALSE)$conf.int)
    prop_rows[[length(prop_rows) + 1]] <- data.frame(x = x, n = n, conf = conf,
      cp_low = cp[1], cp_high = cp[2], wilson_low = wi[1], wilson_high = wi[2])
  }
write_fixture("effects_proportions.csv",
  "binom.test(x, n, conf.level = conf)$conf.int (cp_*); prop.test(x, n, conf.level = conf, correct = FALSE)$conf.int (wilson_*)",
  do.call(rbind, prop_rows))

# --- Newcombe (1998) method 10: hybrid score interval for p1 - p2, written
#     from the paper's formula on prop.test(correct = FALSE) Wilson limits ---
wilson <- function(x, n, conf) suppressWarnings(prop.test(x, n, conf.level = conf, correct = FALSE)$conf.int)
newcombe10 <- function(x1, n1, x2, n2, conf) {
  p1 <- x1 / n1; p2 <- x2 / n2
  w1 <- wilson(x1, n1, conf); w2 <- wilson(x2, n2, conf)
  c(p1 - p2 - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2),
    p1 - p2 + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}
nc_rows <- list()
for (e in list(c(56, 70, 48, 80), c(9, 10, 3, 10), c(6, 7, 2, 7), c(5, 56, 0, 29),
               c(0, 10, 0, 20), c(10, 10, 0, 20), c(4, 5, 1, 5), c(2, 5, 3, 5), c(5, 5, 5, 5)))
  for (conf in c(0.95, 0.90)) {
    ci <- newcombe10(e[1], e[2], e[3], e[4], conf)
    nc_rows[[length(nc_rows) + 1]] <- data.frame(x1 = e[1], n1 = e[2], x2 = e[3], n2 = e[4],
      conf = conf, low = ci[1], high = ci[2])
  }
write_fixture("effects_newcombe.csv",
  "Newcombe (1998) method 10 from the paper: p1 - p2 -/+ sqrt((p1 - l1)^2 + (u2 - p2)^2), sqrt((u1 - p1)^2 + (p2 - l2)^2), (l, u) = prop.test(x, n, conf.level = conf, correct = FALSE)$conf.int",
  do.call(rbind, nc_rows))

# --- Fisher's exact test, 2x2: rows = groups A, B; columns = responder, not ---
f2_rows <- list()
for (e in list(c(5, 5, 0, 5), c(4, 5, 1, 5), c(3, 5, 1, 5), c(2, 5, 2, 5), c(0, 5, 0, 5),
               c(4, 4, 1, 6), c(3, 3, 0, 7), c(6, 6, 1, 6), c(7, 8, 2, 8), c(1, 8, 6, 8),
               c(12, 20, 5, 20), c(0, 3, 7, 7)))
  for (alt in c("two.sided", "less", "greater")) {
    m <- matrix(c(e[1], e[3], e[2] - e[1], e[4] - e[3]), 2)
    f2_rows[[length(f2_rows) + 1]] <- data.frame(xa = e[1], na = e[2], xb = e[3], nb = e[4],
      alternative = alt, p = fisher.test(m, alternative = alt)$p.value)
  }
write_fixture("effects_fisher_2x2.csv",
  "fisher.test(matrix(c(xa, xb, na - xa, nb - xb), 2), alternative = alternative)$p.value",
  do.call(rbind, f2_rows))

# --- Freeman-Halton (fisher.test on r x c); table given row by row ---
rc_tables <- list(
  matrix(c(3, 1, 1, 1, 2, 2), 2, byrow = TRUE),
  matrix(c(5, 0, 0, 0, 2, 3), 2, byrow = TRUE),
  matrix(c(2, 2, 1, 0, 1, 1, 3, 0), 2, byrow = TRUE),
  matrix(c(4, 1, 0, 1, 3, 1, 0, 1, 4), 3, byrow = TRUE),
  matrix(c(6, 2, 1, 2, 5, 3), 2, byrow = TRUE),
  matrix(c(1, 2, 3, 3, 2, 1), 2, byrow = TRUE),
  matrix(c(2, 3, 4, 1), 2, byrow = TRUE),
  matrix(c(3, 0, 2, 1, 4, 0, 0, 1, 3, 2, 0, 1), 3, byrow = TRUE))
rc_rows <- list()
for (m in rc_tables)
  rc_rows[[length(rc_rows) + 1]] <- data.frame(nrow = nrow(m), ncol = ncol(m),
    cells = fmt(as.vector(t(m))), p = fisher.test(m)$p.value)
write_fixture("effects_fisher_rxc.csv",
  "fisher.test(matrix(cells, nrow, byrow = TRUE))$p.value (cells listed row by row)",
  do.call(rbind, rc_rows))

# --- ANCOVA: post ~ group + baseline, group coded A = 1, B = 0 (A - B) ---
ancova_sets <- list(
  s5v5     = list(pa = c(14, 20, 11, 18, 9), ba = c(28, 31, 25, 30, 22),
                  pb = c(24, 22, 27, 19, 25), bb = c(29, 26, 33, 24, 30)),
  s4v6     = list(pa = c(3.1, 4.7, 2.2, 5.9), ba = c(6.2, 7.0, 5.1, 7.9),
                  pb = c(5.4, 6.8, 4.3, 7.6, 5.9, 6.5), bb = c(6.0, 7.4, 4.8, 7.7, 6.6, 6.9)),
  s3v7     = list(pa = c(21, 30, 26), ba = c(35, 41, 38),
                  pb = c(33, 35, 28, 31, 36, 25, 30), bb = c(36, 39, 30, 34, 40, 29, 33)),
  s6v6     = list(pa = c(12, 15, 9, 20, 17, 11), ba = c(25, 27, 22, 31, 30, 23),
                  pb = c(24, 18, 20, 23, 17, 16), bb = c(28, 22, 24, 27, 21, 20)),
  s8v8     = list(pa = c(5.2, 6.1, 4.8, 7.3, 5.9, 6.6, 4.1, 5.5), ba = c(6.8, 7.1, 6.2, 8.0, 7.5, 7.9, 5.9, 6.6),
                  pb = c(6.9, 7.8, 5.7, 6.4, 8.2, 5.9, 6.6, 7.1), bb = c(7.0, 8.1, 6.1, 6.5, 8.3, 6.0, 6.9, 7.2)),
  ties     = list(pa = c(10, 12, 12, 15, 10), ba = c(20, 22, 22, 25, 21),
                  pb = c(18, 18, 20, 21, 19), bb = c(21, 20, 22, 24, 21)),
  negative = list(pa = c(-2.5, -7.1, -0.4, -3.3, -5.8), ba = c(1.0, -3.2, 2.1, 0.4, -1.5),
                  pb = c(1.2, -0.9, 2.6, -1.7, 0.5), bb = c(0.8, -1.1, 2.0, -2.4, 0.3)),
  quarter  = list(pa = c(4.25, 5.5, 3.75, 6, 4.5), ba = c(6.5, 7.25, 6, 7.75, 6.25),
                  pb = c(6.25, 7, 5.75, 6.5, 7.75), bb = c(6.75, 7, 6.5, 6.25, 7.5))
)
perm_p <- function(post, base, na) {
  n <- length(post)
  stat <- function(idx) {
    g <- as.numeric(seq_len(n) %in% idx)
    unname(coef(lm(post ~ g + base))["g"])
  }
  obs <- stat(seq_len(na))
  all <- apply(combn(n, na), 2, stat)
  mu <- mean(all)
  tol <- 1e-9 * max(abs(all))
  c(mean(abs(all - mu) >= abs(obs - mu) - tol), length(all))
}
an_rows <- list()
for (nm in names(ancova_sets)) for (conf in c(0.95, 0.90)) {
  s <- ancova_sets[[nm]]
  post <- c(s$pa, s$pb); base <- c(s$ba, s$bb)
  group <- c(rep(1, length(s$pa)), rep(0, length(s$pb)))
  fit <- lm(post ~ group + base)
  cf <- summary(fit)$coefficients
  ci <- confint(fit, "group", level = conf)
  pp <- perm_p(post, base, length(s$pa))
  an_rows[[length(an_rows) + 1]] <- data.frame(dataset = nm, post_a = fmt(s$pa), base_a = fmt(s$ba),
    post_b = fmt(s$pb), base_b = fmt(s$bb), conf = conf,
    estimate = cf["group", 1], se = cf["group", 2], t = cf["group", 3], df = fit$df.residual,
    p = cf["group", 4], low = ci[1], high = ci[2], slope = cf["base", 1], intercept = cf["(Intercept)", 1],
    sigma = summary(fit)$sigma, perm_p = pp[1], splits = pp[2])
}
write_fixture("effects_ancova.csv",
  "lm(post ~ group + base), group = 1 for A; summary()$coefficients, confint(fit, 'group', level = conf); perm_p: all combn(n, na) splits, coef of refitted lm, P(|T - mean| >= |t - mean| - 1e-9 max|T|)",
  do.call(rbind, an_rows))

# --- per-subject slope and time-averaged AUC (Matthews et al. 1990) ---
sm_sets <- list(
  list(x = c(0, 1, 3, 6), y = c(30, 25, 21, 14)),
  list(x = c(0, 1, 3, 6), y = c(12, 12, 12, 12)),
  list(x = c(0, 1, 2, 3), y = c(5.25, 4.5, 4.75, 3.25)),
  list(x = c(0, 6), y = c(40, 22)),
  list(x = c(0, 2, 4, 8, 12), y = c(-1.5, 0.5, 2.25, 1.75, 3)),
  list(x = c(1, 2.5, 4), y = c(7, 3, 8)),
  list(x = c(0, 1, 3, 6), y = c(21, 24, 17, 9)),
  list(x = c(0, 0.5, 1, 1.5, 2, 2.5), y = c(10, 9.5, 11, 8, 7.25, 6))
)
sm_rows <- list()
for (s in sm_sets) {
  auc <- sum(diff(s$x) * (head(s$y, -1) + tail(s$y, -1)) / 2)
  sm_rows[[length(sm_rows) + 1]] <- data.frame(times = fmt(s$x), scores = fmt(s$y),
    slope = unname(coef(lm(s$y ~ s$x))[2]), auc = auc, auc_mean = auc / (max(s$x) - min(s$x)))
}
write_fixture("effects_summary_measures.csv",
  "slope = coef(lm(scores ~ times))[2]; auc = sum(diff(times) * (head(scores, -1) + tail(scores, -1)) / 2); auc_mean = auc / (max(times) - min(times))",
  do.call(rbind, sm_rows))
