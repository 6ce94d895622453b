# Man pages and shell completions come from the same CLI11 definitions as
# --help: every command gets a page listing every option its --help lists,
# the pages format without warnings, and the bash completion completes
# commands, options, --format values and files.
source "$(dirname "$0")/lib.bash"
run "$PS" --generate-man "$T" --generate-completions "$T"
expect_status "generate" 0
commands=$("$PS" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF {print $1}')
[ -s "$T/pilotstat.1" ] && ok || bad "pilotstat.1"
for c in $commands; do
  page=$T/pilotstat-$c.1
  [ -s "$page" ] && grep -qF "\\fBpilotstat\\-$c\\fR(1)" "$T/pilotstat.1" && ok || bad "pilotstat-$c.1 (and in pilotstat(1))"
  for opt in $("$PS" "$c" --help | grep -oE '^  +(-[a-zA-Z0-9],)?--[a-z0-9-]+' | grep -oE -- '--[a-z0-9-]+'); do
    grep -qF -- "\\fB${opt//-/\\-}" "$page" || grep -qF -- ", ${opt//-/\\-}" "$page" && ok || bad "pilotstat-$c.1 lacks $opt"
  done
  if command -v groff >/dev/null; then
    run groff -man -Tutf8 -ww -z "$page"
    [ "$status" -eq 0 ] && [ ! -s "$T/err" ] && ok || bad "groff warns on pilotstat-$c.1"
  fi
done

# complete WORDS...: completes the last word the way bash does after sourcing the script.
complete_words() {
  run bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _pilotstat; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$T/pilotstat.bash" "$@"
}
complete_words pilotstat comp
[ "$(cat "$T/out")" = compare ] && ok || bad "pilotstat comp -> compare"
complete_words pilotstat compare data/examples/kap_pilot.csv --form
[ "$(cat "$T/out")" = --format ] && ok || bad "pilotstat compare FILE --form -> --format"
complete_words pilotstat report data/examples/kap_pilot.csv --format ""
[ "$(tr '\n' ' ' <"$T/out")" = "text markdown json html " ] && ok || bad "report --format values"
complete_words pilotstat check --format t
[ "$(tr '\n' ' ' <"$T/out")" = "text tap " ] && ok || bad "check --format t"
complete_words pilotstat describe data/examples/kap_pilot_w
[ "$(cat "$T/out")" = data/examples/kap_pilot_wide.csv ] && ok || bad "describe FILE completes files"
complete_words pilotstat help rep
[ "$(cat "$T/out")" = report ] && ok || bad "pilotstat help rep -> report"
for f in _pilotstat pilotstat.fish; do [ -s "$T/$f" ] && grep -q "compare" "$T/$f" && ok || bad "$f"; done
# zsh and fish, when installed: the scripts parse; fish completes as bash does.
if command -v zsh >/dev/null; then run zsh -n "$T/_pilotstat"; expect_status "zsh -n _pilotstat" 0; fi
if command -v fish >/dev/null; then
  run fish -n "$T/pilotstat.fish"
  expect_status "fish -n pilotstat.fish" 0
  run fish -c 'source $argv[1]; complete -C "pilotstat comp"; complete -C "pilotstat check x --format t"' "$T/pilotstat.fish"
  [ "$(cut -f1 "$T/out" | tr '\n' ' ')" = "compare tap text " ] && ok || bad "fish completion"
fi
finish
