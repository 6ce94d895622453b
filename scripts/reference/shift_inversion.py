#!/usr/bin/python3
"""Brute-force reference for the test-inverted shift intervals
(lib/pilotstat/inference/shift_inversion.*), in exact rational arithmetic.

For each case the p-value function p(delta) of the exact permutation test of
(A - delta) vs B (mean difference) or of the sign-flip test of d - delta
(mean change) is evaluated directly -- by enumerating every split / sign
vector and counting, with Fractions, so no tolerance is involved -- at every
candidate breakpoint (every delta where some arrangement's statistic meets
the observed one, or its negative) and at the midpoint of every gap between
them. The interval is the hull of the shifts with p > alpha*, alpha* the
largest design-attainable p <= 1 - conf (the smallest attainable p when none
is). Writes
  tests/reference/intervals_inversion.csv  one row per case: the interval
  tests/reference/intervals_curve.csv      every breakpoint where p changes
Cases: the example study's change scores (data/examples/kap_pilot.csv) and
random studies (integers and decimals, ties included) from Python's seeded
random module. Usage: /usr/bin/python3 scripts/reference/shift_inversion.py
"""
import csv
import itertools
import os
import random
import sys
from fractions import Fraction as F

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def mean(v):
    return sum(v, F(0)) / len(v)


def two_sample_lines(a, b):
    """Each split S as (value at delta = 0, slope): T_S(delta) = u - c delta."""
    na, nb = len(a), len(b)
    x = a + b
    total = sum(x, F(0))
    out = []
    for s in itertools.combinations(range(na + nb), na):
        ss = sum((x[i] for i in s), F(0))
        k = sum(1 for i in s if i < na)
        u = ss / na - (total - ss) / nb
        c = F(k, na) - F(na - k, nb)
        out.append((u, c))
    return out


def sign_flip_lines(d):
    n = len(d)
    out = []
    for e in itertools.product((1, -1), repeat=n):
        out.append((sum((ei * di for ei, di in zip(e, d)), F(0)) / n, F(sum(e), n)))
    return out


def p_value(lines, u0, delta, alternative, rule):
    t0 = u0 - delta
    ts = [u - c * delta for u, c in lines]
    if alternative == "greater":
        k = sum(1 for t in ts if t >= t0)
    elif alternative == "less":
        k = sum(1 for t in ts if t <= t0)
    elif rule == "deviation":
        k = sum(1 for t in ts if abs(t) >= abs(t0))
    else:
        ge = sum(1 for t in ts if t >= t0)
        le = sum(1 for t in ts if t <= t0)
        return min(F(1), 2 * F(min(ge, le), len(lines)))
    return F(k, len(lines))


def candidates(lines, u0, alternative, rule):
    roots = set()
    for u, c in lines:
        if c != 1:
            roots.add((u - u0) / (c - 1))
        if alternative == "two-sided" and rule == "deviation" and c != -1:
            roots.add((u + u0) / (c + 1))
    return sorted(roots)


def resolution(kind, na, nb, alternative, rule):
    if kind == "two_sample":
        from math import comb
        total = comb(na + nb, na)
        two = alternative == "two-sided" and ((rule == "deviation" and na == nb) or rule == "doubled")
    else:
        total = 2 ** na
        two = alternative == "two-sided"
    return F(2 if two else 1, total)


def invert(kind, a, b, conf, alternative, rule):
    if kind == "two_sample":
        lines = two_sample_lines(a, b)
        u0 = mean(a) - mean(b)
        r = resolution(kind, len(a), len(b), alternative, rule)
    else:
        lines = sign_flip_lines(a)
        u0 = mean(a)
        r = resolution(kind, len(a), 0, alternative, rule)
    alpha = 1 - conf
    m = alpha // r
    size = min(F(1), m * r if m >= 1 else r)
    xs = candidates(lines, u0, alternative, rule)
    # positions: gap before xs[0], xs[0], gap, xs[1], ..., gap after the last
    probes = []
    probes.append(("gap", xs[0] - 1))
    for i, x in enumerate(xs):
        probes.append(("point", x))
        probes.append(("gap", (x + xs[i + 1]) / 2 if i + 1 < len(xs) else x + 1))
    ps = [p_value(lines, u0, x, alternative, rule) for _, x in probes]
    # the curve: breakpoints where p changes (value at the point or just above differs from just below)
    curve = []
    for i, x in enumerate(xs):
        below, at, above = ps[2 * i], ps[2 * i + 1], ps[2 * i + 2]
        if at != below or above != below:
            curve.append((x, at, above))
    keep = [i for i, p in enumerate(ps) if p > size]
    res = {"level": 1 - size, "low": None, "high": None, "estimable": False, "curve": curve, "p_below": ps[0]}
    if not keep:
        return res
    first, last = keep[0], keep[-1]
    low = None if first == 0 else xs[(first - 1) // 2]
    high = None if last == len(ps) - 1 else (xs[(last - 1) // 2] if last % 2 == 1 else xs[last // 2])
    if low is not None and high is not None and low == high:
        return res
    res.update(low=low, high=high, estimable=True)
    return res


def fmt(v):
    return "NA" if v is None else repr(float(v))


def example_cases():
    rows = list(csv.DictReader(open(os.path.join(ROOT, "data/examples/kap_pilot.csv"))))
    scores = {}
    for r in rows:
        if r["score"] not in ("", "NA"):
            scores[(r["measure"], r["group"], r["subject"], r["time"])] = F(r["score"])
    measures = sorted({r["measure"] for r in rows})
    groups = []
    for r in rows:
        if r["group"] not in groups:
            groups.append(r["group"])
    cases = []
    for m in measures:
        changes = {}
        for g in groups:
            subjects = sorted({r["subject"] for r in rows if r["group"] == g})
            for to in ("T1", "T2", "T3"):
                d = [scores[(m, g, s, to)] - scores[(m, g, s, "T0")] for s in subjects
                     if (m, g, s, to) in scores and (m, g, s, "T0") in scores]
                changes[(g, to)] = d
                cases.append((f"example_{m}_{g}_{to}", "paired", d, []))
        cases.append((f"example_{m}_change_T3", "two_sample", changes[(groups[0], "T3")], changes[(groups[1], "T3")]))
    return cases


def random_cases(rng):
    cases = []
    def draw(n, kind):
        if kind == "int":
            return [F(rng.randint(-6, 6)) for _ in range(n)]
        if kind == "quarter":
            return [F(rng.randint(-20, 20), 4) for _ in range(n)]
        return [F(round(rng.gauss(0, 5), 2)).limit_denominator(100) for _ in range(n)]
    for i, (na, nb, kind) in enumerate([(5, 5, "int"), (5, 5, "dec"), (4, 6, "int"), (6, 4, "dec"), (3, 7, "quarter"),
                                        (6, 6, "int"), (5, 5, "quarter"), (2, 3, "int")]):
        a, b = draw(na, kind), draw(nb, kind)
        cases.append((f"random_two_sample_{i}_{na}v{nb}_{kind}", "two_sample", a, b))
    for i, (n, kind) in enumerate([(3, "int"), (4, "dec"), (5, "int"), (5, "quarter"), (6, "dec"), (7, "int"),
                                   (8, "dec"), (9, "int")]):
        cases.append((f"random_paired_{i}_n{n}_{kind}", "paired", draw(n, kind), []))
    return cases


def main():
    rng = random.Random(20230401)
    cases = example_cases() + random_cases(rng)
    settings = [("two-sided", "deviation", F(95, 100)), ("two-sided", "deviation", F(90, 100)),
                ("greater", "deviation", F(95, 100)), ("less", "deviation", F(95, 100)),
                ("two-sided", "doubled", F(95, 100))]
    out_i = open(os.path.join(ROOT, "tests/reference/intervals_inversion.csv"), "w")
    out_c = open(os.path.join(ROOT, "tests/reference/intervals_curve.csv"), "w")
    head = ("# Brute-force inversion of the exact permutation (two_sample: (A - delta) vs B, mean difference) and\n"
            "# sign-flip (paired: d - delta, mean change) tests over the shift delta, in exact rational arithmetic:\n"
            "# p(delta) by enumerating every arrangement at every candidate breakpoint and between them.\n"
            "# generated by scripts/reference/shift_inversion.py with Python %s\n" % sys.version.split()[0])
    out_i.write(head)
    out_c.write(head)
    out_i.write("id,kind,alternative,rule,conf,a,b,low,high,level,estimable,steps\n")
    out_c.write("id,kind,alternative,rule,a,b,p_below,shift,p_at,p_above\n")
    for cid, kind, a, b in cases:
        for alternative, rule, conf in settings:
            if kind == "paired" and rule == "doubled":
                continue  # symmetric null: the doubled rule is the deviation rule
            if kind == "paired" and len(a) > 8 and alternative != "two-sided":
                continue
            r = invert(kind, a, b, conf, alternative, rule)
            va = " ".join(repr(float(v)) for v in a)
            vb = " ".join(repr(float(v)) for v in b)
            out_i.write(",".join([cid, kind, alternative, rule, fmt(conf), va, vb, fmt(r["low"]), fmt(r["high"]),
                                  fmt(r["level"]), "1" if r["estimable"] else "0", str(len(r["curve"]))]) + "\n")
            if conf == F(95, 100):
                for x, at, above in r["curve"]:
                    out_c.write(",".join([cid, kind, alternative, rule, va, vb, fmt(r["p_below"]), fmt(x), fmt(at),
                                          fmt(above)]) + "\n")
    print("wrote tests/reference/intervals_inversion.csv and intervals_curve.csv", file=sys.stderr)


if __name__ == "__main__":
    main()
