#!/usr/bin/env python3
"""Prints the benchmark table of scripts/bench/run from its raw results
(hyperfine JSON, Google Benchmark JSON, peak RSS): medians, ratios measured
in the same hyperfine run, targets met or missed, and the machine.

  table.py RESULTS_DIR PILOTSTAT
"""
import json
import os
import platform
import subprocess
import sys


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    load_avg = " ".join(open("/proc/loadavg").read().split()[:3])
    coin = sh("Rscript -e 'cat(format(packageVersion(\"coin\")))'")
    scipy = sh("/usr/bin/python3 -c 'import scipy; print(scipy.__version__)'")
    return [
        f"machine: nproc {sh('nproc')}, {cpu}, {platform.system()} {platform.release()}",
        f"load average at the end: {load_avg} (shared machine: other jobs were running)",
        f"versions: {sh('c++ --version | head -1')}; {sh('Rscript --version 2>&1 | head -1')}; "
        f"coin {coin}; SciPy {scipy}; {sh('hyperfine --version')}",
    ]


def load(res, name):
    with open(os.path.join(res, name + ".json")) as f:
        return json.load(f)["results"]


def ms(x):
    return f"{x * 1000:.1f} ms" if x < 10 else f"{x:.2f} s"


def short(cmd, root):
    return cmd.replace(root + "/", "").replace("/usr/bin/python3 ", "python3 ")


def main(res, ps):
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(ps)))) if "/build/" in ps else os.getcwd()
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    lines, commands = [], []
    hdr = "| case | pilotstat median | reference median | ratio (reference / pilotstat) | target | met |"
    lines += [hdr, "|---|---|---|---|---|---|"]

    def compare(case, name, refs, target, per=None):
        r = load(res, name)
        for x in r:
            commands.append(f"- {case}: `{short(x['command'], root)}`")
        p = r[0]["median"]
        pdiv, rdiv = (per or (1, 1))
        for x in r[1:]:
            label = "R" if "Rscript" in x["command"] and "coin_exact" not in x["command"] else \
                    "coin" if "coin_exact" in x["command"] else "SciPy"
            ratio = (x["median"] / rdiv) / (p / pdiv)
            lines.append(f"| {case} vs {label} | {ms(p / pdiv)} | {ms(x['median'] / rdiv)} | {ratio:.1f}x | "
                         f">= {target}x | {'yes' if ratio >= target else 'NO'} |")

    compare("(1) report, example study", "case1_report", None, 50)
    batch = load(res, "case2_batch")
    k = len(open(os.path.join(res, "..", "data", "batch_ref.txt")).read().split())
    compare("(2) batch, per study", "case2_batch", None, 50, per=(200, k))
    compare("(3) exact p, 12 v 12 (2,704,156 splits)", "case3_12v12", None, 20)
    compare("(4) exact p, 25 v 25 (DP)", "case4_25v25", None, 10)
    compare("(4) exact p, 50 v 50 (DP)", "case4_50v50", None, 10)
    ch = load(res, "case1b_change")[0]
    commands.append(f"- change on the example: `{short(ch['command'], root)}`")
    lines.append(f"| change, example study (issue 3) | {ms(ch['median'])} | | | | |")
    pr = load(res, "case3b_paired20")
    for x in pr:
        commands.append(f"- paired n = 20: `{short(x['command'], root)}`")
    lines.append(f"| paired n = 20: enumeration (2^20) / DP (issue 3) | {ms(pr[0]['median'])} / {ms(pr[1]['median'])} "
                 f"| | | exact, equal | see agreement |")
    gb = json.load(open(os.path.join(res, "case5_bootstrap.json")))
    for b in gb["benchmarks"]:
        if b.get("aggregate_name") != "median" or "BootstrapMean" not in b["name"]:
            continue
        rate = b["items_per_second"]
        name = b["name"].replace("BM_BootstrapMean/", "").replace("_median", "")
        target = ">= 100M/s" if name == "n:5/decimals:0" else ""
        met = ("yes" if rate >= 1e8 else "NO") if target else ""
        lines.append(f"| (5) MC bootstrap mean, {name} | {rate / 1e6:.1f} M resamples/s | | | {target} | {met} |")
    for b in gb["benchmarks"]:
        if b.get("aggregate_name") == "median" and "RngBelow" in b["name"]:
            lines.append(f"| (5) ceiling: Rng::below({b['name'].split('/')[1].split('_')[0]}) | "
                         f"{b['items_per_second'] / 1e6:.0f} M draws/s | | | | |")
    commands.append("- (5): `build/bench/scripts/bench/pilotstat_bench_bootstrap` (B = 2^20 resamples per call, "
                    "taskset -c 0)")
    d = load(res, "case6_describe")
    for x, tag in zip(d, ("large_1m", "large_100k")):
        size = int(open(os.path.join(res, f"size_{tag}.txt")).read())
        rss = int(open(os.path.join(res, f"rss_{tag}.txt")).read().split()[-1])
        mbps = size / 1e6 / x["median"]
        commands.append(f"- (6): `{short(x['command'], root)}`")
        target, met = (">= 100 MB/s", "yes" if mbps >= 100 else "NO") if tag == "large_1m" else ("", "")
        lines.append(f"| (6) describe, {tag[6:]} rows ({size / 1e6:.1f} MB) | {ms(x['median'])}: "
                     f"{mbps:.0f} MB/s, peak RSS {rss / 1024:.0f} MB | | | {target} | {met} |")
    print("\n".join(machine()))
    print()
    print("\n".join(lines))
    print()
    print("commands (hyperfine: 2 warm-up runs, then the runs; medians of wall time):")
    print("\n".join(commands))
    print()
    print(f"(2): pilotstat runs all 200 studies in a shell loop (one process each); R and SciPy analyse the first "
          f"{k} in one session each (their startup paid once), times divided per study.")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
