# Every input option (column mapping, layout, REDCap, time order, missing
# tokens, encoding, decimal comma, instruments) is accepted by every command
# that reads a study, check --data and plot included, and reads the same study.
source "$(dirname "$0")/lib.bash"
EX=data/examples/kap_pilot.csv
WIDE=data/examples/kap_pilot_wide.csv
RC=data/examples/redcap_export.csv

# the example with renamed columns, semicolons and decimal commas, in Windows-1252
python3 - "$EX" "$T/renamed.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
with open(sys.argv[2], "w", encoding="cp1252", newline="") as f:
    f.write(";".join(["id", "arm", "visit", "scale", "value", "note"]) + "\n")
    for r in rows[1:]:
        f.write(";".join(r[:4] + [r[4].replace(".", ",") if r[4] not in ("", "NA") else "-", "café"]) + "\n")
PY
printf 'name,min,max,step,higher_is_worse\nbdi,0,63,1,true\n' >"$T/instruments.csv"
MAP=(--subject-col id --group-col arm --time-col visit --measure-col scale --score-col value
     --delimiter ';' --encoding cp1252 --decimal-comma --na - --times T0,T1,T2,T3 --baseline T0
     --instruments "$T/instruments.csv")

# the renamed file read with every mapping option describes as the original does
run "$PS" describe "$EX" --format csv
cp "$T/out" "$T/plain.out"
run "$PS" describe "$T/renamed.csv" "${MAP[@]}" --format csv
expect_status "describe with every mapping option" 0
cmp -s "$T/out" "$T/plain.out" && ok || bad "renamed cp1252 file with decimal commas should describe as the example"

# command -> the arguments it needs besides the study
declare -A EXTRA=(
  [describe]="" [change]="" [individual]="" [compare]="" [report]="" [plan]=""
  [plot]="trajectories"
)
for cmd in describe change individual compare report plan plot; do
  # shellcheck disable=SC2086
  pre=(${EXTRA[$cmd]})
  run "$PS" "$cmd" "${pre[@]}" "$T/renamed.csv" "${MAP[@]}" --measures bdi
  expect_status "$cmd with column mapping, delimiter, encoding, decimal comma, --na, --times, --instruments" 0
  run "$PS" "$cmd" "${pre[@]}" "$WIDE" --wide --sep _ --measures bdi
  expect_status "$cmd --wide" 0
  run "$PS" "$cmd" "${pre[@]}" "$RC" --redcap --arm-labels 1=ketamine,2=placebo --measures bdi
  expect_status "$cmd --redcap --arm-labels" 0
  run "$PS" "$cmd" "${pre[@]}" "$EX" --higher-is-better gad7 --groups psycholytic,psychedelic --measures gad7
  expect_status "$cmd --higher-is-better --groups" 0
done

# check --data takes the same reading options (exit 1 would be a number off, 2 an option refused)
printf 'id,select,expected,tolerance\nn,describe measure=bdi group=psychedelic time=T0 column=n,5,exact\n' >"$T/expect.csv"
run "$PS" check --data "$T/renamed.csv" "${MAP[@]}" "$T/expect.csv"
expect_status "check --data with every mapping option" 0
printf 'id,select,expected,tolerance\nn,describe measure=bdi group=ketamine time=baseline column=n,4,exact\n' >"$T/expect_rc.csv"
run "$PS" check --data "$RC" --redcap --arm-labels 1=ketamine,2=placebo "$T/expect_rc.csv"
expect_status "check --data --redcap" 0
run "$PS" check --data "$WIDE" --wide --sep _ "$T/expect.csv"
expect_status "check --data --wide" 0
finish
