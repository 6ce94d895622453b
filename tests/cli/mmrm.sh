# compare --on mmrm end to end: goldens on the example, --all-visits, every
# covariance and df method, a missed visit and a subject without baseline,
# Monte Carlo stated, usage errors (exit 2) and bad input (exit 3).
source "$(dirname "$0")/lib.bash"
EX=data/examples/kap_pilot.csv
G=tests/cli/golden

expect_golden "mmrm csv" "$G/compare_mmrm.csv" "$PS" compare "$EX" --on mmrm --format csv
expect_golden "mmrm all visits cs" "$G/compare_mmrm_all_visits.txt" "$PS" compare "$EX" --on mmrm --measures bdi \
  --all-visits --covariance cs
for cov in cs un ar1 toeplitz; do
  for df in kenward-roger satterthwaite residual; do
    run "$PS" compare "$EX" --on mmrm --measures gad7 --covariance "$cov" --df "$df" --format csv
    [ "$status" -eq 0 ] && grep -q "gad7,mmrm,T0,T3" "$T/out" && grep -q ",$cov," "$T/out" && grep -q ",$df,true," "$T/out" \
      && ok || bad "--covariance $cov --df $df"
  done
done
run "$PS" compare "$EX" --on mmrm --measures bdi --to T2 --format json
python3 - "$T/out" <<'PY' && ok || bad "--to T2: one row at T2, exact over 252 relabelings"
import json, sys
r = json.load(open(sys.argv[1]))
assert len(r) == 1 and r[0]["to"] == "T2" and r[0]["relabelings"] == 252 and r[0]["method_mmrm_perm"] == "exact-enumeration"
assert r[0]["mmrm_ci_low"] < r[0]["mmrm_diff"] < r[0]["mmrm_ci_high"] and 2 / 252 <= r[0]["p_mmrm_perm"] <= 1
PY
# beyond --exact-limit: Monte Carlo, seeded and said so; same seed, same bytes
run "$PS" compare "$EX" --on mmrm --measures bdi --covariance cs --exact-limit 100 --resamples 300 --seed 5 --format csv
cp "$T/out" "$T/mc1"
grep -q "monte-carlo (B=300, seed=5)" "$T/mc1" && ok || bad "Monte Carlo label"
run "$PS" compare "$EX" --on mmrm --measures bdi --covariance cs --exact-limit 100 --resamples 300 --seed 5 --format csv
cmp -s "$T/out" "$T/mc1" && ok || bad "Monte Carlo is not reproducible"
# a missed visit and a subject without a baseline
awk -F, 'NR == 1 || !(($1 == "P02" && $3 == "T2") || ($1 == "P07" && $3 == "T0"))' "$EX" > "$T/missing.csv"
run "$PS" compare "$T/missing.csv" --on mmrm --measures bdi --format csv
[ "$status" -eq 0 ] && grep -q "1 subject(s) without a T0 (baseline) score left out" "$T/out" \
  && grep -q "bdi,mmrm,T0,T3,psychedelic,psycholytic,5,4,14,12," "$T/out" && ok || bad "missed visit / no baseline"
# no arm-A score at the last visit: its effect is not estimable, said so, no numbers
awk -F, 'NR == 1 || !($2 == "psychedelic" && $3 == "T3")' "$EX" > "$T/noT3.csv"
run "$PS" compare "$T/noT3.csv" --on mmrm --measures bdi --format csv
[ "$status" -eq 0 ] && grep -q ",false,0,0,two-sided,deviation,0.05,,the group x visit effects are not all estimable" "$T/out" \
  && grep -q "3,,,,,," "$T/out" && ok || bad "not estimable"
# one post-baseline visit: the model is the ANCOVA (same adjusted difference and interval); three arms pairwise
run "$PS" compare tests/reference/data/anorexia_long.csv --on mmrm --format json
cp "$T/out" "$T/mmrm.json"
run "$PS" compare tests/reference/data/anorexia_long.csv --on ancova --format json
python3 - "$T/mmrm.json" "$T/out" <<'PY' && ok || bad "one visit: mmrm = ancova"
import json, sys
m, a = (json.load(open(f)) for f in sys.argv[1:])
assert len(m) == 3 and all(r["method_mmrm_perm"].startswith("monte-carlo (B=2000") for r in m)
for x, y in zip(m, a):
    assert abs(x["mmrm_diff"] - y["adj_diff"]) < 1e-9 and abs(x["mmrm_ci_low"] - y["adj_ci_low"]) < 1e-8
PY

expect_error "unknown covariance" 2 'unknown --covariance "ante" (valid: cs, un, ar1, toeplitz)' \
  "$PS" compare "$EX" --on mmrm --covariance ante
expect_error "unknown df" 2 'unknown --df "between" (valid: kenward-roger, satterthwaite, residual)' \
  "$PS" compare "$EX" --on mmrm --df between
expect_error "--to at baseline" 2 'is not a visit after the baseline' "$PS" compare "$EX" --on mmrm --to T0
expect_error "--curve" 2 '--curve is not available with --on mmrm' "$PS" compare "$EX" --on mmrm --curve
expect_error "unknown --to" 3 'T9' "$PS" compare "$EX" --on mmrm --to T9
printf 'subject,group,time,measure,score\nP01,a,T0,bdi,12\nP01,a,T1,bdi,x\n' > "$T/bad.csv"
expect_error "bad score" 3 "bad.csv:3" "$PS" compare "$T/bad.csv" --on mmrm
awk -F, 'NR == 1 || $3 == "T0"' "$EX" > "$T/one_time.csv"
expect_error "one time point" 2 "--on mmrm" "$PS" compare "$T/one_time.csv" --on mmrm
finish
