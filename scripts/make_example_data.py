#!/usr/bin/env python3
"""Writes data/examples/kap_pilot.csv (long) and kap_pilot_wide.csv (wide).

SYNTHETIC data shaped like the ketamine-assisted psychotherapy pilot of
Batievsky et al. (Front. Pain Res. 2023, 4:1127863): 10 subjects, two arms of 5,
four times (baseline T0, after sessions 1, 3 and 6), five instruments. The
scores were chosen by hand (no randomness) so that the arms' group means
reproduce the paper's published percent changes to two decimals:
  psychedelic BPI severity T0 -> T3: -21.875 %  (published -21.88 %)
  psycholytic BPI severity T0 -> T3: -3.39 %    (published -3.39 %)
  psychedelic BPI interference T0 -> T3: -36.2 % (published about -36 %)
Every score is on its instrument's grid and in its range; BPI interference is
a mean of 7 items (grid 1/7) written rounded to 4 decimals, as papers print it.
One score is missing (P09, GAD-7, T2) to show how missingness is reported.
Run from the repository root: python3 scripts/make_example_data.py
"""
import csv
import os

TIMES = ["T0", "T1", "T2", "T3"]
ARMS = {"psychedelic": ["P01", "P02", "P03", "P04", "P05"],
        "psycholytic": ["P06", "P07", "P08", "P09", "P10"]}

# measure -> time -> ten scores (P01..P10); None = missing
SCORES = {
    "bdi": {
        "T0": [29, 33, 24, 27, 31, 27, 30, 23, 26, 29],
        "T1": [25, 30, 22, 24, 27, 26, 29, 23, 25, 27],
        "T2": [20, 24, 16, 19, 22, 25, 27, 22, 24, 27],
        "T3": [15, 20, 12, 16, 17, 24, 26, 23, 22, 25],
    },
    "bpi_severity": {
        "T0": [6.5, 7.25, 5.75, 6.0, 6.5, 6.25, 5.5, 6.75, 5.0, 6.0],
        "T1": [6.0, 6.75, 5.5, 5.75, 6.0, 6.5, 5.75, 7.0, 5.25, 6.25],
        "T2": [5.5, 6.0, 5.0, 5.25, 5.5, 4.25, 4.0, 4.5, 3.5, 4.25],
        "T3": [5.0, 5.75, 4.5, 4.75, 5.0, 6.0, 5.25, 6.75, 4.75, 5.75],
    },
    # in sevenths: the item sum of 7 items scored 0-10
    "bpi_interference": {
        "T0": [42, 45, 38, 40, 45, 40, 36, 44, 33, 41],
        "T1": [39, 42, 36, 37, 41, 41, 36, 43, 34, 40],
        "T2": [33, 36, 29, 31, 35, 39, 35, 42, 33, 40],
        "T3": [27, 30, 23, 25, 29, 38, 35, 41, 33, 39],
    },
    "gad7": {
        "T0": [13, 15, 10, 12, 14, 12, 14, 11, 13, 10],
        "T1": [11, 14, 9, 11, 12, 12, 13, 11, 12, 10],
        "T2": [9, 11, 8, 9, 10, 11, 12, 10, None, 9],
        "T3": [7, 9, 7, 8, 8, 10, 12, 10, 11, 9],
    },
    "pcl5": {
        "T0": [48, 52, 41, 45, 50, 46, 50, 42, 44, 48],
        "T1": [44, 47, 39, 42, 46, 45, 48, 41, 44, 47],
        "T2": [38, 41, 35, 37, 40, 43, 46, 40, 42, 45],
        "T3": [31, 36, 30, 33, 34, 41, 45, 40, 41, 43],
    },
}


def written(measure, value):
    """The score as a paper's table would print it."""
    if value is None:
        return "NA"
    if measure == "bpi_interference":
        text = f"{value / 7:.4f}".rstrip("0").rstrip(".")
        return text
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def pct_change_of_means(measure, arm, t_from, t_to):
    idx = [i for i, s in enumerate(ARMS["psychedelic"] + ARMS["psycholytic"]) if s in ARMS[arm]]
    a = [float(written(measure, SCORES[measure][t_from][i])) for i in idx]
    b = [float(written(measure, SCORES[measure][t_to][i])) for i in idx]
    return (sum(b) / len(b) - sum(a) / len(a)) / (sum(a) / len(a)) * 100


def main():
    assert round(pct_change_of_means("bpi_severity", "psychedelic", "T0", "T3"), 3) == -21.875
    assert round(pct_change_of_means("bpi_severity", "psycholytic", "T0", "T3"), 2) == -3.39
    assert round(pct_change_of_means("bpi_interference", "psychedelic", "T0", "T3")) == -36
    subjects = ARMS["psychedelic"] + ARMS["psycholytic"]
    group_of = {s: g for g, members in ARMS.items() for s in members}
    os.makedirs("data/examples", exist_ok=True)
    with open("data/examples/kap_pilot.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["subject", "group", "time", "measure", "score"])
        for i, s in enumerate(subjects):
            for m in SCORES:
                for t in TIMES:
                    w.writerow([s, group_of[s], t, m, written(m, SCORES[m][t][i])])
    with open("data/examples/kap_pilot_wide.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["subject", "group"] + [f"{m}_{t}" for m in SCORES for t in TIMES])
        for i, s in enumerate(subjects):
            w.writerow([s, group_of[s]] + [written(m, SCORES[m][t][i]) for m in SCORES for t in TIMES])


if __name__ == "__main__":
    main()
