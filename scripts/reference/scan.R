#!/usr/bin/env Rscript
# Reference for `pilotstat check --scan` (tests/unit/check_scan_test.cpp): R's statcheck
# on tests/reference/data/scan_statcheck.txt, one line per text (so "one-tailed" counts
# only for the line it is on). Run from the repository root: Rscript scripts/reference/scan.R
source("scripts/reference/lib/fixture_writer.R")
suppressMessages(library(statcheck))
lines <- readLines("tests/reference/data/scan_statcheck.txt")
res <- statcheck(lines, OneTailedTxt = TRUE, messages = FALSE)
df <- data.frame(line = as.numeric(res$source), test = as.character(res$test_type),
                 stat = res$test_value, reported_p = res$reported_p, computed_p = res$computed_p,
                 error = ifelse(res$error, "1", "0"), decision_error = ifelse(res$decision_error, "1", "0"),
                 one_tailed = ifelse(res$one_tailed_in_txt, "1", "0"), stringsAsFactors = FALSE)
df <- df[order(df$line), ]
write_fixture_file("check_scan_statcheck.csv",
  "R: statcheck::statcheck(readLines('tests/reference/data/scan_statcheck.txt'), OneTailedTxt = TRUE)",
  df, sprintf("scripts/reference/scan.R with R %s.%s, statcheck %s", R.version$major, R.version$minor,
              packageVersion("statcheck")))
