# Reference values for models/mmrm (compare --on mmrm). Writes
# tests/reference/mmrm_data.csv (the data sets, one row per score),
# mmrm_cs.csv (lme4 + pbkrtest + emmeans), mmrm_un.csv (nlme::gls) and
# mmrm_perm.csv (randomization p by refitting every relabeling).
#
# Run from the repository root:  Rscript scripts/reference/mmrm.R
# Needs: r-base-core, r-cran-lme4, r-cran-pbkrtest, r-cran-emmeans, r-cran-nlme.
# Numbers are written with 17 significant digits; each file's first line
# cites the R call. Optimizer tolerances are tightened (below) so that the
# references are accurate beyond the tests' tolerances.
suppressPackageStartupMessages({ library(lme4); library(pbkrtest); library(emmeans); library(nlme) })
source("scripts/reference/lib/fixture_writer.R")
versions <- sprintf("scripts/reference/mmrm.R with %s, lme4 %s, pbkrtest %s, emmeans %s, nlme %s",
                    R.version.string, packageVersion("lme4"), packageVersion("pbkrtest"),
                    packageVersion("emmeans"), packageVersion("nlme"))
write_fixture <- function(name, comment, df) write_fixture_file(name, comment, df, versions)
emm_options(msg.interaction = FALSE, msg.nesting = FALSE)

# --- data sets: baseline + V = 3 post-baseline visits, integer scores ------
simulate <- function(seed, na, nb, sd_subject, sd_error, drop = NULL, visits = c("T1", "T2", "T3")) {
  set.seed(seed)
  n <- na + nb
  arm <- c(rep("a", na), rep("b", nb))
  baseline <- round(rnorm(n, 28, 5))
  b <- rnorm(n, 0, sd_subject)
  rows <- list()
  for (i in seq_len(n)) for (j in seq_along(visits)) {
    mu <- 8 + 0.6 * baseline[i] - 1.5 * j - (arm[i] == "a") * 2 * j
    rows[[length(rows) + 1]] <- data.frame(subject = sprintf("S%02d", i), arm = arm[i], baseline = baseline[i],
                                           visit = j - 1, score = round(mu + b[i] + rnorm(1, 0, sd_error)))
  }
  d <- do.call(rbind, rows)
  if (!is.null(drop)) d <- d[!(paste(d$subject, d$visit) %in% drop), ]
  d$visit_name <- visits[d$visit + 1]
  d
}
sets <- list(
  complete  = simulate(11, 5, 5, 3, 2.5),
  missed    = simulate(12, 6, 6, 3, 2.5, drop = c("S02 1", "S07 2", "S11 0")),
  dropout   = simulate(13, 5, 5, 3, 2.5, drop = c("S03 1", "S03 2", "S08 2")),
  boundary  = simulate(15, 5, 5, 0, 3),   # the first seed from 14 whose cs fit is singular (sigma_b^2 = 0)
  unequal   = simulate(15, 5, 4, 2, 2, visits = c("week1", "week3", "week6"))
)

prepare <- function(d) {
  d$group <- factor(d$arm, levels = c("a", "b"))
  d$visit <- factor(d$visit_name, levels = unique(d$visit_name[order(d$visit)]))
  d$vnum <- as.integer(d$visit)
  d$isA <- as.numeric(d$arm == "a")
  d
}
# The adjusted means are at the mean baseline over the model's subjects (each once).
mean_baseline <- function(d) mean(d$baseline[!duplicated(d$subject)])
tight_lmer <- lmerControl(optimizer = "nloptwrap", optCtrl = list(xtol_abs = 1e-14, ftol_abs = 1e-15, xtol_rel = 1e-14, maxeval = 1e5),
                          check.conv.singular = "ignore")
fit_cs <- function(d) lmer(score ~ baseline + group * visit + (1 | subject), data = d, REML = TRUE, control = tight_lmer)
fit_un <- function(d) gls(score ~ baseline + group * visit, data = d, method = "REML",
                          correlation = corSymm(form = ~ vnum | subject), weights = varIdent(form = ~ 1 | visit),
                          control = glsControl(tolerance = 1e-12, msTol = 1e-12, msMaxIter = 1000, maxIter = 1000))

# AR(1) over the visit index, and Toeplitz: for V = 3 visits an AR(2)
# correlation in its partial autocorrelations covers every positive definite
# Toeplitz correlation matrix, so corARMA(p = 2) is the Toeplitz structure.
fit_gls_cor <- function(d, cor) gls(score ~ baseline + group * visit, data = d, method = "REML", correlation = cor,
                                   control = glsControl(tolerance = 1e-12, msTol = 1e-12, msMaxIter = 1000, maxIter = 1000))

data_rows <- list(); cs_rows <- list(); un_rows <- list(); other_rows <- list()
for (nm in names(sets)) {
  d <- prepare(sets[[nm]])
  data_rows[[nm]] <- data.frame(dataset = nm, subject = d$subject, arm = d$arm, baseline = d$baseline,
                                visit = as.integer(d$vnum) - 1L, visit_name = as.character(d$visit), score = d$score)
  at <- list(baseline = mean_baseline(d))
  m <- fit_cs(d)
  e <- emmeans(m, ~ group | visit, at = at, lmer.df = "kenward-roger")
  s <- summary(e)
  k <- summary(pairs(e))                       # a - b at each visit, KR SE and df
  ka <- summary(pairs(emmeans(m, ~ group, at = at, lmer.df = "kenward-roger")))  # averaged over visits
  km <- summary(pairs(emmeans(m, ~ group | visit, at = at, lmer.df = "asymptotic")))  # model-based SE
  vc <- as.data.frame(VarCorr(m))
  cs_rows[[nm]] <- data.frame(dataset = nm, visit = c(seq_len(nrow(k)) - 1, -1),
                              estimate = c(k$estimate, ka$estimate), se = c(k$SE, ka$SE), df = c(k$df, ka$df),
                              se_model = c(km$SE, NA),
                              mean_a = c(s$emmean[s$group == "a"], NA), mean_b = c(s$emmean[s$group == "b"], NA),
                              mean_a_se = c(s$SE[s$group == "a"], NA), mean_a_df = c(s$df[s$group == "a"], NA),
                              mean_a_low = c(s$lower.CL[s$group == "a"], NA), mean_a_high = c(s$upper.CL[s$group == "a"], NA),
                              mean_b_se = c(s$SE[s$group == "b"], NA), mean_b_df = c(s$df[s$group == "b"], NA),
                              mean_b_low = c(s$lower.CL[s$group == "b"], NA), mean_b_high = c(s$upper.CL[s$group == "b"], NA),
                              sigma2_subject = vc$vcov[1], sigma2 = vc$vcov[2], remlcrit = REMLcrit(m),
                              singular = as.integer(isSingular(m)))
  g <- fit_un(d)
  eu <- summary(pairs(emmeans(g, ~ group | visit, at = at, mode = "df.error")))
  eua <- summary(pairs(emmeans(g, ~ group, at = at, mode = "df.error")))
  un_rows[[nm]] <- data.frame(dataset = nm, visit = c(seq_len(nrow(eu)) - 1, -1),
                              estimate = c(eu$estimate, eua$estimate), se = c(eu$SE, eua$SE),
                              loglik = as.numeric(logLik(g)))
  for (structure in c("ar1", "toeplitz")) {
    cor <- if (structure == "ar1") corAR1(form = ~ vnum | subject) else corARMA(form = ~ vnum | subject, p = 2)
    g <- fit_gls_cor(d, cor)
    eo <- summary(pairs(emmeans(g, ~ group | visit, at = at, mode = "df.error")))
    other_rows[[paste(nm, structure)]] <- data.frame(dataset = nm, covariance = structure, visit = seq_len(nrow(eo)) - 1,
                                                     estimate = eo$estimate, se = eo$SE)
  }
}
write_fixture("mmrm_data.csv", "simulated two-arm data sets (scripts/reference/mmrm.R simulate()); visit = 0-based post-baseline visit index",
              do.call(rbind, data_rows))
write_fixture("mmrm_cs.csv",
  "lmer(score ~ baseline + group * visit + (1 | subject), REML = TRUE); emmeans(m, ~ group | visit, at = list(baseline = mean over subjects), lmer.df = 'kenward-roger') |> pairs() (estimate, se, df; visit -1 = emmeans(m, ~ group, ...) averaged over visits); se_model from lmer.df = 'asymptotic'; mean_a/b = emmean, mean_a/b_se/_df/_low/_high its KR SE, df and 95% CI",
  do.call(rbind, cs_rows))
write_fixture("mmrm_un.csv",
  "nlme::gls(score ~ baseline + group * visit, correlation = corSymm(form = ~ vnum | subject), weights = varIdent(form = ~ 1 | visit), method = 'REML'); emmeans(g, ~ group | visit, at = list(baseline = mean over subjects), mode = 'df.error') |> pairs() (visit -1: ~ group, averaged over visits)",
  do.call(rbind, un_rows))
write_fixture("mmrm_ar1_toeplitz.csv",
  "nlme::gls(score ~ baseline + group * visit, correlation = corAR1(form = ~ vnum | subject) (ar1) or corARMA(form = ~ vnum | subject, p = 2) (toeplitz, V = 3), method = 'REML'); emmeans(g, ~ group | visit, at = list(baseline = mean over subjects), mode = 'df.error') |> pairs()",
  do.call(rbind, other_rows))

# --- randomization p: refit under every relabeling of the arms -------------
# Same model as above in the parametrization score ~ baseline + visit +
# visit:isA (isA = 1 in arm a), whose visit_j:isA coefficient is the a - b
# difference at visit j; statistic = that estimate / its model-based (REML)
# SE at the last visit; two-sided deviation rule P(|T - mean T| >= |t - mean
# T|), ties within 1e-6 relative (lme4 and nlme converge to about that).
relabel_stat <- function(d, fitter) {
  V <- nlevels(d$visit)
  f <- fitter(d)
  b <- if (inherits(f, "gls")) coef(f) else fixef(f)
  nmv <- paste0("visit", levels(d$visit)[V], ":isA")
  unname(b[nmv] / sqrt(vcov(f)[nmv, nmv]))
}
fit_cs_r <- function(d) lmer(score ~ baseline + visit + visit:isA + (1 | subject), data = d, REML = TRUE, control = tight_lmer)
fit_un_r <- function(d) gls(score ~ baseline + visit + visit:isA, data = d, method = "REML",
                            correlation = corSymm(form = ~ vnum | subject), weights = varIdent(form = ~ 1 | visit),
                            control = glsControl(tolerance = 1e-12, msTol = 1e-12, msMaxIter = 1000, maxIter = 1000))
perm_p <- function(d, fitter) {
  subj <- unique(d$subject)
  na <- length(unique(d$subject[d$arm == "a"]))
  splits <- combn(length(subj), na)
  stats <- apply(splits, 2, function(idx) {
    d$isA <- as.numeric(d$subject %in% subj[idx])
    tryCatch(relabel_stat(d, fitter), error = function(e) NA)
  })
  obs <- relabel_stat(d, fitter)
  ok <- stats[!is.na(stats)]
  mu <- mean(ok)
  tol <- 1e-6 * max(abs(ok))
  c(relabelings = length(stats), failed = sum(is.na(stats)), count = sum(abs(ok - mu) >= abs(obs - mu) - tol),
    p = sum(abs(ok - mu) >= abs(obs - mu) - tol) / length(ok), statistic = obs)
}
perm_rows <- list()
for (case in list(c("complete", "cs"), c("missed", "cs"), c("dropout", "un"), c("unequal", "cs"))) {
  d <- prepare(sets[[case[1]]])
  r <- perm_p(d, if (case[2] == "cs") fit_cs_r else fit_un_r)
  perm_rows[[length(perm_rows) + 1]] <- data.frame(dataset = case[1], covariance = case[2], relabelings = r[["relabelings"]],
                                                   failed = r[["failed"]], count = r[["count"]], p = r[["p"]],
                                                   statistic = r[["statistic"]])
}
write_fixture("mmrm_perm.csv",
  "randomization p at the last visit: for each of choose(n, n_a) relabelings, lmer(score ~ baseline + visit + visit:isA + (1 | subject)) (cs) or gls(..., corSymm, varIdent, REML) (un); t = coef / sqrt(vcov) of visit_V:isA; p = mean(|t - mean t| >= |t_obs - mean t| - 1e-6 max|t|)",
  do.call(rbind, perm_rows))
