# change end to end: golden outputs, acceptance figures, options, errors.
source "$(dirname "$0")/lib.bash"
EX=data/examples/kap_pilot.csv
G=tests/cli/golden

expect_golden "change csv" "$G/change_example.csv" "$PS" change "$EX" --format csv
expect_golden "change text" "$G/change_example_bpi.text" "$PS" change "$EX" --measures bpi_severity --to T3

run "$PS" change "$EX" --measures bpi_severity --groups psychedelic --to T3 --format json
python3 - "$T/out" <<'PY' && ok || bad "json: pct_change_of_means -21.875, exact bootstrap named, floor 0.0625"
import json, sys
r = json.load(open(sys.argv[1]))
assert len(r) == 1 and r[0]["pct_change_of_means"] == -21.875
assert "exact enumeration" in r[0]["boot_method"] and r[0]["p_floor_signflip"] == 0.0625
assert r[0]["method_signflip"] == "exact-enumeration"
PY

# long and wide input: identical bytes
run "$PS" change data/examples/kap_pilot_wide.csv --format csv
cmp -s "$T/out" "$G/change_example.csv" && ok || bad "wide change differs from long"

# same input + same seed: identical bytes, also when Monte Carlo is forced
run "$PS" change "$EX" --exact-limit 0 --dp-limit 0 --boot-exact-limit 0 --resamples 2000 --boot-resamples 500 --seed 7 --format csv
cp "$T/out" "$T/mc1"
grep -q "monte-carlo (B=2000, seed=7)" "$T/mc1" && ok || bad "forced Monte Carlo is not named in the output"
run "$PS" change "$EX" --exact-limit 0 --dp-limit 0 --boot-exact-limit 0 --resamples 2000 --boot-resamples 500 --seed 7 --format csv
cmp -s "$T/out" "$T/mc1" && ok || bad "Monte Carlo output is not reproducible"

# options
run "$PS" change "$EX" --from T1 --to T2,T3 --alternative less --zero-method wilcoxon --responder 20 --format csv
[ "$status" -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 21 ] && grep -q ",T1,T2," "$T/out" && ok || bad "--from/--to/--alternative"
expect_contains "one-sided floor" ",less,"

expect_error "unknown --to" 3 'kap_pilot.csv: --to "T9" is not a time in the data (times: T0, T1, T2, T3)' \
  "$PS" change "$EX" --to T9
expect_error "unknown --from" 3 '--from "X"' "$PS" change "$EX" --from X
expect_error "same from and to" 2 "--from and --to are the same time" "$PS" change "$EX" --from T1 --to T1
expect_error "bad alternative" 2 'unknown alternative "up" (valid: two-sided, less, greater)' \
  "$PS" change "$EX" --alternative up
expect_error "bad boot method" 2 'unknown bootstrap method "x"' "$PS" change "$EX" --boot-method x
expect_error "bad conf" 2 "--conf: 1.5 is out of range; valid: 0.5 <= conf <= 0.9999" "$PS" change "$EX" --conf 1.5
expect_error "bad resamples" 2 '--resamples: "ten" is not a number' "$PS" change "$EX" --resamples ten
expect_error "last time only" 3 'no time after "T3"' "$PS" change "$EX" --from T3
# --individual is the same as `pilotstat individual`
run "$PS" change "$EX" --individual --measures bdi --to T3 --format csv
cp "$T/out" "$T/ind1"
run "$PS" individual "$EX" --measures bdi --to T3 --format csv
cmp -s "$T/out" "$T/ind1" && [ "$(wc -l <"$T/ind1")" -eq 11 ] && ok || bad "change --individual differs from individual"
run "$PS" change "$EX" --individual --measures bdi --to T3 --rci-sd baseline --summary --format csv
grep -q "fisher" "$T/out" && ok || bad "change --individual --summary"

run "$PS" change --help
[ "$status" -eq 0 ] && grep -q "Example" "$T/out" && ok || bad "change --help"

# the two-sided rule is named in every row
run "$PS" change "$EX" --measures bdi --format csv --two-sided doubled
expect_status "change --two-sided doubled" 0
expect_contains "two_sided column names doubled" ",two-sided,doubled,"

# sign-flip inversion: 95% is unattainable with 5 pairs; the 93.75% interval is the range of the changes
run "$PS" change "$EX" --measures bdi --groups psychedelic --to T3 --format json
python3 - "$T/out" <<'PY' && ok || bad "signflip_ci at 93.75% with a note"
import json, sys
r = json.load(open(sys.argv[1]))[0]
assert r["signflip_ci_low"] == -16 and r["signflip_ci_high"] == -5 and r["signflip_ci_level"] == 0.9375
assert "highest level 5 pairs allow below the requested 95%" in r["note"]
assert r["ci_method"] == "t" and r["ci_low"] == r["t_ci_low"]
PY
printf 'subject,group,time,measure,score\n' >"$T/eq.csv"
for s in 1 2 3 4 5; do printf 'S%s,a,T0,bdi,%s\nS%s,a,T1,bdi,%s\n' $s $((10 + s)) $s $((8 + s)) >>"$T/eq.csv"; done
run "$PS" change "$T/eq.csv" --format json
python3 - "$T/out" <<'PY' && ok || bad "five equal changes: no interval printed, reason in note"
import json, sys
r = json.load(open(sys.argv[1]))[0]
for c in ("ci_low", "ci_high", "signflip_ci_low", "signflip_ci_high", "boot_ci_low", "boot_ci_high"):
    assert r[c] is None, c
assert "signflip_ci not estimable: all 5 changes are equal (zero width)" in r["note"]
assert "ci not estimable: all 5 changes are equal (zero SD)" in r["note"]
PY
expect_golden "change curve" "$G/change_example_curve.csv" "$PS" change "$EX" --measures bdi --to T3 --curve --format csv
expect_error "curve with individual" 2 "--curve and --individual cannot be combined" \
  "$PS" change "$EX" --curve --individual
# --margin: two one-sided exact sign-flip tests (TOST); with 5 pairs the smallest one-sided p is 1/32
expect_golden "change margin" "$G/change_example_margin.csv" "$PS" change "$EX" --measures bdi,gad7 --to T3 \
  --margin 10 --format csv
run "$PS" change "$EX" --measures bdi --to T3 --margin 10 --format json
python3 - "$T/out" <<'PY' && ok || bad "change margin: both one-sided tests named; min margin = the largest |change|"
import json, sys
for r in json.load(open(sys.argv[1])):
    both = r["p_tost_lower"] <= 0.05 and r["p_tost_upper"] <= 0.05
    assert ("both one-sided exact tests reject" in r["tost"]) == both, r["tost"]
    assert (r["tost_min_margin"] < 10) == both
PY
# four pairs: 1/16 > 0.05, no margin can ever be shown
printf 'subject,group,time,measure,score\n' >"$T/four.csv"
for s in 1 2 3 4; do printf 'S%s,a,T0,bdi,%s\nS%s,a,T1,bdi,%s\n' $s $((10 + s)) $s $((10 + s % 2)) >>"$T/four.csv"; done
run "$PS" change "$T/four.csv" --margin 40 --format json
python3 - "$T/out" <<'PY' && ok || bad "change margin, 4 pairs: not possible, said in tost and note"
import json, sys
r = json.load(open(sys.argv[1]))[0]
assert r["tost_min_margin"] is None and "no margin can be shown with this many observations" in r["tost"], r["tost"]
assert "TOST: no margin can be shown with 4 pairs" in r["note"], r["note"]
PY
expect_error "change margin negative" 2 "--margin" "$PS" change "$EX" --margin -1
finish
