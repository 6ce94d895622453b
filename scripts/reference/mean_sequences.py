#!/usr/bin/env python3
"""Reference for `means` rows (tests/unit/check_mean_sequence_test.cpp): can one sequence of
means reproduce all the published figures at once?

Grid mode, by brute force: every sequence of attainable means (k*step/n in [0, max]) is
tried (itertools.product, or a numpy grid for the psycholytic case), each figure checked
exactly with fractions (|value - published| <= 0.5*10^-decimals, ends included; numpy
float64 with a 1e-9 allowance for the large psycholytic grid). The smallest jointly
impossible sets come from the same brute force over every subset of figures.
SDs (grid mode): for the total a sequence's mean fixes, every whole sum of squares from the
smallest one (found by enumerating every split of the total) upwards in steps of 2 is tried,
with the variance compared squared against the SD's rounding interval in exact fractions.
Arithmetic mode (no grid; positive means), by scipy.optimize.linprog: feasibility of the
linear constraints on log means, an independent method from the C++ shortest paths.

Run from the repository root: /usr/bin/python3 scripts/reference/mean_sequences.py
"""
import itertools
import math
import random
import sys
from fractions import Fraction

import numpy as np
import scipy
from scipy.optimize import linprog

OUT = "tests/reference/check_mean_sequences.csv"


def half(text):
    d = len(text.split(".")[1]) if "." in text else 0
    return Fraction(1, 2 * 10 ** d)


def sd_fits_exact(total, n, step, text):
    """GRIMMER's rule for one total, by enumeration: some whole sum of squares Q of the
    scores in grid units, Q = total (mod 2), Q >= the smallest possible for the total, gives
    a variance step^2 (Q - total^2/n)/(n - 1) whose square root is within half a unit of the
    published SD (compared squared, exactly)."""
    s, h = Fraction(text), half(text)
    lo2 = max(s - h, 0) ** 2
    hi2 = (s + h) ** 2
    g2 = Fraction(step) ** 2
    q_min = min(sum(v * v for v in combo)  # brute force over every split of the total
                for combo in splits(total, n))
    q = q_min
    while g2 * (q - Fraction(total * total, n)) / (n - 1) <= hi2:
        if g2 * (q - Fraction(total * total, n)) / (n - 1) >= lo2:
            return True
        q += 2
    return False


_splits = {}


def splits(total, n):
    """Every way n non-negative integers sum to total, as sorted tuples (memoised)."""
    key = (total, n)
    if key not in _splits:
        if n == 1:
            _splits[key] = [(total,)]
        else:
            out = []
            for first in range(total // n + 1):
                for rest in splits(total - first * n, n - 1):
                    out.append(tuple([first] + [first + r for r in rest]))
            _splits[key] = out
    return _splits[key]


def fits_exact(seq, fig, case=None):
    kind, a, b, text = fig
    p = Fraction(text)
    if kind == "sd":
        n = case["n"][a]
        total = seq[a] * n / Fraction(case["step"])
        assert total.denominator == 1
        return sd_fits_exact(int(total), n, case["step"], text)
    if kind == "mean":
        return abs(seq[a] - p) <= half(text)
    if seq[a] == 0:
        return False
    return abs(100 * (seq[b] - seq[a]) / seq[a] - p) <= half(text)


def grid_values(n, step, mx):
    unit = Fraction(step) / n
    return [j * unit for j in range(int(Fraction(mx) / unit) + 1)]


def feasible_grid(case, figs):
    if not figs:
        return True
    vals = [grid_values(n, case["step"], case["max"]) for n in case["n"]]
    for seq in itertools.product(*vals):
        if all(fits_exact(seq, f, case) for f in figs):
            return True
    return False


def feasible_grid_numpy(case, figs):
    """Same rule in float64 on a full numpy grid (for grids too large for fractions)."""
    k = len(case["n"])
    axes = [np.array([float(v) for v in grid_values(n, case["step"], case["max"])]) for n in case["n"]]
    mesh = np.meshgrid(*axes, indexing="ij")
    ok = np.ones(mesh[0].shape, dtype=bool)
    for kind, a, b, text in figs:
        p, h = float(text), float(half(text))
        allow = 1e-9 * h + 8 * np.finfo(float).eps * abs(p)
        if kind == "mean":
            ok &= np.abs(mesh[a] - p) <= h + allow
        else:
            with np.errstate(divide="ignore", invalid="ignore"):
                pct = 100 * (mesh[b] - mesh[a]) / mesh[a]
            ok &= (mesh[a] != 0) & (np.abs(pct - p) <= h + allow)
    del k
    return bool(ok.any())


def feasible_arith(case, figs):
    k = len(case["times"])
    A, ub = [], []
    for kind, a, b, text in figs:
        p, h = float(text), float(half(text))
        lo, hi = p - h, p + h
        if kind == "mean":
            if hi <= 0:
                return False
            row = [0.0] * k
            row[a] = 1.0
            A.append(row); ub.append(math.log(hi))
            if lo > 0:
                A.append([-x for x in row]); ub.append(-math.log(lo))
        else:
            rlo, rhi = 1 + lo / 100, 1 + hi / 100
            if rhi <= 0:
                return False
            row = [0.0] * k
            row[b], row[a] = 1.0, -1.0
            A.append(row); ub.append(math.log(rhi))
            if rlo > 0:
                A.append([-x for x in row]); ub.append(-math.log(rlo))
    if not A:
        return True
    res = linprog(np.zeros(k), A_ub=np.array(A), b_ub=np.array(ub), bounds=[(None, None)] * k, method="highs")
    return res.status == 0


def solve(case):
    figs = case["figs"]
    feas = {"grid": feasible_grid, "numpy": feasible_grid_numpy, "arith": feasible_arith}[case["method"]]
    if feas(case, figs):
        return 1, []
    for size in range(1, len(figs) + 1):
        sets = [c for c in itertools.combinations(range(len(figs)), size)
                if not feas(case, [figs[i] for i in c])]
        if sets:
            return 0, sets
    raise AssertionError("the whole set is infeasible, so some subset is")


def fmt_pct(x, d):
    s = f"{x:.{d}f}"
    return "0." + "0" * d if s in ("-0." + "0" * d,) else s


def random_case(rng, i, mode):
    k = rng.choice([3, 3, 4])
    times = [f"T{j + 1}" for j in range(k)]
    if mode == "arith":
        seq = [Fraction(rng.randint(10, 400), 10) for _ in range(k)]
        n, step, mx = None, None, None
    else:
        step = rng.choice(["1", "0.5"]) if k == 3 else "1"
        mx = rng.choice([3, 4, 5]) if k == 3 else 3
        n = [rng.choice([2, 3, 4]) for _ in range(k)]
        if rng.random() < 0.6:
            n = [n[0]] * k
        seq = [rng.choice(grid_values(m, step, mx)[1:]) for m in n]
    pairs = [(a, b) for a in range(k) for b in range(k) if a < b]
    chosen = rng.sample(pairs, rng.randint(2, min(4, len(pairs))))
    figs = []
    perturbed = rng.randrange(len(chosen)) if rng.random() < 0.5 else -1
    for j, (a, b) in enumerate(chosen):
        d = rng.choice([1, 2])
        v = float(100 * (seq[b] - seq[a]) / seq[a])
        if j == perturbed:  # one figure moved: often, not always, makes the set impossible
            v += rng.choice([-1, 1]) * rng.uniform(0.05, 3.0)
        figs.append(("pct", a, b, fmt_pct(v, d)))
    if rng.random() < 0.4:
        t = rng.randrange(k)
        figs.append(("mean", t, 0, f"{float(seq[t]) + rng.choice([0, 0, 0.1]):.2f}"))
    return {"id": f"random_{mode}_{i:02d}", "times": times, "n": n, "step": step, "max": mx,
            "figs": figs, "method": "arith" if mode == "arith" else "grid"}


def sd_case(rng, i):
    """A sequence from real data sets (scores on the grid), its percentages, and the SDs of
    some times, each rounded; about 60% of the cases have one SD moved."""
    k = rng.choice([2, 3])
    times = [f"T{j + 1}" for j in range(k)]
    step = rng.choice(["1", "0.5"])
    mx = 4 if step == "1" else 3
    m = rng.choice([3, 4])
    n = [m] * k if rng.random() < 0.7 else [rng.choice([3, 4]) for _ in range(k)]
    units = int(Fraction(mx) / Fraction(step))
    data = [[rng.randint(0, units) for _ in range(nt)] for nt in n]
    for d in data:
        if sum(d) == 0:
            d[0] = 1
    seq = [Fraction(sum(d), len(d)) * Fraction(step) for d in data]
    figs = []
    for a in range(k - 1):
        v = float(100 * (seq[a + 1] - seq[a]) / seq[a])
        figs.append(("pct", a, a + 1, fmt_pct(v, rng.choice([1, 2]))))
    moved = rng.random() < 0.6
    for t in rng.sample(range(k), rng.randint(1, k)):
        d = data[t]
        mean = Fraction(sum(d), len(d))
        var = sum((Fraction(x) - mean) ** 2 for x in d) / (len(d) - 1) * Fraction(step) ** 2
        sd = math.sqrt(var)
        if moved:
            sd += rng.choice([-1, 1]) * rng.uniform(0.05, 0.5)
            sd = abs(sd)
            moved = False
        figs.append(("sd", t, 0, f"{sd:.2f}"))
    return {"id": f"random_sd_{i:02d}", "times": times, "n": n, "step": step, "max": mx,
            "figs": figs, "method": "grid"}


def main():
    rng = random.Random(20261207)
    cases = []
    psy_figs = [("pct", 0, 1, "-32.81"), ("pct", 1, 2, "24.56"), ("pct", 0, 2, "-3.39")]
    cases.append({"id": "psycholytic_bpi", "times": ["S1", "S3", "S6"], "n": [5, 5, 5], "step": "0.25",
                  "max": 10, "figs": psy_figs, "method": "numpy"})
    cases.append({"id": "psycholytic_bpi_arithmetic", "times": ["S1", "S3", "S6"], "n": None, "step": None,
                  "max": None, "figs": psy_figs, "method": "arith"})
    cases.append({"id": "psycholytic_bpi_overall_from_s1_means", "times": ["S1", "S6"], "n": [5, 5], "step": "0.25",
                  "max": 10, "figs": [("pct", 0, 1, "-3.39"), ("mean", 0, 0, "5.90"), ("mean", 1, 0, "5.70")],
                  "method": "numpy"})
    for i in range(24):
        cases.append(random_case(rng, i, "grid"))
    for i in range(8):
        cases.append(random_case(rng, i, "arith"))
    # SDs with the sequence: a separate generator, so the cases above stay as they were
    rng_sd = random.Random(20261208)
    for i in range(24):
        cases.append(sd_case(rng_sd, i))
    rows = []
    for c in cases:
        consistent, sets = solve(c)
        pct = " ".join(f"{c['times'][a]}:{c['times'][b]}:{t}" for kind, a, b, t in c["figs"] if kind == "pct")
        mean = " ".join(f"{c['times'][a]}:{t}" for kind, a, b, t in c["figs"] if kind == "mean")
        sd = " ".join(f"{c['times'][a]}:{t}" for kind, a, b, t in c["figs"] if kind == "sd")
        rows.append([c["id"], " ".join(c["times"]), " ".join(map(str, c["n"])) if c["n"] else "NA",
                     c["step"] or "NA", str(c["max"]) if c["max"] is not None else "NA", pct or "NA", mean or "NA", sd or "NA",
                     str(consistent), " ".join("+".join(map(str, s)) for s in sets) or "NA"])
    grid = [r for r in rows if r[3] != "NA"]
    print("grid cases possible/impossible:", sum(r[8] == "1" for r in grid), sum(r[8] == "0" for r in grid))
    assert sum(r[8] == "1" for r in grid) >= 8 and sum(r[8] == "0" for r in grid) >= 8, "need both kinds"
    with_sd = [r for r in rows if r[7] != "NA"]
    print("cases with SDs possible/impossible:", sum(r[8] == "1" for r in with_sd), sum(r[8] == "0" for r in with_sd))
    assert sum(r[8] == "1" for r in with_sd) >= 5 and sum(r[8] == "0" for r in with_sd) >= 5, "need both kinds"
    with open(OUT, "w") as f:
        f.write("# Python brute force (itertools.product over every sequence of grid means, exact fractions;\n")
        f.write("#   numpy grid for the psycholytic case) and scipy.optimize.linprog (arithmetic mode)\n")
        f.write(f"# generated by scripts/reference/mean_sequences.py with Python {sys.version.split()[0]}, "
                f"numpy {np.__version__}, scipy {scipy.__version__}\n")
        f.write("# SDs: GRIMMER's rule for the total the sequence's mean fixes, by enumerating sums of squares\n")
        f.write("#   (exact fractions); the SD cases come from real data sets, half with one SD moved\n")
        f.write("# figures are numbered pct first, then mean, then sd, in written order; conflicts: the smallest\n")
        f.write("# jointly impossible sets, each as indices joined by +\n")
        f.write("id,times,n,step,max,pct,mean,sd,consistent,conflicts\n")
        for r in rows:
            f.write(",".join(r) + "\n")
    print(f"wrote {OUT} ({len(rows)} rows)")


if __name__ == "__main__":
    main()
