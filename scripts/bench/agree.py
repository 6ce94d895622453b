#!/usr/bin/env python3
"""Checks that `pilotstat report --format json` and the R / SciPy reference
analyses (reference.R, reference.py) agree, before anything is timed.

  agree.py REPORT.json REF.csv [REF.csv ...]

Each REF.csv has rows kind,measure,group,from,to,quantity,value. Every
reference row must have a pilotstat counterpart, within these tolerances:

  n                                        exact
  descriptives, mean_change, sd_change,    relative 1e-9 (pilotstat sums exact
  pct_change_of_means, mean_diff           decimals; R/SciPy sum doubles)
  exact p-values (p_signflip, p_signrank,  relative 1e-10
  p_perm, p_wmw) and Holm-adjusted p
  p_t, p_welch (t distribution)            relative 1e-9
  bootstrap interval ends                  within 25% of pilotstat's interval
                                           width: pilotstat enumerates every
                                           resample exactly, the references
                                           draw 10,000 (Monte Carlo error at the
                                           expanded levels 0.00095/0.99905)

Prints one line per reference and quantity class; exits 1 on any mismatch.
"""
import csv
import json
import math
import sys

CHANGE = ["mean_change", "sd_change", "pct_change_of_means", "p_signflip", "p_signrank", "p_t",
          "boot_ci_low", "boot_ci_high"]
COMPARE = ["mean_diff", "p_perm", "p_wmw", "p_welch", "boot_ci_low", "boot_ci_high"]
DESCRIBE = ["n", "mean", "sd", "se", "ci_low", "ci_high", "median", "q1", "q3", "min", "max"]


def tolerance_class(q):
    if q == "n":
        return "n", 0.0
    if q in ("p_signflip", "p_signrank", "p_perm", "p_wmw", "p_holm"):
        return "exact p", 1e-10
    if q in ("p_t", "p_welch"):
        return "t-test p", 1e-9
    if q.startswith("boot_ci"):
        return "bootstrap", None
    return "estimates", 1e-9


def pilotstat_rows(report):
    rows = {}
    for m in report["measures"]:
        for r in m["describe"]:
            for q in DESCRIBE:
                rows[("describe", r["measure"], r["group"], "", r["time"], q)] = r[q]
        for r in m["change"]:
            key = ("change", r["measure"], r["group"], r["from"], r["to"])
            for q in CHANGE:
                rows[key + (q,)] = r[q]
            rows[key + ("p_holm",)] = r["p_verdict"]
            rows[key + ("width",)] = (r["boot_ci_high"] or 0) - (r["boot_ci_low"] or 0)
        for r in m["compare"]:
            key = ("compare", r["measure"], "", r["from"], r["to"])
            for q in COMPARE:
                rows[key + (q,)] = r[q]
            rows[key + ("p_holm",)] = r["p_verdict"]
            rows[key + ("width",)] = (r["boot_ci_high"] or 0) - (r["boot_ci_low"] or 0)
    return rows


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    with open(argv[1]) as f:
        ours = pilotstat_rows(json.load(f))
    failed = False
    for ref_path in argv[2:]:
        stats = {}
        with open(ref_path, newline="") as f:
            for r in csv.DictReader(f):
                key = (r["kind"], r["measure"], r["group"], r["from"], r["to"], r["quantity"])
                cls, rel = tolerance_class(r["quantity"])
                s = stats.setdefault(cls, {"n": 0, "worst": 0.0, "bad": []})
                s["n"] += 1
                ref = float(r["value"])
                mine = ours.get(key)
                if mine is None:
                    s["bad"].append(f"{key}: pilotstat has no value (reference {ref!r})")
                    continue
                err = abs(mine - ref)
                if rel is None:  # bootstrap: relative to pilotstat's interval width
                    width = ours[key[:5] + ("width",)]
                    limit = 0.25 * width + 1e-9
                    score = err / width if width > 0 else (0.0 if err <= 1e-9 else math.inf)
                else:
                    limit = rel * max(abs(ref), 1e-300) if rel > 0 else 0.0
                    limit = max(limit, 1e-12 if rel > 0 else 0.0)
                    score = err / max(abs(ref), 1e-300)
                s["worst"] = max(s["worst"], score)
                if err > limit:
                    s["bad"].append(f"{key}: pilotstat {mine!r}, reference {ref!r}")
        for cls, s in stats.items():
            unit = "of interval width" if cls == "bootstrap" else "relative"
            status = "ok" if not s["bad"] else f"{len(s['bad'])} MISMATCHES"
            print(f"  {ref_path.split('/')[-1]:<16} {cls:<10} {s['n']:>4} values  worst {s['worst']:.2e} {unit:<17} {status}")
            for line in s["bad"][:10]:
                print("    " + line)
            failed |= bool(s["bad"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
