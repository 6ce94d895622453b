# Reference analysis in R (stats, coin, boot) of one long-format study CSV:
# the quantities `pilotstat report` computes, for scripts/bench/run to check
# agreement and to time. Usage:
#   Rscript reference.R FILE.csv [FILE2.csv ...]      (several files: one session)
# Output (stdout, with one file): CSV rows  kind,measure,group,from,to,quantity,value
#   describe  per measure x group x time: n, mean, sd, se, ci_low, ci_high
#             (t interval), median, q1, q3 (quantile type 7), min, max
#   change    per measure x group, baseline -> last time (complete pairs):
#             mean_change, sd_change, pct_change_of_means, p_signflip (exact,
#             all 2^n sign vectors), p_signrank (coin::wilcoxsign_test exact,
#             Pratt zeros), p_t (t.test paired), boot_ci_low/high (boot::boot,
#             R = 10000, expanded-percentile levels, Hesterberg 2015)
#   compare   per measure, change baseline -> last time, first group minus
#             second: mean_diff, p_perm (coin::oneway_test exact), p_wmw
#             (coin::wilcox_test exact), p_welch (t.test), boot_ci_low/high
#             (boot::boot stratified, R = 10000, expanded levels),
#             p_holm (p.adjust "holm" over the measures: p_perm; for change,
#             p_signflip per arm) -- pilotstat report's p_verdict
# Change scores are rounded to 9 decimals: scores are written with at most 4,
# and 5.8571 - 4.5714 must tie with 6.4286 - 5.1429 (pilotstat reads exact
# decimals; raw double differences would break such ties by rounding noise).
suppressPackageStartupMessages({
  library(coin)
  library(boot)
})
set.seed(20230401)
B <- 10000
conf <- 0.95

# Hesterberg's expanded percentile levels (resample::ExpandProbs).
expanded <- function(n) {
  a <- (1 - conf) / 2
  p <- pnorm(sqrt(n / (n - 1)) * qt(a, n - 1))
  c(p, 1 - p)
}
# Type-1 quantile of the bootstrap replicates (pilotstat's weighted quantile).
q1 <- function(t, p) quantile(t, p, type = 1, names = FALSE)

signflip_p <- function(d) {
  n <- length(d)
  s <- as.matrix(expand.grid(rep(list(c(-1, 1)), n)))
  stat <- as.vector(s %*% abs(d)) / n
  obs <- mean(d)
  tol <- 1e-9 * max(abs(stat))
  mean(abs(stat) >= abs(obs) - tol)
}

# t.test refuses constant differences; pilotstat then reports no p (a note).
safe_t <- function(...) tryCatch(t.test(...)$p.value, error = function(e) NA_real_)

emit <- function(kind, measure, group, from, to, q, v) {
  if (is.na(v)) return(invisible())
  rows <<- c(rows, sprintf("%s,%s,%s,%s,%s,%s,%.17g", kind, measure, group, from, to, q, v))
}

analyse <- function(file) {
  d <- read.csv(file, na.strings = c("", "NA", "NaN", "."), stringsAsFactors = FALSE)
  times <- unique(d$time)
  groups <- unique(d$group)
  measures <- unique(d$measure)
  base <- times[1]
  rows <<- character(0)
  for (m in measures) for (g in groups) for (tm in times) {
    x <- d$score[d$measure == m & d$group == g & d$time == tm]
    x <- x[!is.na(x)]
    n <- length(x); s <- sd(x); se <- s / sqrt(n); h <- qt(0.975, n - 1) * se
    qs <- quantile(x, c(0.5, 0.25, 0.75), type = 7, names = FALSE)
    v <- c(n = n, mean = mean(x), sd = s, se = se, ci_low = mean(x) - h, ci_high = mean(x) + h,
           median = qs[1], q1 = qs[2], q3 = qs[3], min = min(x), max = max(x))
    for (q in names(v)) emit("describe", m, g, "", tm, q, v[[q]])
  }
  wide <- function(m, tm) {
    x <- d[d$measure == m & d$time == tm, c("subject", "group", "score")]
    setNames(x$score, x$subject)
  }
  group_of <- setNames(d$group, d$subject)
  pcomp <- c()
  pchange <- setNames(lapply(groups, function(g) c()), groups)
  for (m in measures) {
    x0 <- wide(m, base)
    for (tm in times[length(times)]) {
      x1 <- wide(m, tm)
      for (g in groups) {
        ids <- intersect(names(x0), names(x1))
        ids <- ids[group_of[ids] == g & !is.na(x0[ids]) & !is.na(x1[ids])]
        a <- x0[ids]; b <- x1[ids]; dd <- round(unname(b - a), 9); n <- length(dd)
        emit("change", m, g, base, tm, "mean_change", mean(dd))
        emit("change", m, g, base, tm, "sd_change", sd(dd))
        emit("change", m, g, base, tm, "pct_change_of_means", (mean(b) - mean(a)) / mean(a) * 100)
        psf <- signflip_p(dd)
        pchange[[g]][m] <- psf
        emit("change", m, g, base, tm, "p_signflip", psf)
        id <- factor(seq_len(n))
        sr <- wilcoxsign_test(unname(b) ~ unname(a), zero.method = "Pratt", distribution = "exact")
        emit("change", m, g, base, tm, "p_signrank", pvalue(sr))
        emit("change", m, g, base, tm, "p_t", safe_t(b, a, paired = TRUE))
        bt <- boot(dd, function(z, i) mean(z[i]), R = B)$t[, 1]
        lv <- expanded(n)
        emit("change", m, g, base, tm, "boot_ci_low", q1(bt, lv[1]))
        emit("change", m, g, base, tm, "boot_ci_high", q1(bt, lv[2]))
      }
    }
    last <- times[length(times)]
    x1 <- wide(m, last)
    ids <- intersect(names(x0), names(x1))
    ids <- ids[!is.na(x0[ids]) & !is.na(x1[ids])]
    ch <- round(x1[ids] - x0[ids], 9)
    grp <- factor(group_of[ids], levels = groups)
    ca <- unname(ch[grp == groups[1]]); cb <- unname(ch[grp == groups[2]])
    y <- c(ca, cb); f <- factor(rep(groups, c(length(ca), length(cb))), levels = groups)
    pp <- pvalue(oneway_test(y ~ f, distribution = "exact"))
    pcomp[m] <- pp
    emit("compare", m, "", base, last, "mean_diff", mean(ca) - mean(cb))
    emit("compare", m, "", base, last, "p_perm", pp)
    emit("compare", m, "", base, last, "p_wmw", pvalue(wilcox_test(y ~ f, distribution = "exact")))
    emit("compare", m, "", base, last, "p_welch", safe_t(ca, cb))
    bt <- boot(data.frame(y = y, f = f), function(z, i) {
      z <- z[i, ]; mean(z$y[z$f == groups[1]]) - mean(z$y[z$f == groups[2]])
    }, R = B, strata = f)$t[, 1]
    lv <- expanded(min(length(ca), length(cb)))
    emit("compare", m, "", base, last, "boot_ci_low", q1(bt, lv[1]))
    emit("compare", m, "", base, last, "boot_ci_high", q1(bt, lv[2]))
  }
  last <- times[length(times)]
  adj <- p.adjust(pcomp, "holm")
  for (m in names(adj)) emit("compare", m, "", base, last, "p_holm", adj[[m]])
  for (g in groups) {
    adj <- p.adjust(pchange[[g]], "holm")
    for (m in names(adj)) emit("change", m, g, base, last, "p_holm", adj[[m]])
  }
  rows
}

files <- commandArgs(trailingOnly = TRUE)
for (f in files) {
  out <- analyse(f)
  if (length(files) == 1) {
    cat("kind,measure,group,from,to,quantity,value\n")
    cat(out, sep = "\n")
    cat("\n")
  }
}
