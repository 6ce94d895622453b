# report end to end: every format, reasons in json, self-contained html, options, errors.
source "$(dirname "$0")/lib.bash"
EX=data/examples/kap_pilot.csv
G=tests/cli/golden

expect_golden "report text" "$G/report_example.text" "$PS" report "$EX"
run "$PS" report "$EX" --format json
python3 - "$T/out" <<'PY' && ok || bad "report json: structure and reasons"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["summary"].startswith("Of 5 measures") and len(d["measures"]) == 5
for m in d["measures"]:
    assert len(m["describe"]) == 8 and len(m["change"]) == 2 and len(m["compare"]) == 1 and len(m["ancova"]) == 1
    for c in m["change"]:
        assert c["n"] == 5 and c["p_floor_signflip"] == 0.0625
        assert "P_FLOOR" in [r["code"] for r in c["reasons"]] and c["verdict"] == "not significant"
    for c in m["compare"] + m["ancova"]:
        assert c["reasons"] and c["verdict"] in ("significant", "not significant")
        for r in c["reasons"]:
            assert r["code"] and r["sentence"] and isinstance(r["numbers"], dict)
bdi = d["measures"][0]
assert len(bdi["individual"]) == 10 and bdi["individual"][0]["rci"] < -1.96
assert any(r["code"] == "INDIVIDUAL_CHANGE" for r in bdi["compare"][0]["reasons"])
codes = {r["code"] for m in d["measures"] for s in ("change", "compare", "ancova") for c in m[s] for r in c["reasons"]}
assert {"P_FLOOR", "UNDERPOWERED", "CI_SPANS", "NO_CONTROL", "MULTIPLICITY"} <= codes, codes
PY
run "$PS" report "$EX" --format markdown
[ "$status" -eq 0 ] && grep -q "^## BDI-II" "$T/out" && grep -q "\*\*P_FLOOR\*\*" "$T/out" && ok || bad "markdown"
run "$PS" report "$EX" --format html -o "$T/r.html"
[ "$status" -eq 0 ] && [ ! -s "$T/out" ] && grep -q "<svg" "$T/r.html" && grep -q "P_FLOOR" "$T/r.html" && ok \
  || bad "html -o"
grep -qiE '(src|href)="?https?:|<script|@import|url\(' "$T/r.html" && bad "html references the network or runs scripts" || ok
python3 - "$T/r.html" <<'PY' && ok || bad "html tags do not balance"
import sys
from html.parser import HTMLParser
void = {"meta", "br", "img", "hr", "input", "link"}
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.stack = []
    def handle_starttag(self, tag, attrs):
        if tag not in void: self.stack.append(tag)
    def handle_startendtag(self, tag, attrs): pass
    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-3:])
        self.stack.pop()
p = P(); p.feed(open(sys.argv[1]).read()); assert not p.stack, p.stack
PY
# same input + same seed: same bytes; long and wide: same bytes
run "$PS" report data/examples/kap_pilot_wide.csv --format json
cp "$T/out" "$T/w.json"
run "$PS" report "$EX" --format json
sed 's/kap_pilot_wide.csv/kap_pilot.csv/' "$T/w.json" | cmp -s - "$T/out" && ok || bad "wide report differs from long"
# options
run "$PS" report "$EX" --adjust maxT --format json
grep -q "Westfall-Young max-T" "$T/out" && ok || bad "--adjust maxT"
run "$PS" report "$EX" --adjust none --alpha 0.1 --format json
grep -q '"alpha": 0.1' "$T/out" && grep -q "no multiplicity adjustment" "$T/out" && ok || bad "--adjust none --alpha"
run "$PS" report "$EX" --to T1,T2,T3 --family times --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert all(len(m["change"]) == 6 for m in d["measures"])' "$T/out" \
  && ok || bad "--to T1,T2,T3"
expect_error "bad adjust" 2 'unknown adjustment "sidak" (valid: holm, hochberg, BH, bonferroni, maxT, none)' \
  "$PS" report "$EX" --adjust sidak
expect_error "bad family" 2 'unknown --family "arms"' "$PS" report "$EX" --family arms
expect_error "bad format" 2 'unknown format "csv" (valid: text, markdown, json, html)' "$PS" report "$EX" --format csv
printf 'subject,group,time,measure,score\nP1,a,T0,bdi,3\nP2,b,T0,bdi,4\n' >"$T/one.csv"
expect_error "one time" 3 "report needs at least two times" "$PS" report "$T/one.csv"
run "$PS" report --help
[ "$status" -eq 0 ] && grep -q "Examples" "$T/out" && ok || bad "report --help"
finish
