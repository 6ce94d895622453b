#!/usr/bin/env Rscript
# Reference values for `pilotstat describe`, from R's own ChickWeight data
# (Crowder & Hand 1990; datasets package), a long-format study none of us wrote:
# subject = Chick, group = Diet, time = Time (days), measure = "weight".
# Run from the repository root: Rscript scripts/reference/describe.R
d <- datasets::ChickWeight
study <- data.frame(subject = paste0("C", as.character(d$Chick)), group = paste0("diet", d$Diet),
                    time = paste0("d", d$Time), measure = "weight", score = d$weight)
write.csv(study, "tests/reference/data/chickweight_long.csv", row.names = FALSE, quote = FALSE)
# the same study in wide form (weight_d0, weight_d2, ...), missing cells empty
wide <- reshape(study[, c("subject", "group", "time", "score")], idvar = c("subject", "group"),
                timevar = "time", direction = "wide")
names(wide) <- sub("^score\\.", "weight_", names(wide))
wide[is.na(wide)] <- ""
write.csv(wide, "tests/reference/data/chickweight_wide.csv", row.names = FALSE, quote = FALSE)

f <- function(x) format(x, digits = 17)
out <- "tests/reference/describe_chickweight.csv"
con <- file(out, "w")
writeLines(c("# R: for each group x time: x <- score; n = length(x); mean(x); sd(x); sd(x)/sqrt(n);",
             "#    mean(x) + c(-1, 1) * qt(0.975, n - 1) * sd(x) / sqrt(n); median(x);",
             "#    quantile(x, c(0.25, 0.75), type = 7); min(x); max(x)",
             paste0("# ", R.version.string)), con)
writeLines("group,time,n,mean,sd,se,ci_low,ci_high,median,q1,q3,min,max", con)
for (g in unique(study$group)) for (t in unique(study$time)) {
  x <- study$score[study$group == g & study$time == t]
  n <- length(x)
  if (n < 2) next
  q <- quantile(x, c(0.25, 0.75), type = 7)
  se <- sd(x) / sqrt(n)
  ci <- mean(x) + c(-1, 1) * qt(0.975, n - 1) * se
  writeLines(paste(g, t, n, f(mean(x)), f(sd(x)), f(se), f(ci[1]), f(ci[2]), f(median(x)),
                   f(q[1]), f(q[2]), f(min(x)), f(max(x)), sep = ","), con)
}
close(con)
