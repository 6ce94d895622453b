# The commands the docs show are run, and the output they show must be what
# the tool prints: every fenced block in docs/*.md, README.md and
# data/examples/README.md whose first line is "$ pilotstat ..." is a test: each
# "$ pilotstat" line in it is run (a trailing "# comment" dropped). Each shown output line must appear in the real output, in order, with runs of
# spaces compared as one space; a line with "..." matches any line holding the
# pieces around the "..." in order; a line that is only "..." skips lines.
# Exit statuses are not compared (some examples fail on purpose).
source "$(dirname "$0")/lib.bash"

cat >"$T/check_docs.py" <<'EOF'
import pathlib, re, subprocess, sys

ps = sys.argv[1]
files = sorted(pathlib.Path("docs").rglob("*.md")) + [pathlib.Path("README.md"),
                                                      pathlib.Path("data/examples/README.md")]
norm = lambda s: re.sub(r"\s+", " ", s).strip()

def matches(shown, line):
    if "..." not in shown:
        return norm(shown) == norm(line)
    pos, text = 0, norm(line)
    for piece in (norm(p) for p in shown.split("...")):
        i = text.find(piece, pos)
        if i < 0:
            return False
        pos = i + len(piece)
    return True

failures, blocks = 0, 0
for f in files:
    text = f.read_text(encoding="utf-8")
    for m in re.finditer(r"^```[a-z]*\n(.*?)^```", text, re.S | re.M):
        lines = m.group(1).splitlines()
        if not lines or not lines[0].startswith("$ pilotstat "):
            continue
        first = text[: m.start()].count("\n") + 2
        starts = [k for k, l in enumerate(lines) if l.startswith("$ ")] + [len(lines)]
        for a, b in zip(starts, starts[1:]):
            if not lines[a].startswith("$ pilotstat "):
                continue
            blocks += 1
            command = re.sub(r"\s+#.*$", "", lines[a][2:])
            command = ps + command[len("pilotstat"):]
            out = subprocess.run(["bash", "-c", command], capture_output=True, text=True).stdout.splitlines()
            i = 0
            for shown in lines[a + 1 : b]:
                if not shown.strip() or shown.strip() == "...":
                    continue
                while i < len(out) and not matches(shown, out[i]):
                    i += 1
                if i == len(out):
                    failures += 1
                    print(f"{f}:{first + a}: `{lines[a]}` does not print: {shown}")
                    break
                i += 1
print(f"{blocks} documented commands checked, {failures} differ")
sys.exit(1 if failures or blocks == 0 else 0)
EOF
run python3 "$T/check_docs.py" "$PS"
cat "$T/out"
if [ "$status" -eq 0 ]; then ok; else bad "the docs show output the tool does not print"; cat "$T/out"; fi

finish
