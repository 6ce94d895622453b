# check end to end: the example expectations, a changed score, GRIM rows,
# no-match / multi-match / malformed rows, exit statuses, TAP, JSON, JUnit XML, --record.
source "$(dirname "$0")/lib.bash"
EX=data/examples/kap_pilot.csv
EXP=data/examples/kap_pilot.expect.csv
H=id,select,expected,tolerance,note

run "$PS" check --data "$EX" "$EXP"
expect_status "example expectations pass" 0
tail -n 1 "$T/out" | grep -qE '^[0-9]+ passed, 0 failed$' && ok || bad "last line is not 'N passed, 0 failed'"
expect_contains "headline row" "psychedelic_bpi_severity_pct"

# one changed score (P01 BPI severity at T3: 4 -> 5) fails exactly the rows it moves
sed 's/^P01,psychedelic,T3,bpi_severity,4$/P01,psychedelic,T3,bpi_severity,5/' "$EX" >"$T/changed.csv"
cmp -s "$EX" "$T/changed.csv" && bad "sed did not change the score"
run "$PS" check --data "$T/changed.csv" "$EXP"
expect_status "a changed score fails" 1
grep -E '^psychedelic_bpi_severity_pct .*FAIL' "$T/out" >/dev/null && ok || bad "pct row should fail"
grep -E '^psychedelic_bpi_severity_session6 .*FAIL' "$T/out" >/dev/null && ok || bad "session-6 mean should fail"
grep -E '^psycholytic_bpi_severity_pct .*PASS' "$T/out" >/dev/null && ok || bad "other arm should still pass"
tail -n 1 "$T/out" | grep -qE '^[0-9]+ passed, [1-9][0-9]* failed$' && ok || bad "summary line after failures"

# GRIM without data
printf '%s\ng,grim n=5 step=1,3.45,decimals:2,x\n' "$H" >"$T/g.csv"
run "$PS" check "$T/g.csv"
expect_status "GRIM-impossible mean fails" 1
expect_contains "GRIM reason" "GRIM-impossible: the means of 5 scores on a grid of 1 nearest 3.45 are 3.4 and 3.6"
printf '%s\ng,grim n=5 step=1,3.40,decimals:2,x\n' "$H" >"$T/g2.csv"
run "$PS" check "$T/g2.csv"
expect_status "GRIM-possible mean passes" 0
run "$PS" check data/examples/published_consistency.expect.csv
expect_status "published consistency: the chained psycholytic row fails" 1
[ "$(grep -c ' FAIL ' "$T/out")" -eq 1 ] && grep -q '^psycholytic_s1_s3_s6_chained .*FAIL' "$T/out" && ok \
  || bad "exactly the chained row should fail"

# rows that cannot be computed fail with a reason; the others still run
printf '%s\n%s\n%s\n%s\n' "$H" \
  "none,describe measure=bdi group=placebo time=T0 column=mean,1,exact," \
  "many,describe measure=bdi group=psychedelic column=mean,1,exact," \
  "good,describe measure=bdi group=psychedelic time=T0 column=n,5,exact," >"$T/m.csv"
run "$PS" check --data "$EX" "$T/m.csv"
expect_status "no-match and multi-match rows fail" 1
expect_contains "no-match reason" "no row matched: no row with group=placebo among the rows left (group: psychedelic, psycholytic)"
expect_contains "multi-match reason" "4 rows matched; add a key to pick one (time: T0, T1, T2, T3)"
expect_contains "summary" "1 passed, 2 failed"
run "$PS" check "$T/m.csv"
expect_status "data rows without --data fail" 1
expect_contains "no data reason" "needs raw data: run with --data STUDY.csv"

# a percent change that does not match names its basis and the other basis's value
# (P09 missed GAD-7 at T2: complete pairs 11.75 -> 11.5, available 12 -> 11.5)
printf '%s\n%s\n%s\n' "$H" \
  "pairs,change measure=gad7 group=psycholytic from=T0 to=T2 column=pct_change_of_means,-4.17,decimals:2," \
  "avail,change measure=gad7 group=psycholytic from=T0 to=T2 column=pct_change_of_means_available,-2.13,decimals:2," >"$T/pct.csv"
run "$PS" check --data "$EX" "$T/pct.csv"
expect_status "percent change on the other basis fails" 1
expect_contains "pairs basis named" "basis: complete pairs (on all available scores: -4.16667)"
expect_contains "available basis named" "basis: all available scores (on complete pairs: -2.12766)"

# malformed files: exit 3, nothing on stdout, FILE:LINE:COLUMN
printf '%s\na,describe column=mean,1,banana,\n' "$H" >"$T/bad.csv"
expect_error "bad tolerance" 3 "bad.csv:2:4: unknown tolerance \"banana\"" "$PS" check --data "$EX" "$T/bad.csv"
printf '%s\na,nosuch column=mean,1,exact,\n' "$H" >"$T/bad2.csv"
expect_error "unknown command" 3 "bad2.csv:2:2: unknown command \"nosuch\"" "$PS" check --data "$EX" "$EXP" "$T/bad2.csv"
printf '%s\na,describe measure=bdi,1,exact,\n' "$H" >"$T/bad3.csv"
expect_error "missing column=" 3 "bad3.csv:2:2: a describe row needs column=NAME" "$PS" check "$T/bad3.csv"
printf '%s\na,describe column=mean,1.2.3,exact,\n' "$H" >"$T/bad4.csv"
expect_error "bad expected" 3 "bad4.csv:2:3: expected \"1.2.3\" is not a number" "$PS" check "$T/bad4.csv"
expect_error "missing file" 3 "nope.csv: cannot open expectations file" "$PS" check "$T/nope.csv"

# usage
expect_error "no expectations file" 2 "give at least one expectations file" "$PS" check --data "$EX"
expect_error "unknown format" 2 "unknown format \"xml\" for check" "$PS" check "$T/g2.csv" --format xml
run "$PS" check "$T/g2.csv" --no-such-option
expect_status "unknown option" 2

# TAP 13 and JSON
run "$PS" check --data "$EX" "$T/m.csv" --format tap
head -n 2 "$T/out" | tr '\n' '|' | grep -qx 'TAP version 13|1..3|' && ok || bad "TAP header"
expect_contains "tap not ok" "not ok 1 - none"
expect_contains "tap ok" "ok 3 - good"
run "$PS" check --data "$EX" "$EXP" --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["failed"]==0 and d["passed"]==len(d["results"])>0' "$T/out" \
  && ok || bad "json does not parse or counts are wrong"

# JUnit XML: well-formed, one testcase per row, failures counted
run "$PS" check --data "$EX" "$EXP" "$T/m.csv" "$T/g.csv" --junit "$T/j.xml"
expect_status "junit run" 1
if command -v xmllint >/dev/null; then xmllint --noout "$T/j.xml" && ok || bad "xmllint rejects the JUnit XML"; fi
rows=$(( $(grep -vc '^#' "$EXP") - 1 + 3 + 1 ))
python3 - "$T/j.xml" "$rows" <<'PY' && ok || bad "JUnit testcases/failures"
import sys, xml.etree.ElementTree as E
root = E.parse(sys.argv[1]).getroot()
cases = root.findall('./testsuite/testcase')
assert root.tag == 'testsuites' and len(root.findall('testsuite')) == 3
assert len(cases) == int(sys.argv[2]) == int(root.get('tests')), (len(cases), sys.argv[2])
assert len([c for c in cases if c.find('failure') is not None]) == int(root.get('failures')) == 3
PY

# -o writes the report atomically, nothing on stdout
run "$PS" check --data "$EX" "$EXP" -o "$T/report.txt"
[ "$status" -eq 0 ] && [ ! -s "$T/out" ] && tail -n 1 "$T/report.txt" | grep -q ' passed, 0 failed' && ok || bad "-o"

# --record writes a snapshot that passes, and fails once the data move
run "$PS" check --data "$EX" --record --select 'change column=pct_change_of_means,mean_change' \
  --select 'compare on=change column=p_perm' -o "$T/snap.csv"
expect_status "record" 0
[ "$(wc -l <"$T/snap.csv")" -gt 20 ] && ok || bad "snapshot too short"
run "$PS" check --data "$EX" "$T/snap.csv"
expect_status "snapshot passes" 0
run "$PS" check --data "$T/changed.csv" "$T/snap.csv"
expect_status "snapshot fails on changed data" 1
expect_error "record without select" 2 "--record needs at least one --select" "$PS" check --data "$EX" --record
expect_error "record bad pattern" 2 "no row matched" "$PS" check --data "$EX" --record --select 'describe measure=nothing'

# individual and report (verdict table) rows
printf '%s\nv,report measure=bdi section=compare column=p_adjusted,>0.05,p:4,Holm over 5 measures\nr,individual subject=P01 measure=bdi to=T3 column=rci,-3.1442,decimals:4,BDI-II manual SD\n' "$H" >"$T/ir.csv"
run "$PS" check --data "$EX" "$T/ir.csv"
expect_status "individual and report rows" 0
expect_contains "two rows pass" "2 passed, 0 failed"
# --instruments reaches the rows check recomputes: an individual row whose RCI
# needs the file's reliability and SD is recorded and checked with the same
# file (and is missing without it), exactly as `individual --instruments` prints it.
printf 'name,min,max,step,higher_is_worse,reliability,reliability_type,reliability_source,sd,sd_source\nbpi_severity,0,10,0.25,true,0.8,test-retest,test,2,test\n' >"$T/ins.csv"
run "$PS" check --record --data "$EX" --instruments "$T/ins.csv" --select 'individual measure=bpi_severity subject=P01 to=T3 column=rci'
expect_status "record with --instruments" 0
cp "$T/out" "$T/ins_exp.csv"
"$PS" individual "$EX" --measures bpi_severity --to T3 --instruments "$T/ins.csv" --format csv >"$T/ind.csv"
python3 - "$T/ins_exp.csv" "$T/ind.csv" <<'PY' && ok || bad "recorded RCI is the one individual --instruments prints"
import csv, sys
e = list(csv.DictReader(open(sys.argv[1])))
i = [r for r in csv.DictReader(open(sys.argv[2])) if r["subject"] == "P01"]
assert len(e) == 1 and len(i) == 1 and i[0]["rci"] != "", (e, i)
assert abs(float(e[0]["expected"]) - float(i[0]["rci"])) < 5e-5, (e[0]["expected"], i[0]["rci"])
PY
run "$PS" check "$T/ins_exp.csv" --data "$EX" --instruments "$T/ins.csv"
expect_status "check with --instruments" 0
expect_contains "passes with the file's norms" "1 passed, 0 failed"
run "$PS" check "$T/ins_exp.csv" --data "$EX"
expect_status "check without --instruments" 1
expect_contains "missing without them" "the computed value is missing (NA)"
# power rows need no --data and compute what `pilotstat power` prints; the
# expected d is pwr::pwr.t.test(n = 5, power = 0.8)$d = 2.024439 (R 4.2, pwr 1.3).
printf '%s\nd,power design=two-sample n=5 power=0.8 test=t column=effect,2.024439,decimals:6,pwr.t.test\nperm,power design=paired n=5 effect=1.5 test=perm column=power,0,exact,sign-flip floor 0.0625\nboth,power design=paired n=5 test=t column=power,0.5,decimals:2,one of n/effect/power given\n' "$H" >"$T/power.csv"
run "$PS" check "$T/power.csv"
expect_status "power rows (one bad)" 1
expect_contains "power d passes" "2 passed, 1 failed"
expect_contains "two of three" "give exactly two of --n, --effect and --power"
"$PS" power --design two-sample --n 5 --power 0.8 --test t --format csv | python3 -c "
import csv, sys; r = list(csv.DictReader(sys.stdin))[0]; assert abs(float(r['effect']) - 2.024439) < 5e-7, r" \
  && ok || bad "power command and pwr agree"
finish
