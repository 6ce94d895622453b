# Exact tests whose counts overflow a double (2^1100 sign vectors): the
# shift/DP keeps them as rescaled counts, and `change` prints the exact p,
# the data floor and "exact-dp", as the big-integer reference says
# (tests/reference/large_exact_dp.csv, scripts/reference/large_exact_dp.py).
# The 520 v 520 binary case of the same fixture is checked in
# tests/unit/large_exact_dp_test.cpp: `compare` at that size also runs the
# Hodges-Lehmann interval, whose exact Wilcoxon table costs minutes.
source "$(dirname "$0")/lib.bash"

# 1,100 subjects, score 20 at T0 and 20 + d at T1 (d from the fixture)
python3 - "$T/pairs.csv" <<'PY'
import sys
rows = [l.strip() for l in open("tests/reference/large_exact_dp_pairs.csv") if l.strip() and not l.startswith("#")][1:]
with open(sys.argv[1], "w") as f:
    f.write("subject,group,time,measure,score\n")
    for i, d in enumerate(rows):
        f.write(f"S{i + 1:04d},arm,T0,x,20\nS{i + 1:04d},arm,T1,x,{20 + int(d)}\n")
PY

run "$PS" change "$T/pairs.csv" --resamples 2000 --boot-resamples 200 --format csv
expect_status "change on 1,100 pairs" 0
python3 - "$T/out" <<'PY' && ok || bad "1,100 pairs: p, floors and method agree with the big-integer DP"
import csv, sys
ref = {r["case"]: r for r in csv.DictReader(l for l in open("tests/reference/large_exact_dp.csv") if not l.startswith("#"))}["pairs"]
row = list(csv.DictReader(open(sys.argv[1])))[0]
def close(a, b):
    a, b = float(a), float(b)
    return abs(a - b) <= 1e-9 * abs(b)
assert row["method_signflip"] == "exact-dp", row["method_signflip"]
assert row["method_signrank"] == "exact-dp", row["method_signrank"]
assert close(row["p_signflip"], ref["p_two_sided"]), (row["p_signflip"], ref["p_two_sided"])
assert close(row["p_floor_data_signflip"], ref["p_floor_data"]), row["p_floor_data_signflip"]
assert float(row["p_floor_signflip"]) == float(ref["p_floor_design"]) == 0.0  # 2^-1099 rounds to 0
assert row["mc_se_signflip"] == ""
PY

run "$PS" change "$T/pairs.csv" --alternative greater --resamples 2000 --boot-resamples 200 --format csv
python3 - "$T/out" <<'PY' && ok || bad "1,100 pairs, greater: p agrees with the big-integer DP"
import csv, sys
ref = {r["case"]: r for r in csv.DictReader(l for l in open("tests/reference/large_exact_dp.csv") if not l.startswith("#"))}["pairs"]
row = list(csv.DictReader(open(sys.argv[1])))[0]
assert row["method_signflip"] == "exact-dp"
assert abs(float(row["p_signflip"]) - float(ref["p_greater"])) <= 1e-9 * float(ref["p_greater"])
PY

# With the DP switched off the test is Monte Carlo and says so.
run "$PS" change "$T/pairs.csv" --dp-limit 0 --resamples 2000 --boot-resamples 200 --format csv
expect_contains "no DP: Monte Carlo named" "monte-carlo (B=2000, seed=20230401)"
finish
