# The friendlier command line: "did you mean ...?" for unknown commands and
# options (arguments listed in the order given), `help [COMMAND]`, and
# --version on every subcommand.
source "$(dirname "$0")/lib.bash"
EX=data/examples/kap_pilot.csv
expect_error "misspelt command" 2 'unknown command "desribe" (did you mean "describe"?); arguments not expected: desribe x.csv' \
  "$PS" desribe x.csv
expect_error "misspelt option" 2 'describe: unknown option "--fromat" (did you mean "--format"?); arguments not expected: --fromat csv' \
  "$PS" describe "$EX" --fromat csv
expect_error "misspelt option=value" 2 'unknown option "--fromat" (did you mean "--format"?)' \
  "$PS" describe "$EX" --fromat=csv
expect_error "misspelt long option" 2 'compare: unknown option "--outptu" (did you mean "--output"?)' "$PS" compare "$EX" --outptu x
expect_error "misspelt top-level option" 2 'unknown option "--verison" (did you mean "--version"?)' "$PS" --verison
expect_error "extra file" 2 "describe: arguments not expected: b.csv (see 'pilotstat describe --help')" \
  "$PS" describe "$EX" b.csv
expect_error "far from every command" 2 'unknown command "frobnicate"; arguments not expected: frobnicate' \
  "$PS" frobnicate
grep -q "did you mean" "$T/err" && bad "frobnicate: no suggestion expected" || ok

# help [COMMAND] is COMMAND --help; help alone is --help.
commands=$("$PS" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF {print $1}')
[ "$(echo "$commands" | wc -w)" -ge 8 ] && ok || bad "commands listed by --help: $commands"
"$PS" --version >"$T/version"
for c in $commands; do
  run "$PS" help "$c"
  cp "$T/out" "$T/help"
  run "$PS" "$c" --help
  [ "$status" -eq 0 ] && [ -s "$T/help" ] && cmp -s "$T/help" "$T/out" && ok || bad "help $c differs from $c --help"
  run "$PS" "$c" --version
  [ "$status" -eq 0 ] && cmp -s "$T/version" "$T/out" && ok || bad "$c --version"
done
run "$PS" help
cp "$T/out" "$T/help"
run "$PS" --help
cmp -s "$T/help" "$T/out" && grep -q "^Subcommands:" "$T/help" && ok || bad "help differs from --help"
run "$PS" compare "$EX" --version
[ "$status" -eq 0 ] && cmp -s "$T/version" "$T/out" && ok || bad "compare FILE --version"
expect_error "help for an unknown command" 2 'unknown command "comapre" (did you mean "compare"?)' "$PS" help comapre

# The hidden generators used by the build.
expect_error "completion for an unknown shell" 2 'unknown shell "tcsh" (valid: bash, zsh, fish)' \
  "$PS" --generate-completion tcsh
expect_error "man pages into a missing directory" 3 "nonexistent/pilotstat.1" \
  "$PS" --generate-man "$T/nonexistent"
finish
