#!/usr/bin/env Rscript
# Regenerates tests/reference/two_sample_*.csv (run from the repository root:
#   Rscript scripts/reference/two_sample.R).
# Two-sample: coin::oneway_test / coin::wilcox_test with distribution = "exact"
# (two-sided = coin's deviation rule), an R brute force over combn() for the
# sizes where it is feasible, stats::t.test for Welch/Student.
# k-sample: coin offers no exact k-sample test, so exact p-values come from a
# brute force over all label assignments; H and its chi-square p from
# stats::kruskal.test; F from stats::oneway.test(var.equal = TRUE).
suppressMessages(library(coin))

f17 <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
vec <- function(x) paste(sprintf("%.17g", x), collapse = " ")
tol_le <- function(s, obs) s <= obs + 1e-9 * max(abs(s))
tol_ge <- function(s, obs) s >= obs - 1e-9 * max(abs(s))

# ---- two-sample data sets (a = group A, b = group B) ----
set.seed(20230401)
ds <- list(
  bdi_change_5v5 = list(c(-14, -10, -12, -16, -14), c(-5, -2, -8, -3, -6)),
  distinct_5v5   = list(c(3, 5, 8, 9, 12), c(1, 2, 4, 6, 7)),
  ties_5v5       = list(c(2, 3, 3, 5, 7), c(3, 3, 4, 5, 5)),
  overlap_5v5    = list(c(10, 14, 9, 12, 15), c(11, 13, 8, 16, 10)),
  sizes_4v6      = list(c(21, 25, 19, 30), c(18, 15, 22, 17, 20, 16)),
  sizes_6v4      = list(c(18, 15, 22, 17, 20, 16), c(21, 25, 19, 30)),
  sizes_3v7      = list(c(40, 45, 38), c(30, 33, 41, 29, 35, 36, 31)),
  sizes_7v3      = list(c(30, 33, 41, 29, 35, 36, 31), c(40, 45, 38)),
  sizes_2v8      = list(c(7, 9), c(1, 3, 4, 2, 6, 5, 8, 3)),
  sizes_1v5      = list(c(10), c(3, 7, 8, 2, 9)),
  sizes_6v6      = list(c(12, 17, 9, 21, 15, 14), c(8, 11, 10, 13, 6, 12)),
  sizes_8v8      = list(c(27, 31, 22, 35, 29, 24, 33, 30), c(25, 20, 28, 19, 23, 26, 21, 24)),
  heavy_ties_6v6 = list(c(0, 1, 1, 2, 2, 2), c(0, 0, 1, 1, 1, 2)),
  heavy_ties_5v7 = list(c(1, 1, 1, 2, 2), c(0, 0, 1, 1, 1, 1, 2)),
  binary_6v6     = list(c(1, 1, 1, 1, 0, 1), c(0, 0, 1, 0, 0, 0)),
  constant_a_5v5 = list(c(4, 4, 4, 4, 4), c(1, 6, 3, 8, 2)),
  all_equal_5v5  = list(c(3, 3, 3, 3, 3), c(3, 3, 3, 3, 3)),
  all_equal_3v4  = list(c(2.5, 2.5, 2.5), c(2.5, 2.5, 2.5, 2.5)),
  separated_5v5  = list(c(20, 21, 22, 23, 24), c(1, 2, 3, 4, 5)),
  quarter_5v5    = list(c(5.25, 6.75, 4.5, 7, 5.75), c(3.25, 4, 2.75, 5.5, 3.5)),
  quarter_ties_5v5 = list(c(5.25, 5.25, 4.5, 7, 5.75), c(4.5, 4, 5.25, 5.5, 3.5)),
  decimals4_4v5  = list(c(5.8571, 4.1429, 6.2857, 3.5714), c(2.7143, 4.8571, 3.0, 1.4286, 5.1429)),
  decimals4_6v6  = list(c(1.2345, 2.3456, 0.9876, 3.1415, 2.7182, 1.4142),
                        c(0.5772, 1.6180, 0.6931, 1.1547, 2.2360, 0.3010)),
  negative_5v5   = list(c(-3.5, -1.25, 0, -7.75, -2), c(1.5, -0.5, 2.25, 0.75, -1)),
  negative_int_4v6 = list(c(-20, -15, -31, -8), c(-5, 2, -12, 0, -3, 4)),
  large_offset_5v5 = list(c(1000003, 1000007, 1000001, 1000009, 1000004),
                          c(1000002, 1000000, 1000005, 1000003, 999998)),
  int_10v10      = list(sample(0:63, 10, TRUE), sample(5:50, 10, TRUE)),
  int_12v12      = list(sample(0:63, 12, TRUE), sample(0:55, 12, TRUE)),
  int_25v25      = list(sample(0:63, 25, TRUE), sample(3:60, 25, TRUE)),
  int_50v50      = list(sample(0:63, 50, TRUE), sample(0:63, 50, TRUE)),
  bpi_20v20      = list(sample(seq(0, 10, 0.25), 20, TRUE), sample(seq(0, 10, 0.25), 20, TRUE)),
  real_8v8       = list(round(rnorm(8, 1, 1), 3), round(rnorm(8, 0, 1), 3)),
  unequal_9v4    = list(sample(0:21, 9, TRUE), sample(0:21, 4, TRUE))
)

brute_two <- function(y, na, stat) {
  n <- length(y)
  if (choose(n, na) > 200000) return(NULL)
  cmb <- combn(n, na)
  apply(cmb, 2, function(i) stat(y[i], y[-i]))
}
brute_p <- function(s, obs, alt) {
  m <- mean(s)  # deviation rule around the permutation mean
  switch(alt,
         greater = mean(tol_ge(s, obs)),
         less = mean(tol_le(s, obs)),
         two.sided = mean(abs(s - m) >= abs(obs - m) - 1e-9 * max(abs(s - m))))
}
coin_p <- function(fun, y, g, alt) {
  out <- tryCatch(pvalue(fun(y ~ g, distribution = "exact", alternative = alt)),
                  error = function(e) NA_real_)
  as.numeric(out)
}

perm_rows <- c(); wmw_rows <- c(); t_rows <- c()
for (id in names(ds)) {
  a <- ds[[id]][[1]]; b <- ds[[id]][[2]]; y <- c(a, b)
  g <- factor(rep(c("A", "B"), c(length(a), length(b))), levels = c("A", "B"))
  r <- rank(y); na <- length(a)
  md <- mean(a) - mean(b)
  w <- sum(r[1:na]) - na * (na + 1) / 2
  s_md <- brute_two(y, na, function(u, v) mean(u) - mean(v))
  s_w <- brute_two(r, na, function(u, v) sum(u) - na * (na + 1) / 2)
  for (alt in c("two.sided", "less", "greater")) {
    pb <- if (is.null(s_md)) NA else brute_p(s_md, md, alt)
    pc <- coin_p(oneway_test, y, g, alt)
    perm_rows <- c(perm_rows, paste(id, vec(a), vec(b), alt, f17(md), f17(pc), f17(pb), sep = ","))
    pbw <- if (is.null(s_w)) NA else brute_p(s_w, w, alt)
    pcw <- coin_p(wilcox_test, y, g, alt)
    wmw_rows <- c(wmw_rows, paste(id, vec(a), vec(b), alt, f17(w), f17(w / (na * length(b))),
                                  f17(pcw), f17(pbw), sep = ","))
    for (ve in c(FALSE, TRUE)) {
      tt <- tryCatch(t.test(a, b, var.equal = ve, alternative = alt), error = function(e) NULL)
      if (is.null(tt) || !is.finite(tt$statistic)) next
      ci <- t.test(a, b, var.equal = ve)$conf.int  # two-sided 95% interval
      t_rows <- c(t_rows, paste(id, vec(a), vec(b), ve, alt, f17(tt$statistic), f17(tt$parameter),
                                f17(tt$p.value), f17(ci[1]), f17(ci[2]), sep = ","))
    }
  }
}

write_fixture <- function(file, calls, header, rows) {
  con <- file(file.path("tests/reference", file), "w")
  writeLines(paste("#", calls), con)
  writeLines(header, con)
  writeLines(rows, con)
  close(con)
}
write_fixture("two_sample_perm.csv",
  c("coin::pvalue(coin::oneway_test(y ~ g, distribution = \"exact\", alternative = alt)), g = factor(A, B)",
    "p_brute: R brute force over combn(N, n_a) of mean(A) - mean(B); two-sided = deviation rule; NA = not run (too many splits)",
    "p_coin NA = coin failed (all values equal); expected p = 1"),
  "id,a,b,alternative,mean_diff,p_coin,p_brute", perm_rows)
write_fixture("two_sample_wmw.csv",
  c("coin::pvalue(coin::wilcox_test(y ~ g, distribution = \"exact\", alternative = alt)); W = sum(rank(y)[A]) - nA(nA+1)/2 as wilcox.test(a, b)$statistic",
    "p_brute: R brute force over combn(N, n_a) of the mid-rank sum (exact conditional on ties); prob_sup = W / (nA nB)"),
  "id,a,b,alternative,w,prob_sup,p_coin,p_brute", wmw_rows)
write_fixture("two_sample_t.csv",
  c("t.test(a, b, var.equal = var_equal, alternative = alt): statistic, parameter, p.value; ci = t.test(a, b, var.equal = var_equal)$conf.int (two-sided 95%)"),
  "id,a,b,var_equal,alternative,t,df,p,ci_low,ci_high", t_rows)

# ---- k-sample data sets ----
ks <- list(
  k3_3x3     = list(c(5, 7, 9), c(1, 2, 4), c(6, 8, 3)),
  k3_3x3_sep = list(c(10, 11, 12), c(1, 2, 3), c(5, 6, 7)),
  k3_ties    = list(c(1, 2, 2), c(2, 3, 3), c(1, 1, 3)),
  k3_4_3_3   = list(c(12, 15, 11, 18), c(9, 8, 13), c(20, 17, 16)),
  k3_quarter = list(c(2.25, 3.5, 4), c(5.75, 6, 4.5), c(3.25, 2.75, 7.5)),
  k4_3322    = list(c(3, 8, 6), c(10, 12, 9), c(4, 1), c(7, 11)),
  k3_4x4     = list(c(21, 19, 25, 22), c(18, 17, 20, 16), c(24, 26, 23, 28)),
  k3_negative = list(c(-1.5, -3, -2.25), c(0.5, 1, -0.75), c(2, 3.5, 1.25, 0)),
  k3_constant_group = list(c(4, 4, 4), c(1, 5, 7), c(2, 8, 3))
)
assign_all <- function(n, sizes) {  # list of label vectors, all N!/prod(n_g!)
  out <- list(); rec <- function(rem, lab, g) {
    if (g == length(sizes)) { lab[rem] <- g; out[[length(out) + 1]] <<- lab; return(invisible()) }
    if (sizes[g] == length(rem)) { lab[rem] <- g; rec(integer(0), lab, g + 1); return(invisible()) }
    cm <- combn(length(rem), sizes[g])
    for (j in seq_len(ncol(cm))) { l2 <- lab; l2[rem[cm[, j]]] <- g; rec(rem[-cm[, j]], l2, g + 1) }
  }
  rec(seq_len(n), integer(n), 1); out
}
ssb <- function(y, lab) { m <- mean(y); sum(tapply(y, lab, function(v) length(v) * (mean(v) - m)^2)) }
k_rows <- c()
for (id in names(ks)) {
  gs <- ks[[id]]; y <- unlist(gs); sizes <- lengths(gs); lab0 <- rep(seq_along(gs), sizes)
  labs <- assign_all(length(y), sizes)
  s_ssb <- vapply(labs, function(l) ssb(y, l), 0); r <- rank(y)
  s_rk <- vapply(labs, function(l) ssb(r, l), 0)
  kw <- kruskal.test(gs)
  ow <- oneway.test(y ~ factor(lab0), var.equal = TRUE)
  fcol <- if (is.finite(ow$statistic)) f17(ow$statistic) else "NA"
  gcol <- vapply(1:4, function(i) if (i <= length(gs)) vec(gs[[i]]) else "NA", "")
  k_rows <- c(k_rows, paste(id, paste(gcol, collapse = ","), length(labs), fcol, f17(ssb(y, lab0)),
                            f17(mean(tol_ge(s_ssb, ssb(y, lab0)))), f17(kw$statistic), f17(kw$p.value),
                            f17(mean(tol_ge(s_rk, ssb(r, lab0)))), sep = ","))
}
write_fixture("two_sample_ksample.csv",
  c("p_anova: brute force over all N!/prod(n_g!) label assignments of P(SSB >= ssb_obs) (coin has no exact k-sample test)",
    "f = oneway.test(y ~ g, var.equal = TRUE)$statistic; h, p_kw_asym = kruskal.test(groups)$statistic, $p.value",
    "p_kw: the same brute force on mid-ranks rank(y)"),
  "id,g1,g2,g3,g4,assignments,f,ssb,p_anova,h,p_kw_asym,p_kw", k_rows)
