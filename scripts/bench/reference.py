#!/usr/bin/python3
"""Reference analysis in SciPy of one long-format study CSV: the quantities
`pilotstat report` computes, for scripts/bench/run to check agreement and to
time. Run with Debian's /usr/bin/python3 (python3-scipy). Usage:

  reference.py FILE.csv [FILE2.csv ...]   (several files: one process, no output)

Output with one file: CSV rows kind,measure,group,from,to,quantity,value --
the same rows as reference.R:
  describe  n, mean, sd, se, ci_low, ci_high (t), median, q1, q3 (numpy's
            linear = R type 7), min, max
  change    baseline -> last time: mean_change, sd_change, pct_change_of_means; p_signflip and
            p_signrank by scipy.stats.permutation_test over all 2^n sign
            vectors (signed-rank on mid-ranks of |d| with Pratt's zeros, as
            coin; SciPy's own exact wilcoxon is not exact with ties/zeros);
            p_t (ttest_rel); boot_ci_low/high (scipy.stats.bootstrap,
            10,000 resamples, percentile at Hesterberg's expanded levels)
  compare   mean_diff; p_perm (permutation_test, all splits) and p_wmw (mid-rank
            sum, all splits) with coin's two-sided rule |T - E T| >= |t - E T|
            applied to SciPy's exact null distribution; p_welch (ttest_ind);
            boot_ci_low/high (two-sample bootstrap); p_holm (Holm over the
            measures of p_perm, and per arm of p_signflip)
"""
import csv
import sys

import numpy as np
from scipy import stats

B = 10000
CONF = 0.95
SEED = 20230401


def expanded(n):
    a = (1 - CONF) / 2
    p = stats.norm.cdf(np.sqrt(n / (n - 1)) * stats.t.ppf(a, n - 1))
    return p, 1 - p


def deviation_p(null, obs):
    """coin's two-sided rule on an exact null distribution (one value per arrangement)."""
    null = np.asarray(null, dtype=float)
    mu = null.mean()
    tol = 1e-9 * np.max(np.abs(null - mu)) if null.size else 0.0
    return float(np.mean(np.abs(null - mu) >= abs(obs - mu) - tol))


def signflip_p(d):
    res = stats.permutation_test((d, np.zeros_like(d)), lambda x, y, axis: np.mean(x - y, axis=axis),
                                 permutation_type="samples", n_resamples=np.inf, vectorized=True)
    return deviation_p(res.null_distribution, res.statistic)


def signrank_p(d):
    r = stats.rankdata(np.abs(d))  # mid-ranks, zeros included (Pratt)

    def v(x, y, axis):
        return np.sum(r * ((x - y) > 0), axis=axis)
    res = stats.permutation_test((d, np.zeros_like(d)), v, permutation_type="samples",
                                 n_resamples=np.inf, vectorized=True)
    return deviation_p(res.null_distribution, res.statistic)


def two_sample_p(a, b, statistic):
    res = stats.permutation_test((a, b), statistic, permutation_type="independent",
                                 n_resamples=np.inf, vectorized=True)
    return deviation_p(res.null_distribution, res.statistic)


def boot_ci(samples, statistic, n):
    lo, hi = expanded(n)
    res = stats.bootstrap(samples, statistic, n_resamples=B, method="percentile",
                          confidence_level=hi - lo, vectorized=True, random_state=SEED)
    return res.confidence_interval.low, res.confidence_interval.high


def holm(p):
    p = np.asarray(p, dtype=float)
    order = np.argsort(p)
    adj = np.minimum(1.0, np.maximum.accumulate((len(p) - np.arange(len(p))) * p[order]))
    out = np.empty_like(adj)
    out[order] = adj
    return out


def analyse(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    na = {"", "NA", "NaN", "."}
    first = lambda key: list(dict.fromkeys(r[key] for r in rows))
    times, groups, measures = first("time"), first("group"), first("measure")
    subjects = first("subject")
    group_of = {r["subject"]: r["group"] for r in rows}
    score = {(r["measure"], r["subject"], r["time"]): float(r["score"])
             for r in rows if r["score"].strip() not in na}
    out = []
    emit = lambda *row: out.append(row)
    for m in measures:
        for g in groups:
            for t in times:
                x = np.array([score[(m, s, t)] for s in subjects
                              if group_of[s] == g and (m, s, t) in score])
                n = len(x)
                sd = x.std(ddof=1)
                se = sd / np.sqrt(n)
                h = stats.t.ppf(0.975, n - 1) * se
                med, q1, q3 = np.quantile(x, [0.5, 0.25, 0.75])
                for q, v in (("n", n), ("mean", x.mean()), ("sd", sd), ("se", se),
                             ("ci_low", x.mean() - h), ("ci_high", x.mean() + h), ("median", med),
                             ("q1", q1), ("q3", q3), ("min", x.min()), ("max", x.max())):
                    emit("describe", m, g, "", t, q, v)
    base, last = times[0], times[-1]
    pcomp, pchange = [], {}
    for m in measures:
        for t in times[-1:]:
            for g in groups:
                ids = [s for s in subjects if group_of[s] == g and (m, s, base) in score and (m, s, t) in score]
                a = np.array([score[(m, s, base)] for s in ids])
                b = np.array([score[(m, s, t)] for s in ids])
                d = np.round(b - a, 9)  # exact-decimal ties, as pilotstat (see reference.R)
                emit("change", m, g, base, t, "mean_change", d.mean())
                emit("change", m, g, base, t, "sd_change", d.std(ddof=1))
                emit("change", m, g, base, t, "pct_change_of_means", (b.mean() - a.mean()) / a.mean() * 100)
                psf = signflip_p(d)
                pchange.setdefault(g, []).append(psf)
                emit("change", m, g, base, t, "p_signflip", psf)
                emit("change", m, g, base, t, "p_signrank", signrank_p(d))
                if np.ptp(d) > 0:
                    emit("change", m, g, base, t, "p_t", stats.ttest_rel(b, a).pvalue)
                lo, hi = boot_ci((d,), lambda z, axis: np.mean(z, axis=axis), len(d))
                emit("change", m, g, base, t, "boot_ci_low", lo)
                emit("change", m, g, base, t, "boot_ci_high", hi)
        ch = {s: round(score[(m, s, last)] - score[(m, s, base)], 9) for s in subjects
              if (m, s, base) in score and (m, s, last) in score}
        ca = np.array([v for s, v in ch.items() if group_of[s] == groups[0]])
        cb = np.array([v for s, v in ch.items() if group_of[s] == groups[1]])
        diff = lambda x, y, axis: np.mean(x, axis=axis) - np.mean(y, axis=axis)
        pp = two_sample_p(ca, cb, diff)
        pcomp.append(pp)
        ranks = stats.rankdata(np.concatenate([ca, cb]))
        ra, rb = ranks[:len(ca)], ranks[len(ca):]
        emit("compare", m, "", base, last, "mean_diff", ca.mean() - cb.mean())
        emit("compare", m, "", base, last, "p_perm", pp)
        emit("compare", m, "", base, last, "p_wmw",
             two_sample_p(ra, rb, lambda x, y, axis: np.sum(x, axis=axis)))
        emit("compare", m, "", base, last, "p_welch", stats.ttest_ind(ca, cb, equal_var=False).pvalue)
        lo, hi = boot_ci((ca, cb), diff, min(len(ca), len(cb)))
        emit("compare", m, "", base, last, "boot_ci_low", lo)
        emit("compare", m, "", base, last, "boot_ci_high", hi)
    for m, p in zip(measures, holm(pcomp)):
        emit("compare", m, "", base, last, "p_holm", p)
    for g, ps in pchange.items():
        for m, p in zip(measures, holm(ps)):
            emit("change", m, g, base, last, "p_holm", p)
    return out


def main(files):
    for path in files:
        out = analyse(path)
        if len(files) == 1:
            w = csv.writer(sys.stdout, lineterminator="\n")
            w.writerow(["kind", "measure", "group", "from", "to", "quantity", "value"])
            for row in out:
                w.writerow(list(row[:-1]) + [repr(float(row[-1]))])


if __name__ == "__main__":
    main(sys.argv[1:])
