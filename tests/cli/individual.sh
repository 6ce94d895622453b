# individual end to end: per-subject rows (acceptance columns), unknown
# knowledge and missing scores as notes, --rci-sd baseline, --summary with the
# exact test, --instruments overrides, usage errors.
source "$(dirname "$0")/lib.bash"
EX=data/examples/kap_pilot.csv
G=tests/cli/golden
COLS=subject,group,measure,from,to,score_from,score_to,change,pct_change,rci,reliable_change,clinical_change,band_from,band_to,mcid_reached

# The acceptance command: all ten subjects, the required columns first.
run "$PS" individual "$EX" --measures bdi --to T3 --format csv
expect_status "individual bdi csv" 0
[ "$(head -1 "$T/out" | cut -d, -f1-15)" = "$COLS" ] && ok || bad "header lacks the acceptance columns"
[ "$(tail -n +2 "$T/out" | wc -l)" -eq 10 ] && ok || bad "expected 10 subject rows"
# The BDI-II manual's outpatient SD (12.75) and r = .93: RCI = -15 / (sqrt(2) 12.75 sqrt(0.07)).
expect_contains "rci from the manual" "P01,psychedelic,bdi,T0,T3,29,14,-15,-51.724137931034484,-3.1442499048520527,improved,recovered,severe,mild,yes,0.93,12.75,"
# No normative SD is known for the GAD-7: RCI empty, never invented, and the note says how to supply it.
run "$PS" individual "$EX" --measures gad7 --to T3 --format csv
expect_contains "how to supply" "SD for the RCI unknown for gad7: supply sd with --instruments FILE or use --rci-sd baseline"

# With the study's own baseline SD: every row has an RCI and categories (golden).
expect_golden "individual --rci-sd baseline" "$G/individual_bdi_baseline.csv" \
  "$PS" individual "$EX" --measures bdi --to T3 --rci-sd baseline --format csv
python3 - "$T/out" <<'PY' && ok || bad "baseline rows lack rci or categories"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert len(rows) == 10
assert all(r["rci"] and r["reliable_change"] and r["clinical_change"] for r in rows)
assert rows[2]["subject"] == "P03" and rows[2]["clinical_change"] == "recovered"
assert rows[0]["sd_source"] == "baseline (SD of 10 scores at T0)"
PY

# --summary: the counts per arm and the exact test, one table.
expect_golden "individual --summary" "$G/individual_bdi_summary.csv" \
  "$PS" individual "$EX" --measures bdi --to T3 --rci-sd baseline --summary --format csv
expect_contains "summary uses fisher" ",reliable_change,psychedelic,5,0,,5,0,0,fisher,0.4444444444444444,0.4444444444444444,exact-enumeration,"

# Default --to: every time after the baseline (3 x 10 rows); --from moves the start.
run "$PS" individual "$EX" --measures bdi --format csv
[ "$status" -eq 0 ] && [ "$(tail -n +2 "$T/out" | wc -l)" -eq 30 ] && ok || bad "default --to should give 30 rows"
run "$PS" individual "$EX" --measures bdi --from T1 --to T3 --format csv
expect_contains "--from T1" "P01,psychedelic,bdi,T1,T3,26,14,"

# A subject missing one of the two times: listed, empty cells, a note.
run "$PS" individual "$EX" --measures gad7 --to T2 --format csv
expect_contains "missing score" "P09,psycholytic,gad7,T0,T2,13,,,,,,,moderate,,,"
expect_contains "missing note" "score at T2 missing"

# A measure with nothing known: notes, not a crash.
printf 'subject,group,time,measure,score\nS1,a,T0,foo,4\nS1,a,T1,foo,2\nS2,b,T0,foo,5\nS2,b,T1,foo,5\n' >"$T/foo.csv"
run "$PS" individual "$T/foo.csv" --format csv
expect_status "unknown measure" 0
expect_contains "reliability note" "reliability and SD unknown for foo: supply reliability and sd with --instruments FILE"

# --instruments supplies an SD (with its source) and overrides nothing else.
printf 'name,min,max,step,higher_is_worse,sd,sd_source\nbdi,0,63,1,true,10,Example 2024\n' >"$T/ins.csv"
run "$PS" individual "$EX" --measures bdi --to T3 --instruments "$T/ins.csv" --format csv
expect_contains "instrument sd" ",0.93,10,instrument (Example 2024),"
printf 'name,min,max,step,higher_is_worse,reliability\nbdi,0,63,1,true,1.5\n' >"$T/bad.csv"
expect_error "bad reliability" 3 "bad.csv:2:6: reliability must be at least 0 and below 1" \
  "$PS" individual "$EX" --instruments "$T/bad.csv"

# json parses; usage errors exit 2 with nothing on stdout.
run "$PS" individual "$EX" --measures bdi --to T3 --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==10 and d[0]["rci"] < -2.9' "$T/out" \
  && ok || bad "json"
expect_error "unknown time" 3 '--to "T9" is not a time in the data (times: T0, T1, T2, T3)' "$PS" individual "$EX" --to T9
expect_error "to before from" 2 "--to T0 is not after --from T1" "$PS" individual "$EX" --from T1 --to T0
expect_error "bad --rci-sd" 2 "--rci-sd" "$PS" individual "$EX" --rci-sd pooled
expect_error "bad --rci-z" 2 "--rci-z" "$PS" individual "$EX" --rci-z -1
run "$PS" individual --help
[ "$status" -eq 0 ] && grep -q "Example" "$T/out" && ok || bad "individual --help"

finish
