# report end to end: every format, reasons in json, self-contained html, options, errors.
source "$(dirname "$0")/lib.bash"
EX=data/examples/kap_pilot.csv
G=tests/cli/golden

expect_golden "report text" "$G/report_example.text" "$PS" report "$EX"
run "$PS" report "$EX" --format json
python3 - "$T/out" <<'PY' && ok || bad "report json: structure and reasons"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["summary"].startswith("Primary analysis") and len(d["measures"]) == 5
assert d["settings"]["primary"] == "ancova"
for m in d["measures"]:
    assert len(m["describe"]) == 8 and len(m["change"]) == 2 and len(m["compare"]) == 1 and len(m["ancova"]) == 1
    for c in m["change"]:
        assert c["n"] == 5 and c["p_floor_signflip"] == 0.0625
        assert "P_FLOOR" in [r["code"] for r in c["reasons"]] and c["verdict"] == "not significant"
        assert "NO_CONTROL" in [r["code"] for r in c["reasons"]] and c["role"] == "secondary"
    assert [c["role"] for c in m["ancova"]] == ["primary"] and [c["role"] for c in m["compare"]] == ["secondary"]
    for c in m["change"] + m["compare"] + m["ancova"]:
        assert c["robustness"]["left_out"] >= 5 and "not a reason" in c["robustness"]["sentence"]
    for c in m["compare"] + m["ancova"]:
        assert c["reasons"] and c["verdict"] in ("significant", "not significant")
        for r in c["reasons"]:
            assert r["code"] and r["sentence"] and isinstance(r["numbers"], dict)
bdi = d["measures"][0]
assert len(bdi["individual"]) == 10 and bdi["individual"][0]["rci"] < -1.96
assert any(r["code"] == "INDIVIDUAL_CHANGE" for r in bdi["compare"][0]["notes"])
codes = {r["code"] for m in d["measures"] for s in ("change", "compare", "ancova") for c in m[s] for r in c["reasons"]}
notes = {r["code"] for m in d["measures"] for s in ("change", "compare", "ancova") for c in m[s] for r in c["notes"]}
assert {"P_FLOOR", "DESIGN_SENSITIVITY", "CI_EXCLUDES_ZERO", "INCONCLUSIVE", "NO_CONTROL", "MULTIPLICITY"} <= codes, codes
assert not codes & {"UNDERPOWERED", "INFLUENTIAL_SUBJECT", "COARSE", "INDIVIDUAL_CHANGE"}, codes
assert {"COARSE", "INDIVIDUAL_CHANGE"} <= notes, notes
# P_FLOOR only where the primary test's own floor is >= alpha: never at 5 v 5 (0.0079 is attainable)
assert all("P_FLOOR" not in [r["code"] for r in c["reasons"]] for m in d["measures"] for c in m["compare"] + m["ancova"])
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
grep -q "not computed for ANCOVA: Holm for the ANCOVA family" "$T/out" && ok || bad "--adjust maxT with ANCOVA primary names Holm"
run "$PS" report "$EX" --adjust maxT --primary change --family all --format json
grep -q "not computed with --family all: Holm used instead" "$T/out" && ok || bad "--adjust maxT --family all names Holm"
# max-T on the primary statistic: with missing scores (available cases) the adjusted p is never below the unadjusted p
grep -v -E '^P01,[^,]*,T3,bdi|^P07,[^,]*,T0,bpi_int|^P02,[^,]*,T3,bpi_int' "$EX" > "$T/missing.csv"
run "$PS" report "$T/missing.csv" --adjust maxT --primary change --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); r=[c for m in d["measures"] for c in m["compare"]]
assert len(r) == 5 and any(c["n_a"] < 5 for c in r) and all(c["p_verdict"] >= c["p_perm"] for c in r), r' "$T/out" \
  && ok || bad "--adjust maxT adjusted p below unadjusted p"
run "$PS" report "$EX" --adjust none --alpha 0.1 --format json
grep -q '"alpha": 0.1' "$T/out" && grep -q "no multiplicity adjustment" "$T/out" && ok || bad "--adjust none --alpha"
run "$PS" report "$EX" --to T1,T2,T3 --family times --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert all(len(m["change"]) == 6 for m in d["measures"])' "$T/out" \
  && ok || bad "--to T1,T2,T3"
expect_error "bad adjust" 2 'unknown adjustment "sidak" (valid: holm, hochberg, BH, bonferroni, maxT, none)' \
  "$PS" report "$EX" --adjust sidak
expect_error "bad family" 2 'unknown --family "arms"' "$PS" report "$EX" --family arms
expect_error "bad primary" 2 'unknown --primary "both" (valid: ancova, change, raw, slope, auc)' "$PS" report "$EX" --primary both
# --on, --time-values, --rci-sd as the report's own text recommends them (compare's and individual's meaning)
run "$PS" report "$EX" --on slope --time-values 0,1,3,6 --format json
cp "$T/out" "$T/slope.json"
run "$PS" compare "$EX" --on slope --time-values 0,1,3,6 --format json
python3 - "$T/slope.json" "$T/out" <<'PY2' && ok || bad "--on slope --time-values: the compare rows, primary, ANCOVA secondary"
import json, sys
r, c = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert r["settings"]["primary"] == "slope" and "pre-specified with --on slope" in r["summary"]
want = {row["measure"]: row["mean_diff"] for row in c}
for m in r["measures"]:
    assert [x["on"] for x in m["compare"]] == ["slope"] and m["compare"][0]["role"] == "primary"
    assert m["compare"][0]["mean_diff"] == want[m["measure"]]
    assert all(x["role"] == "secondary" for x in m["ancova"])
PY2
run "$PS" report "$EX" --on raw --primary ancova --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["settings"]["primary"] == "ancova" and d["measures"][0]["compare"][0]["on"] == "raw"' "$T/out" \
  && ok || bad "--on raw --primary ancova: raw comparison secondary"
expect_error "--on and --primary disagree" 2 "--primary change and --on raw name different analyses" \
  "$PS" report "$EX" --on raw --primary change
expect_error "bad --on" 2 'unknown --on "both"' "$PS" report "$EX" --on both
expect_error "bad --time-values" 2 "--time-values has 3 values for 4 times" "$PS" report "$EX" --time-values 0,1,2
run "$PS" report "$EX" --rci-sd baseline --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); s={i["sd_source"] for m in d["measures"] for i in m["individual"]}; assert s == {"baseline (SD of 10 scores at T0)"}, s' "$T/out" \
  && ok || bad "--rci-sd baseline: every RCI on the baseline SD"
expect_error "bad --rci-sd" 2 'unknown --rci-sd "pooled"' "$PS" report "$EX" --rci-sd pooled
# --time-values places the visits of the report's trajectory figures as plot does
run "$PS" report "$EX" --format markdown -o "$T/md/" --time-values 0,1,3,6
run "$PS" plot trajectories "$EX" --measures bdi --time-values 0,1,3,6
cmp -s "$T/out" "$T/md/1_bdi_trajectories.svg" && ok || bad "--time-values: report trajectories should match plot's"
run "$PS" report "$EX" --primary change --format json
python3 - "$T/out" <<'PY2' && ok || bad "--primary change: change comparison primary, ANCOVA secondary"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["settings"]["primary"] == "change" and "--primary change" in d["summary"]
for m in d["measures"]:
    assert [c["role"] for c in m["compare"]] == ["primary"] and [c["role"] for c in m["ancova"]] == ["secondary"]
PY2
# wording: no sentence in any format equates non-significance with no effect (ASA 2016)
for f in text markdown json; do
  run "$PS" report "$EX" --format $f
  grep -qiE 'do not differ|no effect|no difference|trend|proves|underpowered|would need' "$T/out" \
    && bad "report --format $f uses a banned phrase" || ok
done
expect_error "bad format" 2 'unknown format "csv" (valid: text, markdown, json, html)' "$PS" report "$EX" --format csv
printf 'subject,group,time,measure,score\nP1,a,T0,bdi,3\nP2,b,T0,bdi,4\n' >"$T/one.csv"
run "$PS" report "$T/one.csv"
expect_status "one time point: raw scores compared" 0
expect_contains "one time point named" "the only time point"
# html: byte for byte with SOURCE_DATE_EPOCH (the provenance shows only its day),
# provenance of this run, every picture embedded with ids unique in the page,
# every header linked to its definition, no fixed-width box that clips.
export SOURCE_DATE_EPOCH=1700000000
expect_golden "report html" "$G/report_example.html" "$PS" report "$EX" --format html
cp "$T/out" "$T/g.html"
run "$PS" report "$EX" --format html
cmp -s "$T/out" "$T/g.html" && ok || bad "html differs between two runs with SOURCE_DATE_EPOCH"
sha=$(sha256sum "$EX" | cut -d' ' -f1)
expect_contains "provenance: input SHA-256 (sha256sum)" "<code class=\"hash\">$sha</code>"
expect_contains "provenance: command" "<code>pilotstat report data/examples/kap_pilot.csv --format html</code>"
# Standard input is read whole and hashed: the same bytes, the same digest and
# the same analysis as the file.
"$PS" report - --format html <"$EX" >"$T/stdin.html"
grep -qF "<code class=\"hash\">$sha</code>" "$T/stdin.html" && grep -qF "<dt>Input</dt><dd><code>standard input</code>" "$T/stdin.html" \
  && ok || bad "provenance: SHA-256 of standard input"
diff <(sed '/class="provenance"/d; s#data/examples/kap_pilot.csv#SRC#g' "$T/g.html") \
     <(sed '/class="provenance"/d; s#&lt;stdin&gt;#SRC#g' "$T/stdin.html") >/dev/null \
  && ok || bad "report from standard input differs from the file's"
expect_contains "provenance: date only" "<dt>Run</dt><dd>2023-11-14 (from SOURCE_DATE_EPOCH)</dd>"
expect_contains "provenance: seed" "<dt>Seed</dt><dd>20230401 "
expect_contains "provenance: version" "<dt>pilotstat</dt><dd>$("$PS" --version | head -1 | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1)</dd>"
export SOURCE_DATE_EPOCH=17e8
expect_error "bad SOURCE_DATE_EPOCH" 3 'SOURCE_DATE_EPOCH="17e8" is not a whole number of seconds' \
  "$PS" report "$EX" --format html
unset SOURCE_DATE_EPOCH
run "$PS" report "$EX" --format html
grep -qE '<dt>Run</dt><dd>[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} UTC</dd>' "$T/out" && ok \
  || bad "provenance: UTC date and time without SOURCE_DATE_EPOCH"
"$PS" plot estimation "$EX" --measures bdi >"$T/est.svg"
python3 - "$T/g.html" "$T/est.svg" <<'PY2' && ok || bad "html: figures, unique ids, linked headers"
import re, sys, collections
h = open(sys.argv[1]).read()
svgs = re.findall(r"<svg .*?</svg>", h, re.S)
# per measure trajectories, estimation, rci; one forest plot
assert len(svgs) == 5 * 3 + 1, len(svgs)
ids = re.findall(r'\bid="([^"]+)"', h)
dup = [i for i, n in collections.Counter(ids).items() if n > 1]
assert not dup, dup
for s in svgs:
    for ref in re.search(r'aria-labelledby="([^"]+)"', s).group(1).split():
        assert ref in ids, ref
# every header is a link to a definition that exists on the page
# (the plan section's completeness grid is headed by visits, which need no definition)
plan = re.search(r"<h2>Planning the main trial</h2>.*?(?=<h2>|<dl)", h, re.S)
ths = re.findall(r"<th\b[^>]*>(.*?)</th>", h.replace(plan.group(0), "") if plan else h)
assert ths and all(re.match(r'<a href="#col-[a-z0-9_]+" title="[^"]+">', t) for t in ths), [t for t in ths if "href" not in t][:3]
for a in set(re.findall(r'href="#([^"]+)"', h)):
    assert a in ids, a
assert "@media print" in h and "overflow-x:auto" in h and "max-width:100%" in h
# the embedded estimation plot is the one `plot estimation` draws (same numbers), ids prefixed
est = open(sys.argv[2]).read().rstrip("\n")
emb = [s for s in svgs if "BDI-II, change T0 to T3:" in s][0]
assert re.sub(r"\bf\d+-([td])\b", r"\1", emb) == est, "embedded estimation plot differs"
PY2

# markdown -o DIR/: report.md and the SVGs it references; stdout markdown has no pictures.
run "$PS" report "$EX" --format markdown -o "$T/md/"
[ "$status" -eq 0 ] && [ ! -s "$T/out" ] && [ -s "$T/md/report.md" ] && ok || bad "markdown -o DIR/"
python3 - "$T/md" <<'PY2' && ok || bad "markdown -o DIR/: pictures referenced and written"
import os, re, sys, xml.etree.ElementTree as E
d = sys.argv[1]
md = open(os.path.join(d, "report.md")).read()
refs = re.findall(r"!\[[^\]]+\]\(([^)]+)\)", md)
assert len(refs) == 16 and "forest.svg" in refs and "1_bdi_trajectories.svg" in refs, refs
assert sorted(refs) == sorted(f for f in os.listdir(d) if f.endswith(".svg")), os.listdir(d)
for f in refs:
    E.parse(os.path.join(d, f))
PY2
run "$PS" report "$EX" --format markdown
grep -q '!\[' "$T/out" && bad "markdown on stdout references pictures it cannot write" || ok
mkdir -p "$T/blocked"; : >"$T/blocked/x"
run "$PS" report "$EX" --format markdown -o "$T/blocked/x/"
[ "$status" -eq 3 ] && grep -qF "cannot create the output directory" "$T/err" && ok || bad "markdown -o into a file"

run "$PS" report --help
[ "$status" -eq 0 ] && grep -q "Examples" "$T/out" && ok || bad "report --help"
finish
