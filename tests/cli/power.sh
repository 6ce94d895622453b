# power end to end: the acceptance value against R (tests/reference/power_acceptance.csv),
# the permutation-test row, the n = 5 paired p-floor, solving each of n / effect / power,
# determinism, formats, and usage errors (exit 2).
source "$(dirname "$0")/lib.bash"
REF=tests/reference/power_acceptance.csv

# acceptance: two-sample, n = 5 per arm, power 0.8 -> t-based minimal detectable d
run "$PS" power --design two-sample --n 5 --power 0.8 --format csv
expect_status "acceptance run" 0
python3 - "$T/out" "$REF" <<'EOF' && ok || bad "acceptance: t-based d vs power.t.test(n = 5, power = 0.8)"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
ref = {r["call"]: float(r["value"]) for r in csv.DictReader(l for l in open(sys.argv[2]) if not l.startswith("#"))}
assert [r["test"] for r in rows] == ["t", "perm"], rows
t, perm = rows
d = float(t["effect"])
assert abs(d - ref["ptt_strict_tight"]) <= 1e-9 * ref["ptt_strict_tight"], d      # the root (tol 1e-13)
assert abs(d - ref["ptt_default"]) <= 1e-6 * ref["ptt_default"], d                # R's default call
assert abs(d - ref["pwr_default"]) <= 1e-6 * ref["pwr_default"], d
assert t["n"] == "5" and t["alpha"] == "0.05" and t["alternative"] == "two-sided" and t["power"] == "0.8"
# the exact permutation test needs a somewhat larger effect (discreteness, p-floor 2/252)
assert d < float(perm["effect"]) < d + 0.3, perm
assert float(perm["power"]) >= 0.8 and float(perm["mc_se"]) < 0.01 and abs(float(perm["p_floor"]) - 2 / 252) < 1e-15
assert perm["method"].startswith("simulation (R=10000, seed="), perm["method"]
EOF
head -1 "$T/out" | grep -q '^design,test,n,alpha,alternative,power,effect,' && ok || bad "column order"

# n = 5 pairs, two-sided 0.05: the sign-flip test cannot reject (p-floor 0.0625)
run "$PS" power --design paired --n 5 --effect 2 --format csv
expect_status "paired n=5" 0
grep -q '^paired,perm,5,0.05,two-sided,0,2,power,exact (p-floor),,,0.0625,p-floor above alpha' "$T/out" && ok \
  || bad "paired n = 5 permutation power must be 0 with the p-floor note"
run "$PS" power --design paired --n 5 --power 0.8 --format csv --test perm
grep -q '^paired,perm,5,0.05,two-sided,0,,effect,' "$T/out" && ok || bad "paired n = 5: no detectable effect"

# solving for n: t gives power.t.test's real n too; --test t gives one row
run "$PS" power --design two-sample --effect 1 --power 0.8 --test t --format csv
[ "$status" -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 2 ] && grep -q '^two-sample,t,17,0.05,two-sided,0.807' "$T/out" \
  && grep -q ',n,noncentral-t,,16.71472244' "$T/out" && ok || bad "solve n (t)"

# solving for power, one-sided; deterministic for a seed, different for another
run "$PS" power --design two-sample --n 6 --effect 1.2 --alternative greater --resamples 2000 --seed 3 --format json
expect_status "solve power" 0
cp "$T/out" "$T/first.json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==2 and d[1]["test"]=="perm" and 0.3<d[1]["power"]<0.8 and d[1]["mc_se"]>0' \
  "$T/out" && ok || bad "solve power json"
run "$PS" power --design two-sample --n 6 --effect 1.2 --alternative greater --resamples 2000 --seed 3 --format json
cmp -s "$T/out" "$T/first.json" && ok || bad "same seed must give identical output"
run "$PS" power --design two-sample --n 6 --effect 1.2 --alternative greater --resamples 2000 --seed 4 --format json
cmp -s "$T/out" "$T/first.json" && bad "another seed should change the simulated power" || ok

# -o writes the file and nothing on stdout; text format works
run "$PS" power --design paired --n 8 --effect 1 --resamples 500 --format tsv -o "$T/p.tsv"
[ "$status" -eq 0 ] && [ ! -s "$T/out" ] && grep -q "^paired	perm	8	" "$T/p.tsv" && ok || bad "-o"
run "$PS" power --design paired --n 8 --effect 1 --resamples 500
[ "$status" -eq 0 ] && grep -q "noncentral-t" "$T/out" && ok || bad "text format"

# usage errors: exit 2, nothing on stdout, a clear message
expect_error "one of three" 2 "give exactly two of --n, --effect and --power" "$PS" power --design paired --n 5
expect_error "all three" 2 "give exactly two of --n, --effect and --power" \
  "$PS" power --design paired --n 5 --effect 1 --power 0.8
expect_error "bad design" 2 "--design" "$PS" power --design crossover --n 5 --power 0.8
expect_error "missing design" 2 "--design" "$PS" power --n 5 --power 0.8
expect_error "power > 1" 2 "--power: 1.2 is out of range; valid: 0 < power < 1" \
  "$PS" power --design paired --n 5 --power 1.2
expect_error "power <= alpha" 2 "--power must be greater than --alpha" \
  "$PS" power --design paired --n 5 --power 0.04 --alpha 0.05
expect_error "bad alpha" 2 "--alpha: 0 is out of range; valid: 0 < alpha <= 0.5" \
  "$PS" power --design paired --n 5 --effect 1 --alpha 0
expect_error "n < 2" 2 "--n" "$PS" power --design paired --n 1 --effect 1
expect_error "bad test" 2 "--test" "$PS" power --design paired --n 5 --effect 1 --test z
expect_error "bad format" 2 "format" "$PS" power --design paired --n 5 --effect 1 --format xml

run "$PS" power --help
[ "$status" -eq 0 ] && grep -q "Example" "$T/out" && grep -q -- "--design two-sample --n 5 --power 0.8" "$T/out" \
  && ok || bad "power --help"

finish
