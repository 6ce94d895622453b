#!/usr/bin/python3
"""Reference values for the shift/DP at sizes whose counts overflow a double.

Writes tests/reference/large_exact_dp.csv (p-values and floors) and
tests/reference/large_exact_dp_pairs.csv (the 1,100 paired differences).
Run from the repository root:
    /usr/bin/python3 scripts/reference/large_exact_dp.py

Case "pairs": 1,100 integer paired differences drawn uniformly from -12..13
with random.Random(20261207); the exact sign-flip distribution of
S = sum s_i |d_i| over all 2^1100 sign vectors, counted by a dynamic programme
in Python's unbounded integers (no rounding anywhere), p-values as exact
fractions rounded once to a double.

Case "binary": 520 v 520 scores of 0/1 with 286 and 234 ones. The
permutation test of the difference in means on 0/1 scores is the exact
conditional test on the 2 x 2 table (X = ones in A is hypergeometric); p from
the hypergeometric sum in exact integers, cross-checked against
scipy.stats.fisher_exact (two-sided; equal arms make the hypergeometric
symmetric, so its probability rule equals the deviation rule) and
scipy.stats.hypergeom (one-sided), which must agree to 1e-9 relative.
"""
import math
import random
from fractions import Fraction

import scipy
from scipy import stats

OUT = "tests/reference/large_exact_dp.csv"
PAIRS = "tests/reference/large_exact_dp_pairs.csv"


def pairs_case():
    rng = random.Random(20261207)
    d = [rng.randint(-12, 13) for _ in range(1100)]
    mags = [abs(x) for x in d]
    U = sum(mags)
    c = [0] * (U + 1)  # c[k]: sign vectors whose positive magnitudes sum to k
    c[0] = 1
    for u in mags:
        if u == 0:
            c = [2 * v for v in c]
        else:
            c = c[:u] + [a + b for a, b in zip(c[u:], c[:-u])]
    total = 2 ** len(d)
    assert sum(c) == total
    s_obs = sum(d)  # all signs as observed
    le = sum(v for k, v in enumerate(c) if 2 * k - U <= s_obs)
    ge = sum(v for k, v in enumerate(c) if 2 * k - U >= s_obs)
    dev = sum(v for k, v in enumerate(c) if abs(2 * k - U) >= abs(s_obs))
    floor_data = Fraction(c[0] + c[U], total)  # S = -U and S = U (symmetric)
    floor_design = Fraction(2, total)
    row = dict(case="pairs", n=len(d), statistic=s_obs / len(d),
               p_two_sided=float(Fraction(dev, total)), p_less=float(Fraction(le, total)),
               p_greater=float(Fraction(ge, total)), p_floor_data=float(floor_data),
               p_floor_design=float(floor_design), log2_p_floor_data=math.log2(c[0] + c[U]) - len(d))
    return d, row


def binary_case(na=520, nb=520, xa=286, xb=234):
    N, K = na + nb, xa + xb
    lo, hi = max(0, K - nb), min(K, na)
    w = {x: math.comb(na, x) * math.comb(nb, K - x) for x in range(lo, hi + 1)}
    total = math.comb(N, na)
    assert sum(w.values()) == math.comb(N, K)  # Vandermonde: subsets of responders
    # T = mean(A) - mean(B) = (x / na) - ((K - x) / nb): increasing in x
    t = lambda x: Fraction(x, na) - Fraction(K - x, nb)
    centre = sum(t(x) * v for x, v in w.items()) / math.comb(N, K)
    den = math.comb(N, K)
    le = sum(v for x, v in w.items() if x <= xa)
    ge = sum(v for x, v in w.items() if x >= xa)
    dev = sum(v for x, v in w.items() if abs(t(x) - centre) >= abs(t(xa) - centre))
    ext = max(abs(t(lo) - centre), abs(t(hi) - centre))
    floor = sum(v for x, v in w.items() if abs(t(x) - centre) == ext)
    p2 = float(Fraction(dev, den))
    # cross-checks against SciPy
    table = [[xa, na - xa], [xb, nb - xb]]
    p_fisher = stats.fisher_exact(table, alternative="two-sided")[1]
    hg = stats.hypergeom(N, K, na)
    assert abs(p_fisher - p2) <= 1e-9 * p2, (p_fisher, p2)
    assert abs(hg.sf(xa - 1) - float(Fraction(ge, den))) <= 1e-9 * float(Fraction(ge, den))
    assert abs(hg.cdf(xa) - float(Fraction(le, den))) <= 1e-9 * float(Fraction(le, den))
    return dict(case="binary", n=N, statistic=float(t(xa)), p_two_sided=p2,
                p_less=float(Fraction(le, den)), p_greater=float(Fraction(ge, den)),
                p_floor_data=float(Fraction(floor, den)), p_floor_design=float(Fraction(2, total)),
                log2_p_floor_data=math.log2(floor) - math.log2(den))


def main():
    d, pairs = pairs_case()
    binary = binary_case()
    cols = ["case", "n", "statistic", "p_two_sided", "p_less", "p_greater", "p_floor_data",
            "p_floor_design", "log2_p_floor_data"]
    with open(OUT, "w") as f:
        f.write("# exact sign-flip / permutation distributions by big-integer DP (scripts/reference/large_exact_dp.py);"
                " pairs: the 1,100 differences of large_exact_dp_pairs.csv; binary: 520 v 520 0/1 scores with 286 and"
                " 234 ones, cross-checked with scipy.stats.fisher_exact and scipy.stats.hypergeom to 1e-9\n")
        f.write("# two-sided = deviation rule; p_floor_data: mass of the most extreme support points; p_floor_design: 2 /"
                " arrangements (0 when below the smallest double); every value is the exact fraction rounded once\n")
        f.write(f"# generated with Python {'.'.join(map(str, __import__('sys').version_info[:3]))}, SciPy {scipy.__version__}\n")
        f.write(",".join(cols) + "\n")
        for row in (pairs, binary):
            f.write(",".join(repr(row[c]) if isinstance(row[c], float) else str(row[c]) for c in cols) + "\n")
    with open(PAIRS, "w") as f:
        f.write("# 1,100 paired differences, random.Random(20261207).randint(-12, 13) (scripts/reference/large_exact_dp.py)\n")
        f.write("difference\n")
        for x in d:
            f.write(f"{x}\n")


if __name__ == "__main__":
    main()
