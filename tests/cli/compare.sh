# compare end to end: golden outputs, every --on, responders, errors.
source "$(dirname "$0")/lib.bash"
EX=data/examples/kap_pilot.csv
G=tests/cli/golden

expect_golden "compare csv" "$G/compare_example.csv" "$PS" compare "$EX" --format csv
expect_golden "compare ancova csv" "$G/compare_example_ancova.csv" "$PS" compare "$EX" --on ancova --format csv
expect_golden "compare responders" "$G/compare_example_responders.csv" "$PS" compare "$EX" --responders \
  --responder 20 --format csv
for on in raw slope auc; do
  run "$PS" compare "$EX" --on "$on" --time-values 0,1,3,6 --format csv
  [ "$status" -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 6 ] && ok || bad "compare --on $on"
done
run "$PS" compare data/examples/kap_pilot_wide.csv --format csv
cmp -s "$T/out" "$G/compare_example.csv" && ok || bad "wide compare differs from long"
run "$PS" compare "$EX" --groups psycholytic,psychedelic --measures bdi --format json
python3 - "$T/out" <<'PY' && ok || bad "--groups order reverses the sign"
import json, sys
r = json.load(open(sys.argv[1]))[0]
assert r["group_a"] == "psycholytic" and r["mean_diff"] == 8 and abs(r["p_floor_perm"] - 2/252) < 1e-15
PY
# three groups: pairwise rows plus the k-sample tests
run "$PS" compare tests/reference/data/anorexia_long.csv --format csv
[ "$status" -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 4 ] && grep -q "monte-carlo (B=100000" "$T/out" && ok \
  || bad "three groups"

# test-inverted interval: the shifts the exact permutation test does not reject
run "$PS" compare "$EX" --measures bdi --format json
python3 - "$T/out" <<'PY' && ok || bad "perm_ci agrees with p_perm and the curve"
import json, sys
r = json.load(open(sys.argv[1]))[0]
assert r["perm_ci_low"] == -14 and r["perm_ci_high"] == -1 and abs(r["perm_ci_level"] - (1 - 12/252)) < 1e-15
assert r["ci_method"] == "welch" and r["ci_low"] == r["welch_ci_low"] and r["ci_level"] == 0.95
assert r["perm_ci_high"] < 0 and r["p_perm"] <= 1 - r["perm_ci_level"]  # excludes 0 <=> p_perm <= size
PY
expect_golden "compare curve" "$G/compare_example_curve.csv" "$PS" compare "$EX" --measures bdi --curve --format csv
run "$PS" compare "$EX" --measures bdi --curve --format csv
python3 - "$T/out" <<'PY' && ok || bad "curve: p at 0 is p_perm, p = 1 at the observed difference"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
def p(x):
    v = float(rows[0]["p_below"])
    for r in rows:
        s = float(r["shift"])
        if x < s: return v
        if x == s: return float(r["p"])
        v = float(r["p_above"])
    return v
assert abs(p(0.0) - 0.03968253968253968) < 1e-15 and p(-8.0) == 1.0
PY
expect_error "curve with responders" 2 "--curve and --responders cannot be combined" \
  "$PS" compare "$EX" --curve --responders
expect_golden "compare ancova curve" "$G/compare_example_ancova_curve.csv" "$PS" compare "$EX" --measures bdi --curve --on ancova --format csv
run "$PS" compare "$EX" --measures bdi --curve --on ancova --format csv
python3 - "$T/out" <<'PY' && ok || bad "ancova curve: p at 0 is p_ancova_perm, p = 1 at the adjusted difference"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert {r["statistic"] for r in rows} == {"adj_diff"}
def p(x):
    v = float(rows[0]["p_below"])
    for r in rows:
        s = float(r["shift"])
        if x < s: return v
        if x == s: return float(r["p"])
        v = float(r["p_above"])
    return v
assert abs(p(0.0) - 0.03968253968253968) < 1e-15 and p(-8.452284263959392) == 1.0
PY
run "$PS" compare "$EX" --on ancova --format json
python3 - "$T/out" <<'PY' && ok || bad "adj_perm_ci excludes 0 exactly when p_ancova_perm <= its size"
import json, sys
for r in json.load(open(sys.argv[1])):
    size = 1 - r["adj_perm_ci_level"]
    inside = r["adj_perm_ci_low"] < 0 < r["adj_perm_ci_high"]
    assert inside == (r["p_ancova_perm"] > size), r["measure"]
    assert r["adj_perm_ci_low"] < r["adj_diff"] < r["adj_perm_ci_high"]
    assert r["method_adj_perm_ci"] == "ancova permutation inversion, exact-enumeration"
PY

# --margin: the two one-sided exact permutation tests (TOST) and the smallest margin these data establish
expect_golden "compare margin" "$G/compare_example_margin.csv" "$PS" compare "$EX" --measures bdi,gad7 \
  --margin 12 --format csv
run "$PS" compare "$EX" --margin 2 --format json
python3 - "$T/out" <<'PY' && ok || bad "margin: tost states both one-sided tests; min margin is where it turns"
import json, sys
for r in json.load(open(sys.argv[1])):
    assert r["margin"] == 2 and r["p_tost"] == max(r["p_tost_lower"], r["p_tost_upper"])
    both = r["p_tost_lower"] <= 0.05 and r["p_tost_upper"] <= 0.05
    assert r["tost"].startswith("equivalence within +-2 " + ("shown" if both else "not shown")), r["tost"]
    assert ("both one-sided exact tests reject" in r["tost"]) == both
    assert (r["tost_min_margin"] < 2) == both  # shown exactly for margins above tost_min_margin
PY
expect_error "margin with ancova" 2 "--margin is not available with --on ancova" \
  "$PS" compare "$EX" --margin 2 --on ancova
expect_error "margin not positive" 2 "--margin" "$PS" compare "$EX" --margin 0
# 2 v 3: the smallest one-sided p is 1/10, so no margin can ever be shown at alpha = 0.05
printf 'subject,group,time,measure,score\n' >"$T/small.csv"
for s in a1:A:10:4 a2:A:12:5 b1:B:11:9 b2:B:9:8 b3:B:13:12; do
  IFS=: read -r id g x y <<<"$s"; printf '%s,%s,T0,bdi,%s\n%s,%s,T1,bdi,%s\n' "$id" "$g" "$x" "$id" "$g" "$y" >>"$T/small.csv"
done
run "$PS" compare "$T/small.csv" --margin 50 --format json
python3 - "$T/out" <<'PY' && ok || bad "margin 2 v 3: no margin can be shown, said in tost and note"
import json, sys
r = json.load(open(sys.argv[1]))[0]
assert r["tost_min_margin"] is None and r["tost"].startswith("equivalence within +-50 not shown"), r
assert "no margin can be shown with this many observations" in r["tost"] and "TOST: no margin" in r["note"]
PY
# Cliff's delta at complete separation: a non-zero-width interval ending at -1, never [-1, -1]
run "$PS" compare "$T/small.csv" --format json
python3 - "$T/out" <<'PY' && ok || bad "delta interval at complete separation"
import json, sys
r = json.load(open(sys.argv[1]))[0]
assert r["cliffs_delta"] == -1 and r["delta_ci_low"] == -1 and r["delta_ci_high"] > -0.5, r  # 2 v 3: about 0.12
assert r["delta_ci_method"] == "newcombe score"
PY

expect_error "one group" 2 "compare needs at least two groups" "$PS" compare "$EX" --groups psychedelic
expect_error "bad --on" 2 'unknown --on "median" (valid: change, raw, ancova, slope, auc, mmrm)' \
  "$PS" compare "$EX" --on median
expect_error "bad --time-values" 2 "--time-values has 2 values for 4 times" "$PS" compare "$EX" --on slope \
  --time-values 0,1
expect_error "unknown --at" 3 '--at "T8"' "$PS" compare "$EX" --on raw --at T8
run "$PS" compare --help
[ "$status" -eq 0 ] && grep -q "Examples" "$T/out" && ok || bad "compare --help"

# the two-sided rule is named in every row: deviation by default, doubled on request,
# empty for a one-sided alternative
run "$PS" compare "$EX" --measures bdi --format csv --two-sided doubled
expect_status "compare --two-sided doubled" 0
expect_contains "two_sided column names doubled" ",two-sided,doubled,"
run "$PS" compare "$EX" --measures bdi --format csv --alternative less
expect_contains "two_sided empty when one-sided" ",less,,"
finish
