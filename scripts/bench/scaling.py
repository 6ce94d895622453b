#!/usr/bin/env python3
"""Scaling table for docs/performance.md (issue 20, item 6): what a run costs
as the input grows, so a user can predict it.

  scripts/bench/scaling.py [--bin build/release/pilotstat] [--runs 3] [--out DIR]
                           [--quick] [--instructions]

Cases (inputs generated deterministically by scripts/make_large_csv.py and
scripts/bench/make_data.py):
  describe  on long CSVs of 10,000 / 100,000 / 1,000,000 rows
  report    --format json on the example study restricted to 1 measure, the
            example (5 measures), and 20 measures (the example's 5 measures
            four times, copies 2-4 renamed "<measure>_c<k>": not instruments,
            so without a grid)
  compare   --on raw --format json, two arms of n v n integer scores 0..63,
            n = 5, 12, 25, 50, 100
  change    --format json, one arm of n pairs (integer scores), n = 10, 20,
            100, 1000
Per case: median wall time and median CPU time (user + sys) over --runs runs
(wall by the clock; CPU, 10 ms resolution, and memory by /usr/bin/time), the largest peak RSS, and the methods the output names (so
a row says whether it enumerated, used the shift/DP or Monte Carlo).
--quick skips the 1,000,000-row file. --instructions adds each case's
instruction count under valgrind --tool=callgrind (one run; repeatable on a
loaded machine, unlike the times). Prints a Markdown table on stdout.
Wall times on a shared machine are noisy: compare rows within one run only.
"""
import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PY = "/usr/bin/python3"
EXAMPLE = os.path.join(ROOT, "data", "examples", "kap_pilot.csv")


def run_timed(cmd, runs):
    """Median wall and CPU time, largest peak RSS (KB), last stdout. Wall by
    perf_counter (/usr/bin/time rounds it to 10 ms); CPU and peak RSS from
    /usr/bin/time (a small parent, so the RSS is the program's own)."""
    walls, cpus, rss = [], [], 0
    out = b""
    for _ in range(runs):
        with tempfile.NamedTemporaryFile(mode="r") as tf:
            start = time.perf_counter()
            proc = subprocess.run(["/usr/bin/time", "-o", tf.name, "-f", "%U %S %M"] + cmd,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            walls.append(time.perf_counter() - start)
            if proc.returncode != 0:
                sys.exit(f"scaling.py: {' '.join(cmd)} exited {proc.returncode}")
            u, s, m = tf.read().split()[-3:]
        cpus.append(float(u) + float(s))
        rss = max(rss, int(m))
        out = proc.stdout
    return statistics.median(walls), statistics.median(cpus), rss, out


def instructions(cmd):
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg"] + cmd,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in proc.stderr.splitlines():
        if "refs:" in line:
            return int(line.split("refs:")[1].replace(",", "").strip())
    sys.exit(f"scaling.py: no instruction count from valgrind for {' '.join(cmd)}")


def methods(json_bytes, keys):
    rows = json.loads(json_bytes)
    rows = rows if isinstance(rows, list) else [rows]
    found = []
    for key in keys:
        vals = sorted({str(r.get(key)) for r in rows if isinstance(r, dict) and r.get(key)})
        if vals:
            found.append(f"{key.replace('method_', '')}: {', '.join(vals)}")
    return "; ".join(found)


def twenty_measures(path):
    with open(EXAMPLE, newline="") as f:
        rows = list(csv.DictReader(f))
    with open(path, "w", newline="") as out:
        w = csv.DictWriter(out, fieldnames=list(rows[0].keys()), lineterminator="\n")
        w.writeheader()
        for k in range(1, 5):
            for r in rows:
                r2 = dict(r)
                if k > 1:
                    r2["measure"] = f"{r['measure']}_c{k}"
                w.writerow(r2)


def fmt_time(s):
    return f"{s * 1000:.1f} ms" if s < 0.1 else f"{s * 1000:.0f} ms" if s < 10 else f"{s:.1f} s"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "release", "pilotstat"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "scaling-data"))
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--instructions", action="store_true")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    d = lambda name: os.path.join(a.out, name)  # noqa: E731
    gen = os.path.join(ROOT, "scripts", "bench", "make_data.py")
    big = [10_000, 100_000] + ([] if a.quick else [1_000_000])
    for rows in big:
        if not os.path.exists(d(f"long_{rows}.csv")):
            with open(d(f"long_{rows}.csv"), "w") as f:
                subprocess.run([PY, os.path.join(ROOT, "scripts", "make_large_csv.py"), str(rows)], stdout=f, check=True)
    twenty_measures(d("example_20_measures.csv"))
    for n in (5, 12, 25, 50, 100):
        subprocess.run([PY, gen, "two-sample", str(n), str(n), "integer", d(f"two_{n}v{n}.csv")], check=True)
    for n in (10, 20, 100, 1000):
        subprocess.run([PY, gen, "paired", str(n), d(f"paired_{n}.csv")], check=True)

    cases = []
    for rows in big:
        size = os.path.getsize(d(f"long_{rows}.csv"))
        cases.append((f"describe, {rows:,} rows ({size / 1e6:.1f} MB)",
                      ["describe", d(f"long_{rows}.csv"), "--format", "csv"], None, size))
    cases.append(("report, 1 measure (bdi), 2 x 5", ["report", EXAMPLE, "--measures", "bdi", "--format", "json"], None, 0))
    cases.append(("report, 5 measures, 2 x 5 (the example)", ["report", EXAMPLE, "--format", "json"], None, 0))
    cases.append(("report, 20 measures, 2 x 5", ["report", d("example_20_measures.csv"), "--format", "json"], None, 0))
    for n in (5, 12, 25, 50, 100):
        cases.append((f"compare --on raw, {n} v {n}", ["compare", d(f"two_{n}v{n}.csv"), "--on", "raw", "--format", "json"],
                      ["method_perm", "method_wmw"], 0))
    for n in (10, 20, 100, 1000):
        cases.append((f"change, paired n = {n}", ["change", d(f"paired_{n}.csv"), "--format", "json"],
                      ["method_signflip", "method_signrank"], 0))

    ins = " instructions |" if a.instructions else ""
    print(f"| case | wall (median of {a.runs}) | CPU user+sys | peak RSS | throughput |{ins} methods |")
    print("|---|---|---|---|---|---|" + ("---|" if a.instructions else ""))
    for label, args, keys, size in cases:
        wall, cpu, rss, out = run_timed([a.bin] + args, a.runs)
        thr = f"{size / 1e6 / wall:.0f} MB/s" if size else ""
        meth = methods(out, keys) if keys else ""
        ins = f" {instructions([a.bin] + args) / 1e6:,.1f} M |" if a.instructions else ""
        print(f"| {label} | {fmt_time(wall)} | {fmt_time(cpu)} | {rss / 1024:.0f} MB | {thr} |{ins} {meth} |", flush=True)


if __name__ == "__main__":
    main()
