#!/usr/bin/env bash
# `sprout batch FILE`: a file it cannot use, and a line that fails, end the batch with one
# line naming the file (and the line); the lines before a failing one have run.
sprout=$1
data=$2
config=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/hostile_lib.sh"

refuse "$work/missing.txt: cannot read the batch file" "$sprout" batch "$work/missing.txt"
printf '# only a comment\n\n' >"$work/empty.txt"
refuse "$work/empty.txt: lists no command" "$sprout" batch "$work/empty.txt"
printf 'batch other.txt\n' >"$work/nested.txt"
refuse "$work/nested.txt:1: a batch cannot run a batch" "$sprout" batch "$work/nested.txt"
printf '\n# a typo on line 3\ntrian --out x\n' >"$work/typo.txt"
refuse "$work/typo.txt:3: 'trian' is not a command; did you mean 'train'?" \
  "$sprout" batch "$work/typo.txt"
printf 'train --epochs 1 --epochs 2\n' >"$work/twice.txt"
refuse "$work/twice.txt:1: train: --epochs: given 2 times" "$sprout" batch "$work/twice.txt"
printf 'data check --help\n' >"$work/help.txt"
refuse "$work/help.txt:1: --help and --version are not runs" "$sprout" batch "$work/help.txt"

# Line 1 runs, line 2 names a config that does not exist: the error names line 2.
train="train --data-dir $data --config $config --hidden 4 --train-limit 100 --test-limit 20"
train+=" --epochs 1 --measures-train-limit 20"
printf 'sprout %s --out %s\n%s --config %s --out %s\n' "$train" "$work/first" "$train" \
  "$work/no_such.json" "$work/second" >"$work/failing.txt"
refuse "$work/failing.txt:2: " "$sprout" batch "$work/failing.txt"
[ -f "$work/first/results.json" ] || fail "line 1 did not run"
absent "$work/second"
echo "hostile_batch: $cases cases"
