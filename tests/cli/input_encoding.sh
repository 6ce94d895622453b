# Input as it arrives: Windows-1252 bytes transcoded on request (and valid
# UTF-8 in every output), Excel's delimiter-only rows skipped, and a failed
# write to standard output reported with exit 3.
source "$(dirname "$0")/lib.bash"
D=tests/bad-input

run "$PS" describe "$D/cp1252_names.csv" --encoding cp1252 --format json
expect_status "cp1252 json" 0
python3 -c 'import json,sys; d=json.load(open(sys.argv[1], encoding="utf-8")); assert len(d) == 4' "$T/out" \
  && ok || bad "cp1252 input: json output is not valid UTF-8 JSON"
run "$PS" individual "$D/cp1252_names.csv" --encoding cp1252 --to T1 --format csv
grep -q "$(printf 'Ren\xc3\xa9')" "$T/out" && grep -q "$(printf 'Zo\xc3\xab')" "$T/out" \
  && ok || bad "cp1252: é and ë should come out as UTF-8"
run "$PS" describe "$D/cp1252_names.csv" --encoding latin1 --format csv
cp "$T/out" "$T/latin1"
run "$PS" describe "$D/cp1252_names.csv" --encoding cp1252 --format csv
cmp -s "$T/out" "$T/latin1" && ok || bad "latin1 and cp1252 agree on Latin-1 letters"

# blank rows of delimiters only are skipped, not read as a subject
run "$PS" describe "$D/excel_blank_rows.csv" --format csv
expect_status "excel blank rows" 0
[ "$(wc -l <"$T/out")" -eq 5 ] && ok || bad "excel blank rows: 4 cells expected"

# a failed write to stdout is an error; a closed pipe stays quiet
if [ -w /dev/full ]; then
  "$PS" describe data/examples/kap_pilot.csv >/dev/full 2>"$T/err"; status=$?
  [ "$status" -eq 3 ] && grep -qF "pilotstat: error: writing standard output: No space left on device" "$T/err" \
    && ok || bad "describe > /dev/full should exit 3 with a message"
fi
"$PS" describe data/examples/kap_pilot.csv 2>"$T/err" | head -n 1 >/dev/null
[ ! -s "$T/err" ] && ok || bad "a closed pipe should not print an error"
finish
