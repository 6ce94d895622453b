#!/usr/bin/env Rscript
# Regenerates tests/reference/effects_cliffs_delta_score.csv (run from the
# repository root: Rscript scripts/reference/cliffs_delta_score.R).
# Cliff's delta: effectsize::cliffs_delta(a, b)$r_rank_biserial.
# Its interval: Newcombe (2006, Stat Med 25:559-573, Part 2) score interval for
# theta = P(A > B) + P(A = B)/2 with the Hanley-McNeil variance and
# N* = (m + n)/2, computed here as a brute force the library does not use:
# the quartic mn (th - t)^2 (2 - t)(1 + t) - z^2 t (1 - t) [(2 - t)(1 + t) +
# (N* - 1)((1 - t)(1 + t) + t (2 - t))] <= 0 is expanded to its coefficients
# and solved with polyroot(); the interval's ends are the smallest and largest
# t in [0, 1] where it holds (0 or 1 when an end of [0, 1] is inside). Each
# end is also found with uniroot() on [0, th] and [th, 1] on the unexpanded
# V(theta) form, and the script stops unless both agree to 1e-9. delta = 2
# theta - 1. No Debian R package ships this interval (nor Brunner-Munzel's).
suppressMessages(library(effectsize))

f17 <- function(x) sprintf("%.17g", x)
vec <- function(x) paste(sprintf("%.17g", x), collapse = " ")
conv <- function(p, q) {
  out <- numeric(length(p) + length(q) - 1)
  for (i in seq_along(p)) for (j in seq_along(q)) out[i + j - 1] <- out[i + j - 1] + p[i] * q[j]
  out
}

score_interval <- function(a, b, conf) {
  m <- length(a); n <- length(b)
  th <- mean(outer(a, b, function(x, y) (x > y) + 0.5 * (x == y)))
  z <- qnorm((1 + conf) / 2)
  k <- (m + n) / 2 - 1
  P <- m * n * conv(c(th^2, -2 * th, 1), c(2, 1, -1)) -
    z^2 * conv(c(0, 1, -1), c(2 + k, 1 + 2 * k, -1 - 2 * k))
  peval <- function(t) sum(P * t^(seq_along(P) - 1))
  r <- polyroot(P)
  r <- sort(Re(r[abs(Im(r)) < 1e-9 & Re(r) >= -1e-12 & Re(r) <= 1 + 1e-12]))
  low <- if (peval(0) <= 0) 0 else min(r[r <= th + 1e-12])
  high <- if (peval(1) <= 0) 1 else max(r[r >= th - 1e-12])
  low <- min(max(low, 0), th); high <- max(min(high, 1), th)
  # cross-check with uniroot on the variance form
  V <- function(t) t * (1 - t) * (1 + k * (1 - t) / (2 - t) + k * t / (1 + t)) / (m * n)
  ul <- if (th == 0) 0 else uniroot(function(t) th - t - z * sqrt(V(t)), c(0, th - 1e-10), tol = 1e-15)$root
  uh <- if (th == 1) 1 else uniroot(function(t) t - th - z * sqrt(V(t)), c(th + 1e-10, 1), tol = 1e-15)$root
  if (abs(ul - low) > 1e-9 || abs(uh - high) > 1e-9) stop(sprintf("polyroot and uniroot disagree: %.12g %.12g vs %.12g %.12g (th %.6g, m %d n %d)", low, high, ul, uh, th, m, n))
  c(theta = th, low = 2 * low - 1, high = 2 * high - 1)
}

set.seed(20230402)
ds <- list(
  example_bdi_change = list(c(-14, -10, -12, -16, -14), c(-5, -2, -8, -3, -6)),
  separation_5v5     = list(c(10, 11, 12, 13, 14), c(1, 2, 3, 4, 5)),
  separation_rev     = list(c(1, 2, 3, 4, 5), c(10, 11, 12, 13, 14)),
  ties_5v5           = list(c(2, 3, 3, 5, 7), c(3, 3, 4, 5, 5)),
  all_tied           = list(c(4, 4, 4), c(4, 4, 4, 4)),
  overlap_4v6        = list(c(21, 25, 19, 30), c(18, 15, 22, 17, 20, 16)),
  sizes_3v7          = list(c(40, 45, 38), c(30, 33, 41, 29, 35, 36, 31)),
  sizes_2v2          = list(c(1, 3), c(2, 4)),
  separation_2v3     = list(c(7, 9), c(1, 3, 4)),
  random_8v8         = list(round(rnorm(8, 1), 3), round(rnorm(8), 3)),
  random_6v9         = list(sample(0:6, 6, TRUE), sample(0:6, 9, TRUE)),
  random_12v10       = list(round(rexp(12), 4), round(rexp(10) + 0.5, 4))
)

rows <- character()
for (name in names(ds)) {
  a <- ds[[name]][[1]]; b <- ds[[name]][[2]]
  d <- effectsize::cliffs_delta(a, b)$r_rank_biserial
  for (conf in c(0.95, 0.9, 0.8)) {
    s <- score_interval(a, b, conf)
    rows <- c(rows, paste(name, vec(a), vec(b), f17(conf), f17(d), f17(s["theta"]), f17(s["low"]),
                          f17(s["high"]), sep = ","))
  }
}
out <- "tests/reference/effects_cliffs_delta_score.csv"
writeLines(c(
  "# Cliff's delta: effectsize::cliffs_delta(a, b)$r_rank_biserial; theta = mean(outer(a, b, '>') + outer(a, b, '==') / 2)",
  "# interval: Newcombe (2006) Part 2 score interval (Hanley-McNeil variance, N* = (m+n)/2) by polyroot() of its quartic,",
  "# checked against uniroot(); ends in delta = 2 theta - 1. scripts/reference/cliffs_delta_score.R",
  paste0("# generated with ", R.version.string, ", effectsize ", packageVersion("effectsize")),
  "case,a,b,conf,delta,theta,low,high",
  rows), out)
cat("wrote", out, "\n")
