# describe end to end: golden outputs in every format, stdin, -o, long = wide.
source "$(dirname "$0")/lib.bash"
EX=data/examples/kap_pilot.csv
G=tests/cli/golden

for fmt in text csv tsv json markdown; do
  expect_golden "describe --format $fmt" "$G/describe_example.$fmt" "$PS" describe "$EX" --format "$fmt"
done

run "$PS" describe data/examples/kap_pilot_wide.csv --format csv
cmp -s "$T/out" "$G/describe_example.csv" && ok || bad "wide example differs from long"

run "$PS" describe data/examples/kap_pilot_wide.csv --wide --sep _ --format csv
cmp -s "$T/out" "$G/describe_example.csv" && ok || bad "--wide --sep _ differs from long"

run "$PS" describe - --format json <"$EX"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==40 and d[0]["measure"]=="bdi"' "$T/out" \
  && ok || bad "stdin json does not parse or has the wrong rows"

# tab- and semicolon-delimited copies with CRLF and a BOM read the same
printf '\xef\xbb\xbf' >"$T/s.csv"
sed 's/,/;/g; s/$/\r/' "$EX" >>"$T/s.csv"
run "$PS" describe "$T/s.csv" --format csv
cmp -s "$T/out" "$G/describe_example.csv" && ok || bad "semicolon+CRLF+BOM differs"
tr ',' '\t' <"$EX" >"$T/t.tsv"
run "$PS" describe "$T/t.tsv" --delimiter tab --format csv
cmp -s "$T/out" "$G/describe_example.csv" && ok || bad "tab-delimited differs"

# filters
run "$PS" describe "$EX" --measures gad7 --groups psycholytic --format csv
[ "$status" -eq 0 ] && [ "$(wc -l <"$T/out")" -eq 5 ] && ok || bad "filters"
expect_contains "missing counted" "gad7,psycholytic,T2,4,1,"

# column mapping and custom NA token
sed '1s/.*/id,arm,visit,scale,value/; s/,NA$/,missing/' "$EX" >"$T/m.csv"
run "$PS" describe "$T/m.csv" --subject-col id --group-col arm --time-col visit --measure-col scale \
  --score-col value --na missing --format csv
cmp -s "$T/out" "$G/describe_example.csv" && ok || bad "column mapping / --na"

# -o writes atomically and prints nothing
run "$PS" describe "$EX" --format csv -o "$T/o.csv"
[ "$status" -eq 0 ] && [ ! -s "$T/out" ] && cmp -s "$T/o.csv" "$G/describe_example.csv" && ok || bad "-o"
ls "$T" | grep -q '\.tmp\.' && bad "-o left a temporary file" || ok
echo old >"$T/keep.csv"
run "$PS" describe "$T/nope.csv" -o "$T/keep.csv"
[ "$status" -eq 3 ] && [ "$(cat "$T/keep.csv")" = old ] && ok || bad "-o on error must leave the old file"

# --version names the libraries; --help teaches with an example
run "$PS" --version
[ "$status" -eq 0 ] && grep -q Eigen "$T/out" && grep -q Boost "$T/out" && grep -q CLI11 "$T/out" \
  && grep -q fast-cpp-csv-parser "$T/out" && grep -q doctest "$T/out" && ok || bad "--version"
run "$PS" describe --help
[ "$status" -eq 0 ] && grep -q "Example" "$T/out" && ok || bad "describe --help"

finish
