#!/usr/bin/env Rscript
# Reference for `pvalue test=U n1= n2= stat=` rows and U results found by `check --scan`
# (tests/unit/check_pvalue_test.cpp): R's exact Wilcoxon–Mann–Whitney p from data without
# ties built to have the given U, and statcheck's verdict that it does not extract U.
# Run from the repository root: Rscript scripts/reference/mann_whitney_u.R
source("scripts/reference/lib/fixture_writer.R")
suppressMessages(library(statcheck))

# Two groups without ties whose W (= U of the first group, as wilcox.test reports it) is u:
# y = 1..n2; the i-th x sits just above c_i of the y (c nondecreasing, sum c = u).
data_with_u <- function(u, n1, n2) {
  c <- integer(n1); left <- u
  for (i in n1:1) { c[i] <- min(n2, left); left <- left - c[i] }
  list(x = c + 0.5 + (1:n1) * 1e-3, y = as.numeric(1:n2))
}
cases <- list(c(3, 3, 0), c(3, 3, 1), c(3, 3, 4), c(4, 5, 2), c(4, 5, 10), c(5, 5, 2), c(5, 5, 3),
              c(5, 5, 12), c(5, 5, 21), c(5, 5, 25), c(5, 4, 17), c(6, 7, 8), c(6, 7, 30), c(10, 12, 25),
              c(10, 12, 60), c(20, 25, 150), c(20, 25, 330), c(40, 45, 600), c(45, 50, 1000), c(2, 2, 0))
rows <- lapply(cases, function(cs) {
  n1 <- cs[1]; n2 <- cs[2]; u <- cs[3]
  d <- data_with_u(u, n1, n2)
  w <- wilcox.test(d$x, d$y, exact = TRUE)
  stopifnot(w$statistic == u)
  less <- wilcox.test(d$x, d$y, exact = TRUE, alternative = "less")$p.value
  greater <- wilcox.test(d$x, d$y, exact = TRUE, alternative = "greater")$p.value
  data.frame(n1 = n1, n2 = n2, u = u, p_two_sided = w$p.value, p_one_sided = min(less, greater))
})
df <- do.call(rbind, rows)
# statcheck 1.4 does not extract U: it finds nothing in a line with only a U result
found <- statcheck("The arms differed, U = 3, p = .03.", messages = FALSE)
stopifnot(is.null(found) || nrow(found) == 0)
write_fixture_file("check_pvalue_u.csv",
  "R: wilcox.test(x, y, exact = TRUE)$p.value (and min of alternative = 'less'/'greater') on tie-free data with W = u; statcheck('U = 3, p = .03') finds nothing",
  df, sprintf("scripts/reference/mann_whitney_u.R with R %s.%s, statcheck %s", R.version$major, R.version$minor,
              packageVersion("statcheck")))
