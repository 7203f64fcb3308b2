#!/usr/bin/env bash
# The command line's own errors and help: a parser error is one "sprout: error:" line on
# stderr with a non-zero exit, a mistyped command or option names the nearest one, an
# unknown command lists the commands, and the help shows defaults and the same option
# style for the same setting in every command.
set -euo pipefail
sprout=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# One line on stderr, exactly `sprout: error: TEXT`, nothing on stdout, exit code non-zero.
expect_error() {
  local text=$1; shift
  if "$sprout" "$@" >"$work/stdout" 2>"$work/stderr"; then fail "accepted: $*"; fi
  cat "$work/stderr"
  [ "$(wc -l <"$work/stderr")" -eq 1 ] || fail "expected one error line for: $*"
  [ ! -s "$work/stdout" ] || fail "printed to stdout for: $*"
  [ "$(cat "$work/stderr")" = "sprout: error: $text" ] || fail "expected 'sprout: error: $text' for: $*"
}

expect_error "'trian' is not a command; did you mean 'train'? (sprout --help lists the commands)" trian
expect_error "'comapre' is not a command; did you mean 'compare'? (sprout --help lists the commands)" \
  comapre --out x
expect_error "'xyz' is not a command (commands: batch, bp, capacity, compare, config, data, simulate, train, eval, paper-table, probe) (sprout --help lists the commands)" xyz
expect_error "train: --epochs: given 2 times; give it once (sprout train --help lists the options)" \
  train --epochs 1 --epochs 2 --out "$work/twice"
expect_error "A subcommand is required (sprout --help lists the commands)"
expect_error "train: unknown option '--thread'; did you mean '--threads'? (sprout train --help lists the options)" \
  train --thread 2
expect_error "bp: 'sweeep' is not a command; did you mean 'sweep'? (sprout bp --help lists the options)" \
  bp sweeep
expect_error "simulate: unknown option '--frobnicate' (sprout simulate --help lists the options)" \
  simulate --frobnicate
expect_error "bp: --out is required (sprout bp --help lists the options)" bp

# --help goes to stdout with exit code 0.
"$sprout" --help >"$work/help"
grep -q "^  train" "$work/help" || fail "sprout --help lists no train command"
# Defaults shown; a model setting that is true or false takes true/false in every command.
"$sprout" train --help >"$work/train_help"
grep -q -- "--threads UINT=2 " "$work/train_help" || fail "train --help: no default for --threads"
"$sprout" simulate --help >"$work/simulate_help"
grep -q -- "--shared-inhibition BOOLEAN=false" "$work/simulate_help" ||
  fail "simulate --help: --shared-inhibition is not a true/false option with its default"
grep -q "sim.json writes sim.counts.csv" "$work/simulate_help" || fail "simulate --help: --out files"
"$sprout" eval --help >"$work/eval_help"
grep -q -- "--shared-inhibition BOOLEAN" "$work/eval_help" || fail "eval --help: --shared-inhibition"
# One type name per kind of value in every command: UINT for counts, seeds and sizes,
# LIST for comma-separated values, nothing appended by a validator ("UINT:INT in ...").
for command in train bp "bp sweep" simulate eval compare probe capacity paper-table "data check" \
  "config show" batch; do
  # shellcheck disable=SC2086 # "bp sweep" is two words on purpose
  "$sprout" $command --help
done >"$work/all_help"
if grep -E -- "--[a-z-]+ [A-Z]+:(INT|UINT|FLOAT)\b" "$work/all_help" ||
  grep -Ev -- "--[a-z-]+ (UINT|FLOAT|BOOLEAN|TEXT|LIST)\b" "$work/all_help" |
  grep -E -- "^ +(-[a-z], )?--[a-z-]+ [A-Z]+\b"; then
  fail "the options above show a type name other than UINT, FLOAT, BOOLEAN, TEXT or LIST"
fi
grep -q -- "--classes LIST" "$work/all_help" || fail "--classes is not shown as a LIST"
echo "cli.command_line passed"
