#!/usr/bin/env python3
"""Writes data/examples/kap_pilot.csv (long) and kap_pilot_wide.csv (wide).

SYNTHETIC data shaped like the ketamine-assisted psychotherapy pilot of
Batievsky et al. (Front. Pain Res. 2023, 4:1127863): 10 subjects, two arms of 5,
four times (baseline T0, after sessions 1, 3 and 6), five instruments. The
scores were chosen by hand (no randomness), with the spread between people a
real pilot shows (one psychedelic-arm participant, P02, barely changes; one
psycholytic participant, P07, worsens slightly), so that the arms' group means
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
        "T1": [26, 31, 20, 26, 27, 25, 30, 23, 24, 28],
        "T2": [19, 29, 14, 24, 20, 22, 31, 22, 23, 26],
        "T3": [14, 27, 10, 22, 15, 20, 31, 21, 22, 25],
    },
    "bpi_severity": {
        "T0": [6.5, 7.25, 5.75, 6.0, 6.5, 6.25, 5.5, 6.75, 5.0, 6.0],
        "T1": [6.0, 7.25, 5.0, 6.0, 6.0, 6.5, 5.75, 7.0, 5.25, 6.25],
        "T2": [5.0, 7.0, 4.25, 6.25, 5.25, 4.25, 4.0, 4.5, 3.5, 4.25],
        "T3": [4.0, 6.75, 3.5, 6.0, 4.75, 5.0, 6.0, 6.25, 5.5, 5.75],
    },
    # in sevenths: the item sum of 7 items scored 0-10
    "bpi_interference": {
        "T0": [42, 45, 38, 40, 45, 40, 36, 44, 33, 41],
        "T1": [38, 44, 33, 38, 40, 41, 36, 43, 34, 40],
        "T2": [28, 43, 24, 34, 31, 38, 37, 42, 31, 40],
        "T3": [20, 41, 18, 30, 25, 36, 38, 40, 30, 41],
    },
    "gad7": {
        "T0": [13, 15, 10, 12, 14, 12, 14, 11, 13, 10],
        "T1": [11, 15, 9, 11, 12, 12, 14, 11, 12, 10],
        "T2": [9, 14, 7, 11, 10, 11, 15, 10, None, 10],
        "T3": [8, 14, 6, 10, 9, 10, 15, 9, 11, 10],
    },
    "pcl5": {
        "T0": [48, 52, 41, 45, 50, 46, 50, 42, 44, 48],
        "T1": [45, 52, 37, 44, 46, 45, 50, 41, 44, 48],
        "T2": [40, 51, 32, 42, 42, 45, 51, 38, 43, 47],
        "T3": [35, 50, 28, 40, 38, 44, 51, 36, 43, 47],
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
