# Reliability end to end (issue 7): very long lines, -o under write failure,
# byte-identical reruns, inputs never modified, a check row selecting nothing.
source "$(dirname "$0")/lib.bash"
EX=data/examples/kap_pilot.csv
H='subject,group,time,measure,score'

# A 10 MB single line is generated here, not committed. As a score it is not a
# number; as a header it lacks the required columns; either way exit 3, empty
# stdout, and a message of bounded length (the offending text is shortened).
{ echo "$H"; printf 'P01,a,T0,bdi,'; head -c 10000000 /dev/zero | tr '\0' '7'; echo; } >"$T/long_score.csv"
expect_error "10 MB score field" 3 "long_score.csv:2:5: score" "$PS" describe "$T/long_score.csv"
[ "$(wc -c <"$T/err")" -lt 2000 ] && ok || bad "10 MB score field: message is $(wc -c <"$T/err") bytes"
head -c 10000000 /dev/zero | tr '\0' 'x' >"$T/long_header.csv"
expect_error "10 MB header line" 3 'long_header.csv:1: missing required column "subject"' "$PS" describe "$T/long_header.csv"
[ "$(wc -c <"$T/err")" -lt 2000 ] && ok || bad "10 MB header: message is $(wc -c <"$T/err") bytes"
{ echo "$H"; printf 'P01,a,T0,bdi,'; head -c 17000000 /dev/zero | tr '\0' '1'; echo; } >"$T/too_long.csv"
expect_error "17 MB line" 3 "too_long.csv:2: line is longer than the limit of 16 MiB" "$PS" describe "$T/too_long.csv"
rm -f "$T"/long_*.csv "$T/too_long.csv"

# -o never leaves a half-written file. Write failure is injected with a file
# size limit (works as root, unlike a read-only directory): with SIGXFSZ
# ignored the write fails with EFBIG -> exit 3, old file intact, no temporary
# left; with SIGXFSZ fatal the process dies mid-write -> old file intact.
echo old >"$T/keep.json"
run bash -c "trap '' XFSZ; ulimit -f 1; exec \"\$@\"" _ "$PS" describe "$EX" --format json -o "$T/keep.json"
[ "$status" -eq 3 ] && grep -qF "keep.json: cannot write output" "$T/err" && [ "$(cat "$T/keep.json")" = old ] \
  && ok || bad "-o with a failing write must exit 3 and keep the old file"
ls "$T" | grep -q '\.tmp\.' && bad "-o left a temporary file after a failed write" || ok
run bash -c 'ulimit -f 1; exec "$@"' _ "$PS" describe "$EX" --format json -o "$T/keep.json"
[ "$status" -ne 0 ] && [ "$(cat "$T/keep.json")" = old ] && ok || bad "-o killed mid-write must keep the old file"
rm -f "$T"/keep.json.tmp.*
expect_error "-o into a missing directory" 3 "cannot write output" "$PS" describe "$EX" -o "$T/no/such/dir.csv"
mkdir "$T/adir"
expect_error "-o onto a directory" 3 "cannot replace output" "$PS" describe "$EX" -o "$T/adir"
ls "$T" | grep -q '\.tmp\.' && bad "-o left a temporary file after a failed rename" || ok

# Same command twice: byte-identical output (Monte Carlo paths included).
for cmd in "describe $EX" "change $EX" "compare $EX" "compare $EX --on ancova" \
           "change $EX --exact-limit 0 --dp-limit 0 --resamples 2000 --boot-exact-limit 0 --boot-resamples 500"; do
  # shellcheck disable=SC2086
  "$PS" $cmd --format json >"$T/a" 2>&1
  # shellcheck disable=SC2086
  "$PS" $cmd --format json >"$T/b" 2>&1
  cmp -s "$T/a" "$T/b" && ok || bad "rerun of '$cmd' differs"
done

# Input files are never modified.
sum_before=$(cat "$EX" data/examples/kap_pilot_wide.csv | cksum)
"$PS" describe "$EX" -o "$T/x.csv" && "$PS" change data/examples/kap_pilot_wide.csv >/dev/null
[ "$(cat "$EX" data/examples/kap_pilot_wide.csv | cksum)" = "$sum_before" ] && ok || bad "an input file changed"

# check: an expectations row that selects nothing is a reported failure (exit 1), not a crash.
if "$PS" check --help >/dev/null 2>&1; then
  run "$PS" check tests/bad-input/select_nothing.expect.csv --data "$EX"
  [ "$status" -eq 1 ] && grep -qF "no row matched" "$T/out" && ok || bad "check with a row selecting nothing"
fi
finish
