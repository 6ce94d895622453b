# plot end to end: every kind is valid XML, renders to a non-blank PNG, matches
# its golden file byte for byte and shows the library's numbers; bad input fails
# with a clear message.
source "$(dirname "$0")/lib.bash"
EX=data/examples/kap_pilot.csv
G=tests/cli/golden

# svg_ok NAME FILE: parses as XML with <title> and <desc>, renders with rsvg-convert to a non-blank PNG.
svg_ok() {
  python3 - "$2" <<'PY' && ok || bad "$1: not well-formed SVG with title and desc"
import sys, xml.etree.ElementTree as E
root = E.parse(sys.argv[1]).getroot()
ns = "{http://www.w3.org/2000/svg}"
assert root.tag == ns + "svg", root.tag
assert root.find(ns + "title").text and root.find(ns + "desc").text
PY
  if rsvg-convert "$2" -o "$T/p.png" 2>"$T/rsvg"; then
    python3 - "$T/p.png" <<'PY' && ok || bad "$1: rendered PNG is blank"
import sys, struct, zlib
d = open(sys.argv[1], "rb").read()
assert d[:8] == b"\x89PNG\r\n\x1a\n"
i, idat = 8, b""
while i < len(d):
    n, kind = struct.unpack(">I4s", d[i:i + 8])
    if kind == b"IDAT": idat += d[i + 8:i + 8 + n]
    i += 12 + n
raw = zlib.decompress(idat)
assert len(set(raw)) > 20, len(set(raw))   # a blank (all-white) image has 2 or 3 byte values
PY
  else bad "$1: rsvg-convert failed: $(cat "$T/rsvg")"; fi
}

for k in trajectories estimation forest rci curve; do
  expect_golden "plot $k" "$G/plot_$k.svg" "$PS" plot "$k" "$EX" --measures bdi
  cp "$T/out" "$T/$k.svg"
  svg_ok "plot $k" "$T/$k.svg"
  run "$PS" plot "$k" "$EX" --measures bdi -o "$T/o_$k.svg"
  [ "$status" -eq 0 ] && [ ! -s "$T/out" ] && cmp -s "$T/o_$k.svg" "$T/$k.svg" && ok || bad "plot $k -o"
done

expect_golden "trajectories --time-values" "$G/plot_trajectories_times.svg" \
  "$PS" plot trajectories "$EX" --measures bdi --time-values 0,1,3,6
expect_contains "true time labels" ">T3 (6)</text>"
expect_golden "forest of every measure" "$G/plot_forest_all.svg" "$PS" plot forest "$EX"
cp "$T/out" "$T/forest_all.svg"
svg_ok "forest all" "$T/forest_all.svg"

# The numbers drawn are the comparison's: Hedges' g and its interval, the bootstrap interval.
"$PS" compare "$EX" --format csv >"$T/compare.csv"
python3 - "$T/compare.csv" "$T/forest_all.svg" "$T/estimation.svg" <<'PY' && ok || bad "plots show compare's numbers"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
forest, est = open(sys.argv[2]).read(), open(sys.argv[3]).read()
f = lambda x: ("%.2f" % float(x)).replace("-", "\u2212")
for r in rows:
    assert "%s [%s, %s]" % (f(r["hedges_g"]), f(r["g_ci_low"]), f(r["g_ci_high"])) in forest, r["measure"]
bdi = rows[0]
assert "%s [%s, %s]" % (f(bdi["mean_diff"]), f(bdi["boot_ci_low"]), f(bdi["boot_ci_high"])) in est
PY

# The forest on raw scales: one panel per measure, the unadjusted difference
# with the headline interval (compare's ci_low/ci_high) and the ANCOVA
# difference with its interval (compare --on ancova), told apart by marker and dash.
expect_golden "forest on raw scales" "$G/plot_forest_raw.svg" "$PS" plot forest "$EX" --scale raw
cp "$T/out" "$T/forest_raw.svg"
svg_ok "forest raw" "$T/forest_raw.svg"
"$PS" compare "$EX" --on ancova --format csv >"$T/ancova.csv"
python3 - "$T/compare.csv" "$T/ancova.csv" "$T/forest_raw.svg" <<'PY' && ok || bad "raw forest shows compare's numbers"
import csv, sys
raw, adj = list(csv.DictReader(open(sys.argv[1]))), list(csv.DictReader(open(sys.argv[2])))
svg = open(sys.argv[3]).read()
def f(x):
    x = float(x)
    s = "%.2f" % x if x == 0 or abs(x) >= 0.005 else "%.3g" % x
    return s.replace("-", "\u2212")
for r, a in zip(raw, adj):
    assert "unadjusted %s [%s, %s]" % (f(r["mean_diff"]), f(r["ci_low"]), f(r["ci_high"])) in svg, r["measure"]
    assert "adjusted %s [%s, %s]" % (f(a["adj_diff"]), f(a["ci_low"]), f(a["ci_high"])) in svg, a["measure"]
assert svg.count("stroke-dasharray=\"7 3\"") == len(adj)   # adjusted intervals dashed
PY
run "$PS" plot forest "$EX" --scale raw --on slope
[ "$status" -eq 0 ] && grep -qF "adjusted: not estimable" "$T/out" && ok || bad "raw forest of slopes has no adjusted difference"

# A missed visit breaks the line; a dropout's last visit is ringed.
awk -F, '!($1 == "P02" && $3 == "T2") && !($1 == "P03" && $3 == "T3")' "$EX" >"$T/gaps.csv"
expect_golden "trajectories with gaps" "$G/plot_trajectories_gaps.svg" \
  "$PS" plot trajectories "$T/gaps.csv" --measures bdi
expect_contains "dropout ringed" "<title>P03 left after T2</title>"
python3 - "$T/out" <<'PY' && ok || bad "missed visit is a gap"
import sys, xml.etree.ElementTree as E
ns = "{http://www.w3.org/2000/svg}"
lines = [p for p in E.parse(sys.argv[1]).getroot().iter(ns + "polyline") if p.findtext(ns + "title") == "P02"]
assert [len(p.get("points").split()) for p in lines] == [2, 1] or len(lines) == 1 and len(lines[0].get("points").split()) == 2, \
    [p.get("points") for p in lines]
PY

# the plotted curve is the --curve p-value function: every vertical step of the polyline sits at a breakpoint
run "$PS" compare "$EX" --measures bdi --curve --format csv
cp "$T/out" "$T/curve.csv"
run "$PS" plot curve "$EX" --measures bdi
python3 - "$T/out" "$T/curve.csv" <<'PY' && ok || bad "plot curve steps are the --curve breakpoints"
import csv, re, sys
svg = open(sys.argv[1]).read()
rows = list(csv.DictReader(open(sys.argv[2])))
pts = [tuple(map(float, p.split(","))) for p in re.search(r'polyline fill="none" stroke="#0072B2"[^>]*points="([^"]+)"', svg).group(1).split()]
# axis: x from 76 (left) to 630 (right) over the ticks' range, read from the tick labels
labels = re.findall(r'<text x="([\d.]+)" y="([\d.]+)" font-size="13" text-anchor="middle">([^<]+)</text>', svg)
row_y = max({y for _, y, _ in labels}, key=lambda y: sum(1 for _, v, _ in labels if v == y))
ticks = [(float(x), float(t.replace("\u2212", "-"))) for x, y, t in labels if y == row_y]
(x0, v0), (x1, v1) = ticks[0], ticks[-1]
to_shift = lambda x: v0 + (x - x0) * (v1 - v0) / (x1 - x0)
steps = {round(pts[i][0], 2) for i in range(1, len(pts)) if pts[i][0] == pts[i - 1][0]}
shifts = [float(r["shift"]) for r in rows]
lo, hi = to_shift(76), to_shift(630)
inside = [s for s in shifts if lo < s < hi]
assert len(steps) >= 10
for x in steps:
    assert min(abs(to_shift(x) - s) for s in inside) < 0.01 * (v1 - v0) / (x1 - x0) * 2, x
PY
expect_error "plot curve with ancova" 2 "plot curve is not available with --on ancova" \
  "$PS" plot curve "$EX" --measures bdi --on ancova
run "$PS" plot curve "$EX" --measures bdi --format html
[ "$status" -eq 0 ] && grep -q "^<!DOCTYPE html>" "$T/out" && grep -q "<svg" "$T/out" && ok || bad "html format"
run "$PS" plot estimation "$EX" --format html
[ "$status" -eq 0 ] && [ "$(grep -c "<svg" "$T/out")" -eq 5 ] && ok || bad "html: one figure per measure"
python3 - "$T/out" <<'PY' && ok || bad "html: element ids unique across the figures of a page"
import re, sys, collections
h = open(sys.argv[1]).read()
ids = re.findall(r'\bid="([^"]+)"', h)
assert len(ids) == 10 and max(collections.Counter(ids).values()) == 1, ids
for ref in re.findall(r'aria-labelledby="([^"]+)"', h):
    assert all(r in ids for r in ref.split()), ref
PY

# --on mmrm: after the baseline the thick lines are the MMRM's adjusted means,
# the numbers of compare --on mmrm --all-visits (same fit); the baseline stays observed.
expect_golden "trajectories --on mmrm" "$G/plot_trajectories_mmrm.svg" \
  "$PS" plot trajectories "$EX" --measures bdi --on mmrm --time-values 0,1,3,6
cp "$T/out" "$T/mmrm.svg"
svg_ok "trajectories --on mmrm" "$T/mmrm.svg"
expect_contains "mmrm legend names the model" "MMRM adjusted means (covariance un, df kenward-roger); T0 observed</text>"
"$PS" compare "$EX" --on mmrm --measures bdi --all-visits --format csv >"$T/mmrm.csv"
"$PS" describe "$EX" --measures bdi --format csv >"$T/describe.csv"
python3 - "$T/mmrm.csv" "$T/describe.csv" "$T/mmrm.svg" <<'PY' && ok || bad "plot trajectories --on mmrm shows compare --on mmrm's numbers"
import csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1])))
desc = [d for d in csv.DictReader(open(sys.argv[2])) if d["time"] == "T0"]
svg = open(sys.argv[3]).read()
f = lambda x: ("%.2f" % float(x)).replace("-", "\u2212")
assert len(rows) == 3, len(rows)
# the y axis from its tick labels (drawn 4.5 px below their tick)
ticks = [(float(y) - 4.5, float(v.replace("\u2212", "-"))) for y, v in
         re.findall(r'<text x="68" y="([\d.]+)" font-size="13" text-anchor="end">([^<]+)</text>', svg)]
(y0, v0), (y1, v1) = ticks[0], ticks[-1]
value = lambda y: v0 + (y - y0) * (v1 - v0) / (y1 - y0)
for arm, col in (("psychedelic", "adj_mean_a"), ("psycholytic", "adj_mean_b")):
    assert rows[0]["group_a"] == "psychedelic" and rows[0]["group_b"] == "psycholytic"
    line = re.search(r'points="([^"]+)"><title>%s adjusted mean</title>' % arm, svg).group(1).split()
    ys = [float(p.split(",")[1]) for p in line]
    base = [float(d["mean"]) for d in desc if d["group"] == arm]
    want = base + [float(r[col]) for r in rows]
    assert len(ys) == 4, ys
    for y, w in zip(ys, want):
        assert abs(value(y) - w) <= 0.006 * abs(v1 - v0) / abs(y1 - y0), (arm, value(y), w)  # coordinates: 2 decimals
    for r in rows:   # each post-baseline interval carries the adjusted mean as its tooltip
        assert re.search(r"<title>%s %s MMRM adjusted mean %s \[" % (arm, r["to"], re.escape(f(r[col]))), svg), (arm, r["to"])
assert svg.count("MMRM adjusted mean ") == 6
PY
expect_golden "trajectories --on mmrm, cs" "$G/plot_trajectories_mmrm_cs.svg" \
  "$PS" plot trajectories "$EX" --measures bdi --on mmrm --covariance cs --df satterthwaite
expect_contains "mmrm cs legend" "MMRM adjusted means (covariance cs, df satterthwaite); T0 observed</text>"
for k in estimation forest rci curve; do
  expect_error "plot $k --on mmrm" 2 "plot $k is not available with --on mmrm: only plot trajectories draws the mixed model" \
    "$PS" plot "$k" "$EX" --measures bdi --on mmrm
done
expect_error "trajectories --on mmrm, bad covariance" 2 "--covariance" \
  "$PS" plot trajectories "$EX" --measures bdi --on mmrm --covariance diag
awk -F, 'NR == 1 || $3 == "T0"' "$EX" >"$T/one_time.csv"
expect_error "trajectories --on mmrm, one time" 2 "--on mmrm needs a baseline and at least one later visit" \
  "$PS" plot trajectories "$T/one_time.csv" --measures bdi --on mmrm

expect_error "unknown kind" 2 'unknown plot kind "pie" (valid: trajectories, estimation, forest, rci, curve)' \
  "$PS" plot pie "$EX" --measures bdi
expect_error "unknown forest scale" 2 'unknown forest scale "log" (valid: standardized, raw)' \
  "$PS" plot forest "$EX" --scale log
expect_error "unknown format" 2 'unknown plot format "png" (valid: svg, html)' \
  "$PS" plot rci "$EX" --measures bdi --format png
expect_error "unknown measure" 3 "no rows left after --measures/--groups filtering" \
  "$PS" plot trajectories "$EX" --measures nosuch
expect_error "svg of several measures" 2 "this selection gives 5 figures: choose with --measures" \
  "$PS" plot trajectories "$EX"
expect_error "time values count" 2 "--time-values has 2 values for 4 times" \
  "$PS" plot trajectories "$EX" --measures bdi --time-values 0,1
expect_error "unknown time" 3 '--to "T9" is not a time in the data' "$PS" plot rci "$EX" --measures bdi --to T9
expect_error "too narrow" 2 "--width" "$PS" plot forest "$EX" --width 10
expect_error "missing file" 3 "nosuch.csv" "$PS" plot forest nosuch.csv
run "$PS" plot curve "$EX" --measures bdi -o "$T/no/such/dir/x.svg"
[ "$status" -eq 3 ] && [ ! -e "$T/no/such/dir/x.svg" ] && grep -qF "cannot write output" "$T/err" && ok || bad "-o unwritable"
finish
