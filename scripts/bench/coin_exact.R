# Exact two-sample permutation p-value of the difference in means with coin,
# for the benchmark's exact cases (scripts/bench/run). Usage:
#   Rscript coin_exact.R FILE.csv
# FILE: long CSV (subject,group,time,measure,score), groups a and b at one time.
# Prints the two-sided p-value (coin's rule: |T - E T| >= |t - E T|, as pilotstat).
# coin chooses its exact algorithm itself: the shift algorithm for integer
# scores (Streitberg & Roehmel 1986), van de Wiel's split-up algorithm otherwise.
suppressPackageStartupMessages(library(coin))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
d$group <- factor(d$group, levels = unique(d$group))
t <- oneway_test(score ~ group, data = d, distribution = "exact")
cat(sprintf("%.17g\n", pvalue(t)))
