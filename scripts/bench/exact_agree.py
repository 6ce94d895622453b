#!/usr/bin/env python3
"""Agreement of the exact cases (scripts/bench/run, before timing):

  exact_agree.py PILOTSTAT COIN_EXACT.R DATADIR

  two_12v12.csv (enumeration), two_25v25.csv and two_50v50.csv (shift/DP):
      pilotstat compare --on raw p_perm vs coin::oneway_test(distribution =
      "exact"), relative 1e-10; the method pilotstat names is printed.
  paired_20.csv: pilotstat change by enumeration (2^20 sign vectors, the
      default) vs by DP (--exact-limit 0): p_signflip and p_signrank agree to
      1e-12 relative and each names its method.
Exits 1 on a mismatch.
"""
import json
import subprocess
import sys


def run(cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def main(ps, coin, data):
    bad = 0
    for name in ("two_12v12", "two_25v25", "two_50v50"):
        f = f"{data}/{name}.csv"
        row = json.loads(run([ps, "compare", f, "--on", "raw", "--format", "json"]))[0]
        ref = float(run(["Rscript", coin, f]))
        rel = abs(row["p_perm"] - ref) / ref
        ok = rel <= 1e-10
        bad += not ok
        print(f"  {name[4:]:<7} p_perm {row['p_perm']:.17g} ({row['method_perm']}), coin {ref:.17g}: "
              f"relative difference {rel:.1e} {'ok' if ok else 'MISMATCH'}")
    f = f"{data}/paired_20.csv"
    enum = json.loads(run([ps, "change", f, "--format", "json"]))[0]
    dp = json.loads(run([ps, "change", f, "--format", "json", "--exact-limit", "0"]))[0]
    for q in ("signflip", "signrank"):
        a, b = enum[f"p_{q}"], dp[f"p_{q}"]
        ok = abs(a - b) <= 1e-12 * abs(a)
        bad += not ok
        print(f"  paired n=20 p_{q}: {enum[f'method_{q}']} {a:.17g}, {dp[f'method_{q}']} {b:.17g} "
              f"{'ok' if ok else 'MISMATCH'}")
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
