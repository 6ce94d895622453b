# The ANCOVA F for the arms (post ~ baseline + arm) on a 3 x 3 study, for
# tests/unit/ancova_omnibus_test.cpp: R's anova() F and its permutation
# p-value by brute force over all 9!/(3!3!3!) = 1680 label assignments.
# Run: Rscript scripts/reference/ancova_omnibus.R > tests/reference/ancova_omnibus.csv
post <- c(12, 15, 11, 9, 8, 10, 4, 6, 5)
base <- c(20, 24, 19, 21, 18, 22, 20, 23, 19)
arm0 <- rep(c("a", "b", "c"), each = 3)
f_of <- function(arm) anova(lm(post ~ base + factor(arm)))[2, "F value"]
obs <- f_of(arm0)
# all assignments: choose a's 3 of 9, then b's 3 of the remaining 6
count <- 0; total <- 0
for (a in combn(9, 3, simplify = FALSE)) {
  rest <- setdiff(1:9, a)
  for (b in combn(rest, 3, simplify = FALSE)) {
    arm <- rep("c", 9); arm[a] <- "a"; arm[b] <- "b"
    total <- total + 1
    if (f_of(arm) >= obs * (1 - 1e-9)) count <- count + 1
  }
}
cat("# R", R.version$major, ".", R.version$minor, ": anova(lm(post ~ base + factor(arm)))[2, 'F value'];\n", sep = "")
cat("# p = #{assignments with F >= observed} / 1680 by brute force (this script)\n")
cat("name,value\n")
cat(sprintf("f,%.17g\np,%.17g\ntotal,%d\n", obs, count / total, total))
