#!/usr/bin/env python3
"""Benchmark inputs for scripts/bench/run (deterministic: fixed seeds, stdlib only).

  make_data.py studies N OUTDIR      N example-sized studies: perturbations of
                                     data/examples/kap_pilot.csv (5 measures x
                                     2 arms x 5 subjects x 4 times), every score
                                     kept on its instrument's grid and in range
  make_data.py two-sample NA NB KIND OUT
                                     one measure at one time, groups a and b;
                                     KIND real (3 decimals, not integer after
                                     scaling by less than 1000) or integer (0..63)
  make_data.py paired N OUT          one arm of N subjects at T0 and T1 (integer
                                     scores 0..63), for change at n = N pairs
  make_data.py large ROWS OUT        long CSV with ROWS rows (describe throughput),
                                     used only when scripts/make_large_csv.py is absent
"""
import csv
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, "..", "..", "data", "examples", "kap_pilot.csv")

# instrument: (min, max, step in sevenths or plain)
GRID = {
    "bdi": (0, 63, 1), "gad7": (0, 21, 1), "pcl5": (0, 80, 1),
    "bpi_severity": (0, 10, 0.25), "bpi_interference": (0, 10, 1 / 7),
}


def fmt(measure, units):
    lo, hi, step = GRID[measure]
    if measure == "bpi_interference":
        text = f"{units / 7:.4f}".rstrip("0").rstrip(".")
    elif step == 1:
        text = str(units)
    else:
        text = f"{units * step:g}"
    return text


def to_units(measure, text):
    step = GRID[measure][2]
    return round(float(text) * 7) if measure == "bpi_interference" else round(float(text) / step)


def studies(n, outdir):
    with open(EXAMPLE, newline="") as f:
        rows = list(csv.DictReader(f))
    os.makedirs(outdir, exist_ok=True)
    rng = random.Random(20230401)
    for k in range(n):
        path = os.path.join(outdir, f"study_{k:03d}.csv")
        with open(path, "w", newline="") as out:
            w = csv.writer(out, lineterminator="\n")
            w.writerow(["subject", "group", "time", "measure", "score"])
            for r in rows:
                m, text = r["measure"], r["score"]
                if text in ("", "NA"):
                    w.writerow([r["subject"], r["group"], r["time"], m, text])
                    continue
                lo, hi, step = GRID[m]
                top = round(hi * 7) if m == "bpi_interference" else round(hi / step)
                u = min(max(to_units(m, text) + rng.randint(-3, 3), 0), top)
                w.writerow([r["subject"], r["group"], r["time"], m, fmt(m, u)])


def two_sample(na, nb, kind, out):
    rng = random.Random(1000 * na + nb + (7 if kind == "real" else 0))
    with open(out, "w") as f:
        f.write("subject,group,time,measure,score\n")
        for g, n, shift in (("a", na, 0.0), ("b", nb, 4.0)):
            for i in range(n):
                if kind == "integer":
                    v = str(min(63, max(0, round(rng.gauss(30 + shift, 10)))))
                else:
                    v = f"{rng.gauss(30 + shift, 10):.3f}"
                f.write(f"{g}{i + 1:03d},{g},T0,score,{v}\n")


def paired(n, out):
    rng = random.Random(4242 + n)
    with open(out, "w") as f:
        f.write("subject,group,time,measure,score\n")
        for i in range(n):
            base = rng.randint(20, 50)
            post = min(63, max(0, base + rng.randint(-12, 6)))
            f.write(f"P{i + 1:03d},arm,T0,bdi,{base}\n")
            f.write(f"P{i + 1:03d},arm,T1,bdi,{post}\n")


def large(rows, out):
    # 5 measures x 4 times per subject, 2 groups: ROWS / 20 subjects.
    rng = random.Random(99)
    measures = ["bdi", "bpi_severity", "bpi_interference", "gad7", "pcl5"]
    with open(out, "w") as f:
        f.write("subject,group,time,measure,score\n")
        written, s = 0, 0
        while written < rows:
            s += 1
            group = "psychedelic" if s % 2 else "psycholytic"
            for m in measures:
                lo, hi, step = GRID[m]
                top = round(hi * 7) if m == "bpi_interference" else round(hi / step)
                for t in range(4):
                    if written == rows:
                        break
                    f.write(f"S{s:07d},{group},T{t},{m},{fmt(m, rng.randint(0, top))}\n")
                    written += 1


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    cmd, args = argv[1], argv[2:]
    if cmd == "studies":
        studies(int(args[0]), args[1])
    elif cmd == "two-sample":
        two_sample(int(args[0]), int(args[1]), args[2], args[3])
    elif cmd == "paired":
        paired(int(args[0]), args[1])
    elif cmd == "large":
        large(int(args[0]), args[1])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
