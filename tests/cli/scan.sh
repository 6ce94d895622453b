# check --scan end to end: exit statuses, stdin, --record, TAP/JUnit, and the error paths.
source "$(dirname "$0")/lib.bash"

printf 'The arms differed, t(8) = 1.20, p = .04.\n' >"$T/s.txt"
run "$PS" check --scan "$T/s.txt"
expect_status "an inconsistent p fails" 1
expect_contains "reason" "p inconsistent: t(8) = 1.20 gives p = 0.264467"
expect_contains "decision error" "decision error"
run "$PS" check --scan - < <(printf 'Anxiety differed, t(28) = 2.20, p = .04.\n')
expect_status "a consistent p passes, from stdin" 0
expect_contains "summary" "1 passed, 0 failed"

# --record writes the rows, with the source line as the note; checking them gives the same verdict
run "$PS" check --scan "$T/s.txt" --record -o "$T/s.expect.csv"
expect_status "--record" 0
grep -qF 'L1_t,pvalue test=t df=8 stat=1.20,0.04,p:2,' "$T/s.expect.csv" && ok || bad "recorded row"
grep -qF 's.txt:1: t(8) = 1.20, p = .04"' "$T/s.expect.csv" && ok || bad "recorded note"
run "$PS" check "$T/s.expect.csv"
expect_status "the recorded file fails the same row" 1

# the seed excerpt: GRIM/GRIMMER/pct rows with the instrument's grid
run "$PS" check --scan data/examples/seed_excerpt.txt --instrument bpi_severity
expect_status "seed excerpt has inconsistent figures" 1
expect_golden "seed excerpt scan" tests/cli/golden/scan_seed_excerpt.txt \
  bash -c '"$0" check --scan data/examples/seed_excerpt.txt --instrument bpi_severity; [ $? -eq 1 ]' "$PS"
cmp -s tests/cli/golden/scan_seed_excerpt.txt data/examples/seed_excerpt.scan.txt && ok \
  || bad "data/examples/seed_excerpt.scan.txt differs from the golden output"

# TAP and JUnit as for other rows
run "$PS" check --scan "$T/s.txt" --format tap --junit "$T/j.xml"
expect_status "tap" 1
expect_contains "tap plan" "1..1"
expect_contains "tap failure" "not ok 1 - L1_t"
python3 -c "import sys,xml.etree.ElementTree as E; E.parse(sys.argv[1])" "$T/j.xml" && ok || bad "junit xml"
grep -q 'failure' "$T/j.xml" && ok || bad "junit failure"

# U: checked when both group sizes are in the text; else a note on stderr, not a silent drop
printf 'The arms differed (n1 = 5, n2 = 5), U = 3, p = .03.\n\nAnd U = 2, p = .03.\n' >"$T/u.txt"
run "$PS" check --scan "$T/u.txt"
expect_status "an inconsistent U fails" 1
expect_contains "U reason" "U = 3 with n1 = 5, n2 = 5 gives exact p = 0.0555556 (no ties)"
grep -qF "pilotstat: note: $T/u.txt:3: U = 2, p = .03 not checked: the group sizes are not in the text" "$T/err" \
  && ok || bad "U without group sizes: note on stderr"

# the same quantity stated twice with different values: a failing same row naming both lines
printf 'Abstract: pain changed by -32.8%% from session 1 to session 3.\n\nResults: pain changed by -30.50%% from session 1 to session 3.\n' >"$T/r.txt"
run "$PS" check --scan "$T/r.txt"
expect_status "a restatement that disagrees fails" 1
expect_contains "same reason" "the same quantity (pct session_1 to session_3) is stated as -32.8 (line 1) and -30.50 (line 3); no number rounds to all of them"
run "$PS" check --scan "$T/r.txt" --record
expect_contains "same note" "r.txt:1: -32.8% | line 3: -30.50%"

# error paths
expect_error "missing text file" 3 "nope.txt: cannot open text file" "$PS" check --scan "$T/nope.txt"
printf 'Nothing here but words.\n' >"$T/w.txt"
expect_error "nothing found" 3 "w.txt: nothing to check found" "$PS" check --scan "$T/w.txt"
expect_error "unknown instrument" 2 "--instrument: unknown instrument \"nosuch\"" \
  "$PS" check --scan "$T/s.txt" --instrument nosuch
expect_error "--step without --scan" 2 "--instrument, --step and --n are for --scan" \
  "$PS" check --step 0.25 data/examples/published_consistency.expect.csv
expect_error "--select with --scan" 2 "--select is for --record with --data, not --scan" \
  "$PS" check --scan "$T/s.txt" --select 'change column=mean'
expect_error "bad --n" 2 "--n" "$PS" check --scan "$T/s.txt" --n 0

# means rows: a malformed one is refused when the file is read (exit 3, FILE:LINE:COLUMN)
H=id,select,expected,tolerance,note
printf '%s\na,"means times=S1,S3 pct=S1:S9:-3.39",1,exact,\n' "$H" >"$T/mb.csv"
expect_error "means: unknown time" 3 'mb.csv:2:2: pct: "S9" is not one of times=S1,S3' "$PS" check "$T/mb.csv"
printf '%s\na,"means times=S1,S3 pct=S1:S3:-3.39",1,decimals:2,\n' "$H" >"$T/mb2.csv"
expect_error "means: tolerance" 3 "mb2.csv:2:4: means rows take expected 1 (jointly possible) or 0" "$PS" check "$T/mb2.csv"
printf '%s\na,"means n=5 step=0.25 times=S1,S3 pct=S1:S3:-3.39",1,exact,\n' "$H" >"$T/mb3.csv"
expect_error "means: grid without max" 3 "mb3.csv:2:2: means needs max=" "$PS" check "$T/mb3.csv"
# the psycholytic sequence as a row: impossible on the grid; expected 0 pins that down
printf '%s\ng,"means n=5 step=0.25 max=10 times=S1,S3,S6 pct=S1:S3:-32.81,S3:S6:24.56,S1:S6:-3.39",0,exact,\n' "$H" >"$T/m0.csv"
run "$PS" check "$T/m0.csv"
expect_status "a known-impossible sequence recorded as 0 passes" 0
finish
