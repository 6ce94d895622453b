# A study with one time point (cross-sectional data, e.g. a screening visit
# only): compare and report compare the arms on raw scores and say so;
# change and individual need two time points and say what works instead.
source "$(dirname "$0")/lib.bash"
X=tests/cli/data/cross_sectional.csv
G=tests/cli/golden

run "$PS" describe "$X" --format csv
expect_status "describe" 0
expect_contains "describe: BDI-II ketamine" "BDI-II,ketamine,screening,5,0,28.8,"

# compare: raw scores at the only time point, the same numbers as --on raw --at screening
expect_golden "compare" "$G/compare_cross_sectional.csv" "$PS" compare "$X" --format csv
expect_contains "compare: on raw" ",raw,,screening,"
expect_contains "compare: note" "raw scores at screening, the only time point (cross-sectional data)"
# 28.8 - 24 = 4.8: the difference of the arms' means, computed here
awk -F, 'NR==2 && $1=="BDI-II" && $11==4.8 {found=1} END {exit !found}' "$T/out" \
  && ok || bad "compare: BDI-II mean_diff should be 28.8 - 24 = 4.8"
cp "$T/out" "$T/default.csv"
run "$PS" compare "$X" --on raw --at screening --format csv
cmp -s "$T/default.csv" "$T/out" && ok || bad "compare: the default should give what --on raw --at screening gives"
expect_error "compare --on change" 2 "--on change needs two time points; the study has one (\"screening\")" \
  "$PS" compare "$X" --on change
expect_error "compare --on ancova" 2 "--on ancova needs two time points" "$PS" compare "$X" --on ancova

# report: the raw comparison is the primary analysis; no change, ANCOVA or person-by-person section
expect_golden "report" "$G/report_cross_sectional.text" "$PS" report "$X"
grep -q "Within-arm change\|Person by person\|ancova" "$T/out" && bad "report: no within-arm, ANCOVA or person rows" || ok
run "$PS" report "$X" --format json
expect_status "report json" 0
python3 - "$T/out" >"$T/json.txt" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(r["settings"]["primary"])
print(sum(len(m["change"]) + len(m["ancova"]) + len(m["individual"]) for m in r["measures"]))
print(r["summary"])
PY
sed -n 1p "$T/json.txt" | grep -qx raw && ok || bad "report json: primary should be raw"
sed -n 2p "$T/json.txt" | grep -qx 0 && ok || bad "report json: no change, ancova or individual rows"
grep -qF "Primary analysis: scores at screening, the only time point (cross-sectional data), compared between the arms" \
  "$T/json.txt" && ok || bad "report json: the summary should say raw scores at the only time point"
expect_error "report --primary ancova" 2 "--primary ancova needs two time points" "$PS" report "$X" --primary ancova

# what needs two time points says so, and names what works
expect_error "change" 2 'change needs two time points; the study has one ("screening"): describe summarises the scores at it, compare and report compare the arms on them' \
  "$PS" change "$X"
expect_error "individual" 2 "individual change needs two time points" "$PS" individual "$X"
expect_error "change --individual" 2 "individual change needs two time points" "$PS" change "$X" --individual
expect_error "plan" 2 "use --endpoint raw for one time" "$PS" plan "$X"
run "$PS" plan "$X" --endpoint raw --measures BDI-II
expect_status "plan --endpoint raw" 0
# one arm and one time: nothing to compare
awk -F, 'NR==1 || $2=="ketamine"' "$X" >"$T/one_arm.csv"
expect_error "one arm, one time: report" 2 "report needs two time points or two arms" "$PS" report "$T/one_arm.csv"
expect_error "one arm, one time: compare" 2 "compare needs at least two groups" "$PS" compare "$T/one_arm.csv"
finish
