# Bad input and usage errors: every case in tests/bad-input/cases.tsv gets its
# exit status, an empty stdout and its message fragment on stderr. Columns:
# file, exit status, stderr fragment, extra arguments ("-" for none), and
# optionally the subcommand (default describe). A case with exit status 0 is
# odd-but-valid input: it must succeed in every format with no NaN or inf in
# the output (the fragment column is then ignored; write "-").
source "$(dirname "$0")/lib.bash"
D=tests/bad-input
# expect_clean NAME CMD...: exit 0 in csv, json and text, output free of nan/inf.
expect_clean() {
  local name=$1 fmt
  shift
  for fmt in csv json text; do
    run "$@" --format "$fmt"
    if [ "$status" -eq 0 ] && [ -s "$T/out" ] && ! grep -Eiq '(^|[^a-z])(nan|-?inf(inity)?)([^a-z]|$)' "$T/out"; then ok
    else bad "$name --format $fmt: expected exit 0 and output without nan/inf"; fi
  done
}
while IFS=$'\t' read -r file want fragment args cmd; do
  [[ -z "$file" || "$file" == \#* ]] && continue
  [[ "$args" == "-" ]] && args=""
  cmd=${cmd:-describe}
  if [[ "$want" == 0 ]]; then
    # shellcheck disable=SC2086
    expect_clean "$cmd $file $args" "$PS" $cmd "$D/$file" $args
  else
    # shellcheck disable=SC2086
    expect_error "$cmd $file $args" "$want" "$fragment" "$PS" $cmd "$D/$file" $args
  fi
done <"$D/cases.tsv"

expect_error "unreadable file" 3 "nonexistent.csv: cannot open file: No such file or directory" \
  "$PS" describe "$D/nonexistent.csv"
mkdir "$T/dir.csv"
expect_error "a directory" 3 "dir.csv" "$PS" describe "$T/dir.csv"
expect_error "unknown option" 2 "no-such-option" "$PS" describe data/examples/kap_pilot.csv --no-such-option
expect_error "unknown format" 2 'unknown format "xml" (valid: text, csv, tsv, json, markdown)' \
  "$PS" describe data/examples/kap_pilot.csv --format xml
expect_error "unknown subcommand" 2 "" "$PS" frobnicate
expect_error "no file argument" 2 "file is required" "$PS" describe
expect_error "bad --conf" 2 "conf" "$PS" describe data/examples/kap_pilot.csv --conf 2
expect_error "bad delimiter" 2 'unknown delimiter "x"' "$PS" describe data/examples/kap_pilot.csv --delimiter x
expect_error "no subcommand" 2 "" "$PS"
expect_error "empty stdin" 3 "<stdin>:1: the file is empty" "$PS" describe - </dev/null
printf 'name,min,max,step,higher_is_worse\nbdi,0,abc,1,true\n' >"$T/ins.csv"
expect_error "bad instruments file" 3 'ins.csv:2:3: "abc" is not a number' \
  "$PS" describe data/examples/kap_pilot.csv --instruments "$T/ins.csv"
printf 'name,min,max,step,higher_is_worse\nbdi,0,20,1,true\n' >"$T/ins2.csv"
expect_error "instruments override" 3 "outside the range of bdi (0 to 20" \
  "$PS" describe data/examples/kap_pilot.csv --instruments "$T/ins2.csv"
finish
