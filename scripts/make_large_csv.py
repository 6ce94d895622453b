#!/usr/bin/env python3
"""Writes a large long-format study for the benchmark in docs/performance.md.

Default: 1,000,000 rows = 2 groups x 25,000 subjects x 4 times x 5 measures
(bdi, gad7, phq9, pcl5 integer scores; bpi_severity in quarter steps), about
1% missing. Deterministic (fixed seed). Usage:
    scripts/make_large_csv.py [ROWS] > large.csv
ROWS is rounded down to a multiple of 20 (4 times x 5 measures per subject).
"""
import random
import sys

MEASURES = [("bdi", 63, 1), ("gad7", 21, 1), ("phq9", 27, 1), ("pcl5", 80, 1), ("bpi_severity", 10, 4)]
TIMES = ["T0", "T1", "T2", "T3"]


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    subjects = rows // (len(TIMES) * len(MEASURES))
    rng = random.Random(20240607)
    out = sys.stdout
    out.write("subject,group,time,measure,score\n")
    for s in range(subjects):
        group = "psychedelic" if s % 2 == 0 else "psycholytic"
        sid = f"S{s:06d}"
        for name, top, per_unit in MEASURES:
            base = rng.randint(top * per_unit // 3, top * per_unit)
            for t, time in enumerate(TIMES):
                if rng.random() < 0.01:
                    score = "NA"
                else:
                    v = min(top * per_unit, max(0, base - t * rng.randint(0, per_unit * 3)))
                    score = str(v) if per_unit == 1 else f"{v / per_unit:g}"
                out.write(f"{sid},{group},{time},{name},{score}\n")


if __name__ == "__main__":
    main()
