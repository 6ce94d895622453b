# Data as it really arrives: a REDCap export with item columns, instrument
# aliases, time labels out of order, single-arm studies, decimal commas and
# several errors at once. Each of these was once analysed wrongly with exit 0.
source "$(dirname "$0")/lib.bash"
EX=data/examples/redcap_export.csv

# REDCap: items scored to totals, events without _arm_N, arms named, week 2 before week 6
run "$PS" describe "$EX" --redcap --arm-labels 1=ketamine,2=placebo --format csv
expect_status "redcap describe" 0
expect_contains "redcap: bdi total" "bdi,ketamine,baseline,4,0,41.5,"
expect_contains "redcap: gad7 total column" "gad7_total,placebo,week_6,"
grep -q "bdi_1\|arm_1\|_complete" "$T/out" && bad "redcap: items, arm suffix or form status leaked into output" || ok
awk -F, 'NR>1 && $1=="bdi" && $2=="ketamine" {print $3}' "$T/out" | tr '\n' ' ' | grep -qx "baseline week_2 week_6 " \
  && ok || bad "redcap: times should be baseline, week_2, week_6 although record 101 missed week 2"
# the item sum agrees with a sum done here
want=$(awk -F, 'NR==2 {s=0; for (i=5;i<=25;i++) s+=$i; print s}' "$EX")
run "$PS" individual "$EX" --redcap --from baseline --to week_6 --measures bdi --format csv
expect_status "redcap individual" 0
grep -q "^101,arm_1,bdi,baseline,week_6,$want," "$T/out" \
  && ok || bad "redcap: subject 101's BDI-II baseline should be the item sum $want"
expect_error "redcap: repeating instrument" 3 "a repeating instrument's row" \
  "$PS" describe <(sed '2s/^101,baseline_arm_1,,/101,baseline_arm_1,mood,/' "$EX") --redcap
expect_error "redcap: item out of range" 3 ':2:5: item score "7" of bdi_1 is not an integer from 0 to 3' \
  "$PS" describe <(sed '2s/^101,baseline_arm_1,,,2,/101,baseline_arm_1,,,7,/' "$EX") --redcap
expect_error "redcap: too few items" 3 "20 of 21 items answered" \
  "$PS" describe <(sed '2s/^101,baseline_arm_1,,,2,/101,baseline_arm_1,,,,/' "$EX") --redcap
expect_error "redcap: bad arm label" 2 "--arm-labels" "$PS" describe "$EX" --redcap --arm-labels ketamine
run "$PS" describe --help
expect_contains "--redcap in help" "--redcap"

# numbered columns are never time points
printf 'subject,group,mood_1,mood_2,mood_3\nS1,a,1,2,3\n' >"$T/num.csv"
expect_error "numbered columns" 3 'column "mood_1" ends in a bare number' "$PS" describe "$T/num.csv"
run "$PS" describe "$T/num.csv" --times 1,2,3 --format csv
expect_status "numbered columns with --times" 0
# ... nor, one row per visit, one measure per item of an unknown questionnaire
printf 'record_id,redcap_event_name,sleep_1,sleep_2,sleep_3,gad7_total\n1,baseline_arm_1,1,2,3,10\n1,week_6_arm_1,1,1,1,8\n' >"$T/rs.csv"
expect_error "unknown items, visits" 3 ':1:3: columns sleep_1, sleep_2, sleep_3 look like the items of "sleep"' \
  "$PS" describe "$T/rs.csv" --redcap
run "$PS" describe "$T/rs.csv" --redcap --measures gad7_total,sleep_1 --format csv
expect_status "unknown items, visits, chosen with --measures" 0
expect_contains "--measures keeps a chosen item column" "sleep_1,arm_1,baseline,1,"

# wide names split at a known measure, keeping week_2 together
printf 'subject,group,bdi_baseline,bdi_week_2,bdi_week_6\nS1,a,20,15,10\nS2,a,25,20,15\n' >"$T/w.csv"
run "$PS" describe "$T/w.csv" --format csv
expect_status "wide week_N" 0
[ "$(cut -d, -f1 "$T/out" | sort -u | grep -vc measure)" -eq 1 ] && expect_contains "wide: week_2 time" "bdi,a,week_2," \
  || bad "wide: bdi_week_2 should be measure bdi at week_2"

# aliases: BDI-II gets the range check; a look-alike gets a note
printf 'subject,time,measure,score\nS1,T0,BDI-II,70\n' >"$T/a.csv"
expect_error "alias range" 3 "outside the range of BDI-II" "$PS" describe "$T/a.csv"
printf 'subject,time,measure,score\nS1,T0,bdi_2_total,20\nS1,T1,bdi_2_total,10\n' >"$T/n.csv"
run "$PS" describe "$T/n.csv"
expect_status "look-alike" 0
grep -qF 'pilotstat: note: measure "bdi_2_total" is not a registered instrument' "$T/err" && ok || bad "look-alike note"

# single-arm: report works within the arm, compare explains
printf 'subject,time,measure,score\nS1,T0,BDI-II,20\nS1,T1,BDI-II,14\nS2,T0,BDI-II,25\nS2,T1,BDI-II,21\nS3,T0,BDI-II,30\nS3,T1,BDI-II,22\n' >"$T/one.csv"
run "$PS" report "$T/one.csv"
expect_status "single-arm report" 0
expect_contains "single-arm summary" "Single-arm study (3 participants, no control group)"
expect_contains "single-arm NO_CONTROL" "[NO_CONTROL]"
expect_error "single-arm compare" 2 "compare needs at least two groups" "$PS" compare "$T/one.csv"

# time order: no natural order and subjects disagree -> ask for --times
printf 'subject,group,time,measure,score\nP1,a,post,bdi,12\nP1,a,follow-up,bdi,10\nP2,a,follow-up,bdi,20\nP2,a,post,bdi,15\n' >"$T/t.csv"
expect_error "time order" 3 "give the order with --times" "$PS" describe "$T/t.csv"
run "$PS" describe "$T/t.csv" --times post,follow-up --format csv
expect_status "time order with --times" 0

# decimal comma
printf 'subject;group;time;measure;score\nP1;a;T0;x;5,5\nP1;a;T1;x;4,25\n' >"$T/dc.csv"
expect_error "decimal comma hint" 3 "--decimal-comma reads 5,5 as 5.5" "$PS" describe "$T/dc.csv"
run "$PS" describe "$T/dc.csv" --decimal-comma --format csv
expect_contains "decimal comma read" "x,a,T0,1,0,5.5,"

# every error at once (up to 20, then "and N more")
{ printf 'subject,group,time,measure,score\n'; for i in $(seq 1 25); do printf 'S%d,a,T0,bdi,x%d\n' "$i" "$i"; done; } >"$T/e.csv"
run "$PS" describe "$T/e.csv"
expect_status "many errors" 3
[ "$(grep -c 'score is not a number' "$T/err")" -eq 20 ] && grep -qF "pilotstat: error: and 5 more" "$T/err" \
  && ok || bad "25 bad scores: 20 reported, then 'and 5 more'"
grep -q "e.csv:26:5:" "$T/err" && bad "the 21st error should not be listed" || ok
# one row per visit gives the same study as long
python3 - data/examples/kap_pilot.csv "$T/visits.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
measures = list(dict.fromkeys(r["measure"] for r in rows))
visits = {}
for r in rows:
    visits.setdefault((r["subject"], r["group"], r["time"]), {})[r["measure"]] = r["score"]
with open(sys.argv[2], "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["subject", "group", "time"] + measures)
    for (s, g, t), v in visits.items():
        w.writerow([s, g, t] + [v.get(m, "") for m in measures])
PY
run "$PS" describe data/examples/kap_pilot.csv --format csv
cp "$T/out" "$T/long.out"
run "$PS" describe "$T/visits.csv" --format csv
cmp -s "$T/out" "$T/long.out" && ok || bad "visit rows and long form should give byte-identical output"
# check reads --data with the same options (its own errors recommend them)
run "$PS" check --help
for o in --subject-col --redcap --decimal-comma --encoding --arm-labels; do expect_contains "check has $o" "$o"; done
finish
