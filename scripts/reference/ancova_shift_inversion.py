#!/usr/bin/python3
"""Brute-force reference for the ANCOVA adjusted-difference interval by
inverting its exact permutation test (lib/pilotstat/models/ancova.cpp,
shift_pvalues; inverted by lib/pilotstat/inference/shift_inversion.*), in
exact rational arithmetic (Fractions: no tolerance anywhere).

Arm A's post scores are shifted, post_A - delta. For every split S of the
subjects (each keeps its baseline/post pair) the adjusted difference
(ybar_S - ybar_rest) - beta_w (xbar_S - xbar_rest), beta_w the pooled
within-arm slope (the raw difference when the arms have no within-arm
baseline spread), is refitted from scratch on the shifted data. It is linear
in delta for each S; this script does not assume so: it evaluates it at
delta = 0, 1 and 2, checks the three points are collinear, and takes the
candidate breakpoints (where a split's statistic meets the observed one, or
its mirror about the null mean) from the lines. p(delta) is then counted
directly at every candidate and between them, with the same rules as
p_ancova_perm (two-sided deviation from the mean of the permutation
distribution, two-sided doubled, one-sided). The interval is the hull of the
shifts with p > alpha*, alpha* the largest design-attainable p <= 1 - conf.
Writes tests/reference/ancova_shift_inversion.csv.
Cases: the example study (data/examples/kap_pilot.csv, T0 -> T3, every
measure) and random studies from Python's seeded random module.
Usage: /usr/bin/python3 scripts/reference/ancova_shift_inversion.py
"""
import csv
import itertools
import os
import random
import sys
from fractions import Fraction as F
from math import comb

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def mean(v):
    return sum(v, F(0)) / len(v)


def adjusted_difference(x, y, in_s):
    gs = [[i for i in range(len(x)) if in_s[i]], [i for i in range(len(x)) if not in_s[i]]]
    mx = [mean([x[i] for i in g]) for g in gs]
    my = [mean([y[i] for i in g]) for g in gs]
    sxx = sum(((x[i] - mx[k]) ** 2 for k in (0, 1) for i in gs[k]), F(0))
    sxy = sum(((x[i] - mx[k]) * (y[i] - my[k]) for k in (0, 1) for i in gs[k]), F(0))
    beta = sxy / sxx if sxx != 0 else F(0)
    return (my[0] - my[1]) - beta * (mx[0] - mx[1])


def lines(post_a, base_a, post_b, base_b):
    na, n = len(post_a), len(post_a) + len(post_b)
    x = base_a + base_b
    out = []
    for s in itertools.combinations(range(n), na):  # the first is the observed split
        in_s = [i in s for i in range(n)]
        t = [adjusted_difference(x, [v - d for v in post_a] + post_b, in_s) for d in (0, 1, 2)]
        assert t[2] - t[1] == t[1] - t[0], "not linear in delta"
        out.append((t[0], t[0] - t[1]))  # T(delta) = u - c delta
    return out


def p_value(ls, delta, alternative, rule):
    ts = [u - c * delta for u, c in ls]
    t0 = ts[0]
    n = len(ts)
    ge = sum(1 for t in ts if t >= t0)
    le = sum(1 for t in ts if t <= t0)
    if alternative == "greater":
        return F(ge, n)
    if alternative == "less":
        return F(le, n)
    if rule == "doubled":
        return min(F(1), 2 * F(min(ge, le), n))
    m = mean(ts)
    return F(sum(1 for t in ts if abs(t - m) >= abs(t0 - m)), n)


def invert(ls, na, nb, conf, alternative, rule):
    u0 = ls[0][0]
    cu, cc = mean([u for u, _ in ls]), mean([c for _, c in ls])
    roots = set()
    for u, c in ls:
        if c != 1:
            roots.add((u - u0) / (c - 1))
        if alternative == "two-sided" and rule == "deviation" and c + 1 - 2 * cc != 0:
            roots.add((u + u0 - 2 * cu) / (c + 1 - 2 * cc))
    roots = sorted(roots)
    pts = [roots[0] - 1] + [p for i, r in enumerate(roots) for p in ([r] + ([(r + roots[i + 1]) / 2] if i + 1 < len(roots) else []))] + [roots[-1] + 1]
    ps = [p_value(ls, d, alternative, rule) for d in pts]
    total = comb(na + nb, na)
    two = alternative == "two-sided" and ((rule == "deviation" and na == nb) or rule == "doubled")
    res = F(2 if two else 1, total)
    m = int((1 - conf) / res)
    size = min(F(1), m * res if m >= 1 else res)
    keep = [i for i, p in enumerate(ps) if p > size]
    low = pts[keep[0]] if keep and keep[0] != 0 else None
    high = pts[keep[-1]] if keep and keep[-1] != len(pts) - 1 else None
    steps = sum(1 for i in range(1, len(ps)) if ps[i] != ps[i - 1])
    return low, high, 1 - size, p_value(ls, F(0), alternative, rule), steps


def fmt(v):
    return "" if v is None else repr(float(v))


def example_cases():
    rows = list(csv.DictReader(open(os.path.join(ROOT, "data/examples/kap_pilot.csv"))))
    sc = {(r["measure"], r["group"], r["subject"], r["time"]): F(r["score"])
          for r in rows if r["score"] not in ("", "NA")}
    groups = []
    for r in rows:
        if r["group"] not in groups:
            groups.append(r["group"])
    cases = []
    for m in sorted({r["measure"] for r in rows}):
        arms = []
        for g in groups:
            subj = sorted({r["subject"] for r in rows if r["group"] == g})
            ok = [s for s in subj if (m, g, s, "T0") in sc and (m, g, s, "T3") in sc]
            arms.append(([sc[(m, g, s, "T3")] for s in ok], [sc[(m, g, s, "T0")] for s in ok]))
        cases.append((f"example_{m}_T3", arms[0][0], arms[0][1], arms[1][0], arms[1][1]))
    return cases


def random_cases(rng):
    cases = []
    for i, (na, nb, kind) in enumerate([(5, 5, "int"), (5, 5, "dec"), (4, 6, "int"), (6, 4, "dec"),
                                        (4, 4, "quarter"), (6, 6, "int"), (3, 5, "int")]):
        def draw():
            x = rng.randint(5, 30)
            if kind == "int":
                return F(rng.randint(0, 40)), F(x)
            if kind == "quarter":
                return F(rng.randint(0, 160), 4), F(x)
            return F(round(0.6 * x + rng.gauss(0, 4), 2)).limit_denominator(100), F(x)
        a = [draw() for _ in range(na)]
        b = [draw() for _ in range(nb)]
        cases.append((f"random_{i}_{na}v{nb}_{kind}", [p for p, _ in a], [x for _, x in a],
                      [p for p, _ in b], [x for _, x in b]))
    return cases


def main():
    rng = random.Random(20261207)
    settings = [("two-sided", "deviation", F(95, 100)), ("two-sided", "deviation", F(90, 100)),
                ("greater", "deviation", F(95, 100)), ("less", "deviation", F(95, 100)),
                ("two-sided", "doubled", F(95, 100))]
    out = open(os.path.join(ROOT, "tests/reference/ancova_shift_inversion.csv"), "w")
    out.write("# Brute-force inversion of the exact permutation test of the ANCOVA adjusted difference over a\n"
              "# shift of arm A's post scores (post_A - delta), in exact rational arithmetic; p0 = p(0) is the\n"
              "# test's own p-value (p_ancova_perm). Vectors within a field are separated by spaces.\n"
              "# generated by scripts/reference/ancova_shift_inversion.py with Python %s\n" % sys.version.split()[0])
    out.write("id,alternative,rule,conf,post_a,base_a,post_b,base_b,low,high,level,p0,steps\n")
    for cid, pa, ba, pb, bb in example_cases() + random_cases(rng):
        ls = lines(pa, ba, pb, bb)
        for alternative, rule, conf in settings:
            low, high, level, p0, steps = invert(ls, len(pa), len(pb), conf, alternative, rule)
            j = lambda v: " ".join(repr(float(e)) for e in v)
            out.write(",".join([cid, alternative, rule, repr(float(conf)), j(pa), j(ba), j(pb), j(bb), fmt(low),
                                fmt(high), repr(float(level)), repr(float(p0)), str(steps)]) + "\n")


if __name__ == "__main__":
    main()
