# Shared helpers for the CLI end-to-end tests (sourced; not a test itself).
# Each test script is run by CTest as: bash tests/cli/NAME.sh PATH/TO/pilotstat
# from the repository root. UPDATE_GOLDEN=1 rewrites golden files.
PS=${1:?usage: $0 PATH/TO/pilotstat}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
passed=0
failed=0

# run CMD...: runs it, keeping stdout in $T/out, stderr in $T/err, status in $status.
run() {
  "$@" >"$T/out" 2>"$T/err"
  status=$?
}

ok() { passed=$((passed + 1)); }
bad() {
  failed=$((failed + 1))
  echo "FAIL: $1"
  echo "  status: $status"
  echo "  stdout: $(head -c 400 "$T/out")"
  echo "  stderr: $(head -c 400 "$T/err")"
}

# expect_status NAME STATUS
expect_status() { [ "$status" -eq "$2" ] && ok || bad "$1: expected exit $2"; }

# expect_error NAME STATUS FRAGMENT CMD...: exit STATUS, empty stdout, FRAGMENT in stderr.
expect_error() {
  local name=$1 want=$2 fragment=$3
  shift 3
  run "$@"
  if [ "$status" -eq "$want" ] && [ ! -s "$T/out" ] && grep -qF -- "$fragment" "$T/err"; then ok
  else bad "$name: expected exit $want, empty stdout, stderr containing '$fragment'"; fi
}

# expect_golden NAME GOLDEN_FILE CMD...: exit 0 and stdout byte-identical to the golden file.
expect_golden() {
  local name=$1 golden=$2
  shift 2
  run "$@"
  if [ -n "${UPDATE_GOLDEN:-}" ] && [ "$status" -eq 0 ]; then cp "$T/out" "$golden"; fi
  if [ "$status" -eq 0 ] && cmp -s "$T/out" "$golden"; then ok
  else bad "$name: stdout differs from $golden"; diff "$golden" "$T/out" | head -10; fi
}

# expect_contains NAME FRAGMENT: stdout of the last run contains FRAGMENT.
expect_contains() { grep -qF -- "$2" "$T/out" && ok || bad "$1: stdout lacks '$2'"; }

finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
