# Numeric options are typed and checked one way in every subcommand: a value
# that is not a number, not whole (for counts) or outside the option's range
# is a usage error (exit 2, nothing on stdout) whose one line names the
# option and states the valid range. Ranges: lib/pilotstat/analysis/option_ranges.hpp.
source "$(dirname "$0")/lib.bash"
EX=data/examples/kap_pilot.csv
# expect_line NAME WANT_STDERR CMD...: exit 2, empty stdout, stderr exactly "pilotstat: error: WANT".
expect_line() {
  local name=$1 want="pilotstat: error: $2"
  shift 2
  run "$@"
  if [ "$status" -eq 2 ] && [ ! -s "$T/out" ] && [ "$(cat "$T/err")" == "$want" ]; then ok
  else bad "$name: expected exit 2 and stderr '$want'"; fi
}
# bad_values CMD-PREFIX... -- OPTION OUT_OF_RANGE VALID: both an out-of-range
# value and a non-number, with the messages word for word.
bad_values() {
  local -a cmd=()
  while [ "$1" != "--" ]; do cmd+=("$1"); shift; done
  local opt=$2 value=$3 valid=$4
  expect_line "${cmd[1]} $opt $value" "$opt: $value is out of range; valid: $valid" "${cmd[@]}" "$opt" "$value"
  expect_line "${cmd[1]} $opt abc" "$opt: \"abc\" is not a number; valid: $valid" "${cmd[@]}" "$opt" abc
}
M40=1099511627776  # 2^40, the cap of the counts
U64=18446744073709551615

# The inference options shared by change, compare, report and plot.
for cmd in "change $EX" "compare $EX" "report $EX" "plot estimation $EX"; do
  # shellcheck disable=SC2086
  set -- $cmd
  bad_values "$PS" "$@" -- --conf 0.3 "0.5 <= conf <= 0.9999"
  bad_values "$PS" "$@" -- --alpha 0.6 "0 < alpha <= 0.5"
  bad_values "$PS" "$@" -- --resamples 99 "a whole number 100 <= resamples <= $M40"
  bad_values "$PS" "$@" -- --boot-resamples 10 "a whole number 100 <= boot-resamples <= $M40"
  bad_values "$PS" "$@" -- --exact-limit 1099511627777 "a whole number 0 <= exact-limit <= $M40"
  bad_values "$PS" "$@" -- --dp-limit -1 "a whole number 0 <= dp-limit <= $M40"
  bad_values "$PS" "$@" -- --boot-exact-limit 1e20 "a whole number 0 <= boot-exact-limit <= $M40"
  bad_values "$PS" "$@" -- --seed 18446744073709551616 "a whole number 0 <= seed <= $U64"
done
for cmd in change compare report; do
  bad_values "$PS" "$cmd" "$EX" -- --responder 101 "0 <= responder <= 100"
done
expect_line "whole number" "--resamples: 2.5e3 is not a whole number; valid: a whole number 100 <= resamples <= $M40" \
  "$PS" change "$EX" --resamples 2.5e3
expect_line "fraction" "--seed: 1.5 is not a whole number; valid: a whole number 0 <= seed <= $U64" \
  "$PS" compare "$EX" --seed 1.5
expect_line "not finite" "--conf: \"inf\" is not a number; valid: 0.5 <= conf <= 0.9999" "$PS" change "$EX" --conf inf
expect_line "hex" "--alpha: \"0x0.1\" is not a number; valid: 0 < alpha <= 0.5" "$PS" report "$EX" --alpha 0x0.1
bad_values "$PS" report "$EX" -- --power 1 "0 < power < 1"
expect_line "report power <= alpha" "power (0.04) must be greater than alpha (0.05)" "$PS" report "$EX" --power 0.04

# --digits of every table command (0..15) and of check (0..12).
for cmd in describe change compare report individual plan; do
  bad_values "$PS" "$cmd" "$EX" -- --digits 16 "a whole number 0 <= digits <= 15"
done
bad_values "$PS" check -- --digits 13 "a whole number 0 <= digits <= 12"
bad_values "$PS" power --design paired --n 5 --effect 1 -- --digits 99 "a whole number 0 <= digits <= 15"

bad_values "$PS" describe "$EX" -- --conf 1 "0.5 <= conf <= 0.9999"
bad_values "$PS" individual "$EX" -- --rci-z 0 "0 < rci-z <= 10"
bad_values "$PS" change "$EX" --individual -- --rci-z -1 "0 < rci-z <= 10"
bad_values "$PS" plot rci "$EX" -- --rci-z 11 "0 < rci-z <= 10"
bad_values "$PS" plot forest "$EX" -- --width 319 "320 <= width <= 4000"
bad_values "$PS" plot forest "$EX" -- --height 4001 "240 <= height <= 4000"
bad_values "$PS" check --scan data/examples/seed_excerpt.txt -- --n 0 "a whole number 1 <= n <= 1000000000"

bad_values "$PS" plan "$EX" -- --mcid 0 "mcid > 0"
bad_values "$PS" plan "$EX" -- --sd-conf 1 "0 < sd-conf < 1"
bad_values "$PS" plan "$EX" -- --alpha 0.7 "0 < alpha <= 0.5"
bad_values "$PS" plan "$EX" -- --power 0 "0 < power < 1"
bad_values "$PS" plan "$EX" -- --screened 0 "a whole number 1 <= screened <= 1000000000"
bad_values "$PS" plan "$EX" -- --randomized -3 "a whole number 1 <= randomized <= 1000000000"

P=("$PS" power --design two-sample)
bad_values "${P[@]}" --power 0.8 -- --n 1 "a whole number 2 <= n <= 100000"
expect_line "power --effect abc" "--effect: \"abc\" is not a number; valid: a finite number" "${P[@]}" --n 5 --effect abc
expect_line "power --effect nan" "--effect: \"nan\" is not a number; valid: a finite number" "${P[@]}" --n 5 --effect nan
bad_values "${P[@]}" --n 5 -- --power 1.2 "0 < power < 1"
bad_values "${P[@]}" --n 5 --effect 1 -- --alpha 0 "0 < alpha <= 0.5"
bad_values "${P[@]}" --n 5 --effect 1 -- --resamples 0 "a whole number 1 <= resamples <= 100000000"
bad_values "${P[@]}" --n 5 --effect 1 -- --seed -5 "a whole number 0 <= seed <= $U64"

# The range is stated in --help (and so in the man pages, made from it).
run "$PS" compare --help
expect_contains "compare --help" "--alpha FLOAT:0 < alpha <= 0.5"
run "$PS" power --help
expect_contains "power --help" "--resamples UINT:a whole number 1 <= resamples <= 100000000"
# Valid values still pass, negative ones included where the range allows.
run "${P[@]}" --n 5 --effect -1 --test t --format csv
expect_status "negative effect" 0
finish
