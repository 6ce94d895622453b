# plan end to end: the csv columns and values against R (tests/reference/plan_kap_pilot.csv),
# the planning paragraph (golden), markdown/json/-o, retention with missing endpoints,
# --mcid, and every bad-input path (exit 2 usage, 3 data).
source "$(dirname "$0")/lib.bash"
EX=data/examples/kap_pilot.csv
REF=tests/reference/plan_kap_pilot.csv

for ep in change raw ancova; do
  run "$PS" plan $EX --endpoint $ep --format csv
  expect_status "csv $ep" 0
  python3 - "$T/out" "$REF" "$ep" <<'PY' && ok || bad "plan --endpoint $ep vs R (1e-12 relative)"
import csv, sys
rows = {r["measure"]: r for r in csv.DictReader(open(sys.argv[1]))}
ref = [r for r in csv.DictReader(l for l in open(sys.argv[2]) if not l.startswith("#")) if r["endpoint"] == sys.argv[3]]
assert len(ref) == 5 and len(rows) == 5, (len(ref), len(rows))
close = lambda a, b: abs(float(a) - float(b)) <= 1e-12 * abs(float(b))
for r in ref:
    o = rows[r["measure"]]
    assert o["endpoint"] == sys.argv[3] and o["to"] == "T3" and o["sd_ucl_conf"] == "0.8", o
    for c in ("sd_pooled", "df", "sd_ucl"):
        assert close(o[c], r[c]), (r["measure"], c, o[c], r[c])
    if r["mcid"] == "NA":
        assert o["mcid"] == o["n_per_arm"] == o["mcid_source"] == "" and "no MCID is known" in o["note"], o
    else:
        assert close(o["mcid"], r["mcid"]) and o["mcid_source"], o
        assert o["n_per_arm"] == r["n_per_arm"] and o["n_per_arm_pooled_sd"] == r["n_per_arm_pooled_sd"], (o, r)
        assert o["n_per_arm_attrition"] == o["n_per_arm"] and float(o["power_at_n"]) >= 0.9, o
    assert o["retention"] == "1" and o["retention_ci_high"] == "1" and abs(float(o["retention_ci_low"]) - 0.6915028921812393) < 1e-12
PY
done
head -1 "$T/out" | grep -q '^measure,endpoint,from,to,group_a,group_b,n_a,n_b,sd_pooled,df,sd_ucl,sd_ucl_conf,mcid,mcid_source,' \
  && ok || bad "column order"

# the planning paragraph
expect_golden "text" tests/cli/golden/plan_example.text "$PS" plan $EX
expect_contains "paragraph" "With an SD of 4.27 points (80% upper limit 5.63; 8 df from 5 + 5 participants), detecting the MCID of 4.88 points"
expect_contains "no effect sizing" "never on the pilot's own effect estimate"
run "$PS" plan $EX --measures bdi --format markdown
expect_status "markdown" 0
expect_contains "markdown heading" "### BDI-II (change from T0 to T3)"
run "$PS" plan $EX --measures pcl5 --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==1 and d[0]["n_per_arm"]==8 and d[0]["note"] is None' "$T/out" \
  && ok || bad "json"
run "$PS" plan $EX --measures pcl5 --format csv -o "$T/p.csv"
[ "$status" -eq 0 ] && [ ! -s "$T/out" ] && grep -q '^pcl5,change,T0,T3,' "$T/p.csv" && ok || bad "-o"

# --mcid, --alpha, --power, --sd-conf reach the computation (values from pwr::pwr.t.test, see plan_grid.csv)
run "$PS" plan $EX --measures gad7 --mcid 2 --sd-conf 0.9 --power 0.8 --alpha 0.01 --format csv
expect_status "--mcid" 0
python3 - "$T/out" <<'PY' && ok || bad "--mcid / --sd-conf / --power / --alpha"
import csv, sys, math
o = next(csv.DictReader(open(sys.argv[1])))
assert o["mcid"] == "2" and o["mcid_source"] == "--mcid" and o["sd_ucl_conf"] == "0.9" and o["alpha"] == "0.01" and o["power"] == "0.8", o
assert int(o["n_per_arm"]) > int(o["n_per_arm_pooled_sd"]) and float(o["sd_ucl"]) > float(o["sd_pooled"]), o
PY

# retention with a missing endpoint: 5 of 6 scored at T1, attrition rounds up
cat >"$T/miss.csv" <<'CSV'
subject,group,time,measure,score
a1,A,T0,phq9,20
a1,A,T1,phq9,15
a2,A,T0,phq9,22
a2,A,T1,phq9,19
a3,A,T0,phq9,26
a3,A,T1,phq9,NA
b1,B,T0,phq9,25
b1,B,T1,phq9,24
b2,B,T0,phq9,21
b2,B,T1,phq9,16
b3,B,T0,phq9,18
b3,B,T1,phq9,14
CSV
run "$PS" plan "$T/miss.csv" --format csv
expect_status "missing" 0
python3 - "$T/out" <<'PY' && ok || bad "retention 5 of 6 and attrition"
import csv, sys, math
o = next(csv.DictReader(open(sys.argv[1])))
assert o["n_a"] == "2" and o["n_b"] == "3" and o["df"] == "3" and o["randomized"] == "6" and o["retained"] == "5", o
assert o["retention_a"] == str(2/3) and o["retention_b"] == "1" and o["mcid"] == "5" and o["mcid_source"].startswith("Lowe"), o
n = int(o["n_per_arm"]); assert int(o["n_per_arm_attrition"]) == math.ceil(n * 6 / 5), o
# binom.test(5, 6)$conf.int = 0.358765421002, 0.995789255486
assert abs(float(o["retention_ci_low"]) - 0.358765421002) < 1e-11 and abs(float(o["retention_ci_high"]) - 0.995789255486) < 1e-11, o
PY
run "$PS" plan "$T/miss.csv"
expect_contains "retention sentence" "Retention at T1: 5 of 6 (A 2 of 3, B 3 of 3)."

# bad input
# (numeric ranges word for word: numeric_options.sh)
expect_error "mcid 0" 2 "--mcid: 0 is out of range; valid: mcid > 0" "$PS" plan $EX --measures bdi --mcid 0
expect_error "mcid negative" 2 "--mcid: -3 is out of range; valid: mcid > 0" "$PS" plan $EX --measures bdi --mcid -3
expect_error "power 1" 2 "--power: 1 is out of range; valid: 0 < power < 1" "$PS" plan $EX --power 1
expect_error "power 0" 2 "--power: 0 is out of range; valid: 0 < power < 1" "$PS" plan $EX --power 0
expect_error "power 1.5" 2 "--power: 1.5 is out of range; valid: 0 < power < 1" "$PS" plan $EX --power 1.5
expect_error "sd-conf 1" 2 "--sd-conf: 1 is out of range; valid: 0 < sd-conf < 1" "$PS" plan $EX --sd-conf 1
expect_error "sd-conf 0" 2 "--sd-conf: 0 is out of range; valid: 0 < sd-conf < 1" "$PS" plan $EX --sd-conf 0
expect_error "alpha" 2 "--alpha: 0.7 is out of range; valid: 0 < alpha <= 0.5" "$PS" plan $EX --alpha 0.7
expect_error "power <= alpha" 2 "--power must be greater than --alpha" "$PS" plan $EX --alpha 0.2 --power 0.1
expect_error "endpoint" 2 'unknown --endpoint "slope" (valid: change, raw, ancova)' "$PS" plan $EX --endpoint slope
expect_error "mcid many measures" 2 "--mcid is in points of one instrument but 5 measures are selected" "$PS" plan $EX --mcid 3
expect_error "same times" 2 "--from and --to are the same time; endpoint change needs two" "$PS" plan $EX --from T1 --to T1
expect_error "unknown time" 3 "T9" "$PS" plan $EX --to T9
sed '/^a2,A,T1/d;/^a3,A,T1/d' "$T/miss.csv" >"$T/few.csv"
expect_error "one pair" 3 'measure "phq9", arm "A" has 1 complete pair(s) between T0 and T1; planning needs at least 2 per arm' \
  "$PS" plan "$T/few.csv"
expect_error "one score raw" 3 'arm "A" has 1 score(s) at T1; planning needs at least 2 per arm' \
  "$PS" plan "$T/few.csv" --endpoint raw
{ cat "$T/miss.csv"; printf 'c1,C,T0,phq9,20\nc1,C,T1,phq9,18\n'; } >"$T/three.csv"
expect_error "three arms" 2 "plan needs one or two arms; the study has 3 (choose two with --groups A,B)" "$PS" plan "$T/three.csv"
run "$PS" plan "$T/three.csv" --groups A,B --format csv
[ "$status" -eq 0 ] && grep -q '^phq9,change,T0,T1,A,B,2,3,' "$T/out" && ok || bad "--groups selects two arms"

# --screened / --randomized: recruitment and the retention denominator (binom.test(12, 24), binom.test(10, 12))
run "$PS" plan $EX --measures pcl5 --screened 24 --randomized 12 --format csv
expect_status "screened" 0
python3 - "$T/out" <<'PY' && ok || bad "--screened / --randomized"
import csv, sys
o = next(csv.DictReader(open(sys.argv[1])))
assert o["screened"] == "24" and o["recruitment"] == "0.5" and o["randomized"] == "12" and o["retained"] == "10", o
assert abs(float(o["recruitment_ci_low"]) - 0.2912417798) < 1e-9 and abs(float(o["recruitment_ci_high"]) - 0.7087582202) < 1e-9, o
assert abs(float(o["retention_ci_low"]) - 0.5158622513) < 1e-9 and abs(float(o["retention_ci_high"]) - 0.9791374745) < 1e-9, o
assert o["n_per_arm"] == "8" and o["n_per_arm_attrition"] == "10" and o["retention_a"] == "1", o
PY
run "$PS" plan $EX --measures pcl5 --screened 24 --randomized 12
expect_contains "recruitment sentence" "Recruitment: 12 of 24 screened were randomized (50%; 95% CI 29–71%)."
expect_contains "arms in the data" "Retention at T3: 10 of 12 (in the data: psychedelic 5 of 5, psycholytic 5 of 5)."
run "$PS" plan $EX --measures pcl5 --format csv
head -2 "$T/out" | tail -1 | grep -q ',0.95,,,,,$' && ok || bad "no --screened: recruitment columns empty"
expect_error "randomized < data" 2 "--randomized 8 is fewer than the 10 participants in the data" \
  "$PS" plan $EX --randomized 8
expect_error "screened < randomized" 2 "--screened 6 is fewer than the 10 participants randomized" "$PS" plan $EX --screened 6
expect_error "randomized > screened" 2 "--randomized (30) exceeds --screened (20)" "$PS" plan $EX --screened 20 --randomized 30
expect_error "screened 0" 2 "--screened: 0 is out of range; valid: a whole number 1 <= screened <= 1000000000" "$PS" plan $EX --screened 0

# completeness per measure, visit and arm (tests/reference/plan_completeness.csv, binom.test)
MISS=tests/reference/plan_missing_input.csv
run "$PS" plan $MISS --table completeness --format csv
expect_status "completeness" 0
python3 - "$T/out" tests/reference/plan_completeness.csv <<'PY' && ok || bad "completeness vs R (1e-12 relative)"
import csv, sys
out = list(csv.DictReader(open(sys.argv[1])))
ref = list(csv.DictReader(l for l in open(sys.argv[2]) if not l.startswith("#")))
assert len(out) == len(ref) == 18, (len(out), len(ref))
close = lambda a, b: abs(float(a) - float(b)) <= 1e-12 * abs(float(b))
for o, r in zip(out, ref):
    assert [o[k] for k in ("measure", "time", "group", "scored", "of")] == [r[k] for k in ("measure", "time", "group", "scored", "of")], (o, r)
    assert all(close(o[k], r[k]) for k in ("completeness", "ci_low", "ci_high")) and o["ci_conf"] == "0.95", (o, r)
PY
# progression criteria (tests/reference/plan_progression.csv)
run "$PS" plan $MISS --randomized 9 --progression data/examples/progression.csv --table progression --format csv
expect_status "progression" 0
python3 - "$T/out" tests/reference/plan_progression.csv <<'PY' && ok || bad "progression vs R"
import csv, sys
out = list(csv.DictReader(open(sys.argv[1])))
ref = list(csv.DictReader(l for l in open(sys.argv[2]) if not l.startswith("#")))
assert len(out) == len(ref) == 4
for o, r in zip(out, ref):
    assert (o["criterion"], o["measure"], o["count"], o["of"], o["light"]) == (r["criterion"], r["measure"], r["count"], r["of"], r["light"]), (o, r)
    assert abs(float(o["ci_low"]) - float(r["ci_low"])) < 1e-12 and abs(float(o["ci_high"]) - float(r["ci_high"])) < 1e-12
    spans = "" if r["light_low"] == r["light_high"] else r["light_low"] + " to " + r["light_high"]
    assert o["ci_spans"] == spans and o["time"] == ("T2" if r["criterion"] == "retention" else ""), (o, r)
PY
run "$PS" plan $MISS --randomized 9 --progression data/examples/progression.csv
expect_contains "progression sentence" "retention of phq9 at T2: 5 of 9 = 56% (95% CI 21–86%): red (green at 80% or more, amber at 65% or more); the interval spans red to green."
expect_contains "completeness section" "phq9     all    7/9 (40-97%)"
run "$PS" plan $MISS --randomized 9 --progression data/examples/progression.csv --format markdown
expect_contains "markdown progression" "- completeness of gad7 (scored at every visit): 6 of 9 = 67% (95% CI 30–93%): **red**"
printf 'criterion,green,amber\nrecruitment,0.5,0.25\n' >"$T/rec.csv"
run "$PS" plan $EX --measures pcl5 --screened 24 --randomized 12 --progression "$T/rec.csv" --table progression --format csv
[ "$status" -eq 0 ] && grep -q '^recruitment,,,12,24,0.5,.*,0.5,0.25,green,amber to green$' "$T/out" && ok || bad "recruitment criterion"
run "$PS" plan $EX --measures pcl5 --progression data/examples/progression.csv --format json --table progression
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [r["light"] for r in d]==["green","green"] and d[0]["ci_spans"]=="amber to green"' "$T/out" \
  && ok || bad "progression json"
# progression bad input: exit 3 at FILE:LINE:COLUMN (every message in tests/unit/plan_feasibility_test.cpp)
printf 'criterion,measure,green,amber\nretention,,0.8,0.65\nretension,,0.8,0.6\n' >"$T/bad1.csv"
expect_error "unknown criterion" 3 "$T/bad1.csv:3:1: unknown criterion \"retension\"" "$PS" plan $EX --progression "$T/bad1.csv"
printf 'criterion,measure,green,amber\nretention,,80,65\n' >"$T/bad2.csv"
expect_error "percent threshold" 3 "$T/bad2.csv:2:3: green must be a share between 0 and 1 (\"80\"; write 80% as 0.8)" "$PS" plan $EX --progression "$T/bad2.csv"
printf 'criterion,measure,green,amber\nretention,,0.6,0.8\n' >"$T/bad3.csv"
expect_error "amber above green" 3 "$T/bad3.csv:2:4: amber (0.8) exceeds green (0.6)" "$PS" plan $EX --progression "$T/bad3.csv"
printf 'criterion,measure,green,amber\nretention,phq9,0.8,0.6\n' >"$T/bad4.csv"
expect_error "unknown measure" 3 "$T/bad4.csv:2:2: measure \"phq9\" is not among the measures analysed" "$PS" plan $EX --progression "$T/bad4.csv"
printf 'criterion,measure,green,amber\nretention,,x,0.6\n' >"$T/bad5.csv"
expect_error "not a number" 3 "$T/bad5.csv:2:3: \"x\" is not a number (column \"green\")" "$PS" plan $EX --progression "$T/bad5.csv"
printf 'criterion,measure,green\nretention,,0.8\n' >"$T/bad6.csv"
expect_error "missing column" 3 "$T/bad6.csv:1: progression file lacks column \"amber\"" "$PS" plan $EX --progression "$T/bad6.csv"
printf 'criterion,measure,green,amber\nretention,,0.8,0.6\nretention,,0.9,0.6\n' >"$T/bad7.csv"
expect_error "twice" 3 "$T/bad7.csv:3:1: criterion \"retention\" is given twice (first on line 2)" "$PS" plan $EX --progression "$T/bad7.csv"
printf 'criterion,measure,green,amber\n' >"$T/bad8.csv"
expect_error "no criteria" 3 "$T/bad8.csv:1: progression file has no criteria" "$PS" plan $EX --progression "$T/bad8.csv"
printf 'criterion,measure,green,amber\nretention,,0.8,0.6,9\n' >"$T/bad9.csv"
expect_error "ragged" 3 "$T/bad9.csv:2" "$PS" plan $EX --progression "$T/bad9.csv"
expect_error "missing file" 3 "$T/none.csv" "$PS" plan $EX --progression "$T/none.csv"
expect_error "recruitment needs screened" 2 "$T/rec.csv:2: criterion recruitment needs --screened N" "$PS" plan $EX --progression "$T/rec.csv"
expect_error "table progression" 2 "--table progression needs --progression FILE" "$PS" plan $EX --table progression
expect_error "table unknown" 2 "--table" "$PS" plan $EX --table people
run "$PS" plan --help
[ "$status" -eq 0 ] && grep -q "pilotstat plan data/examples/kap_pilot.csv" "$T/out" && ok || bad "--help has an example"
# single-arm pilot: the one arm's SD of the endpoint (n - 1 df) sizes a two-arm main trial
run "$PS" plan $EX --groups psychedelic --measures bdi --format csv
expect_status "single arm" 0
python3 - "$T/out" "$EX" <<'PY' && ok || bad "single arm: SD of the psychedelic arm's BDI-II change T0 to T3, df 4, no group_b"
import csv, statistics, sys
o = next(csv.DictReader(open(sys.argv[1])))
rows = [r for r in csv.DictReader(open(sys.argv[2])) if r["group"] == "psychedelic" and r["measure"] == "bdi"]
score = {(r["subject"], r["time"]): float(r["score"]) for r in rows if r["score"] not in ("", "NA")}
d = [score[(s, "T3")] - score[(s, "T0")] for s in sorted({r["subject"] for r in rows}) if (s, "T0") in score and (s, "T3") in score]
assert o["group_a"] == "psychedelic" and o["group_b"] == "" and o["n_b"] == "" and o["retention_b"] == "", o
assert o["n_a"] == str(len(d)) and o["df"] == str(len(d) - 1), o
assert abs(float(o["sd_pooled"]) - statistics.stdev(d)) < 1e-12, (o["sd_pooled"], statistics.stdev(d))
assert o["n_per_arm"] != "" and "single-arm pilot" in o["note"], o
PY
run "$PS" plan $EX --groups psychedelic --measures bdi
expect_contains "single arm: df wording" "df from 5 participants of the one arm)"
expect_contains "single arm: retention" "Retention at T3: 5 of 5."
[ "$(grep -c '^bdi ' "$T/out")" -eq 2 ] && ok || bad "single arm: completeness has the arm's row and the all row"
expect_error "single arm, ancova" 2 "--endpoint ancova adjusts a between-arm difference" \
  "$PS" plan $EX --groups psychedelic --endpoint ancova
run "$PS" report $EX --groups psychedelic --measures bdi
expect_contains "single-arm report has a plan section" "df from 5 participants of the one arm)"
finish
