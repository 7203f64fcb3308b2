#!/usr/bin/env bash
# Hostile network files and resumes: a corrupt, forged or inconsistent network.bin or
# checkpoint is refused with one line naming it (never evaluated, never resumed), nothing
# is written by the refused command, and the file does not depend on the thread count.
sprout=$1
data=$2
config=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/hostile_lib.sh"
edit() { python3 "$here/network_bytes.py" "$@"; }

args=(--data-dir "$data" --config "$config" --hidden 4 --train-limit 200 --test-limit 50
      --measures-train-limit 50)
"$sprout" train "${args[@]}" --epochs 1 --threads 1 --out "$work/one" >/dev/null 2>&1
"$sprout" train "${args[@]}" --epochs 1 --threads 2 --out "$work/two" >/dev/null 2>&1
net=$work/one/network.bin

# The same network on 1 and on 2 threads: the same bytes.
cases=$((cases + 1))
cmp "$net" "$work/two/network.bin" || fail "network.bin depends on the thread count"
head -c 8 "$net" | grep -q SPRNET04 || fail "magic"

# Every corruption: eval refuses the file by name and writes no --out.
bad() {
  local text=$1
  shift
  edit "$net" "$work/bad.bin" "$@"
  refuse "$work/bad.bin: network file" "$sprout" eval --data-dir "$data" --network "$work/bad.bin" \
    --test-limit 10 --out "$work/eval.json"
  grep -qF -- "$text" "$work/stderr" || { cat "$work/stderr"; fail "expected '$text' for $*"; }
  absent "$work/eval.json"
}
bad "checksum mismatch" flip 100
bad "checksum mismatch" flip 30000
bad "synapse weight [" nan-weight
bad "0 where the synapse is not realised" ghost-weight
bad "synapse state [0] is 7" bad-state
bad "header length 1099511627776 exceeds the file" length 1099511627776
bad "the header is not valid JSON" garbage-header
bad "inputs: 0 is out of range" header-set inputs 0
# A header that asks for 2^24 x 4 synapses (about 700 MB): refused by the file's size
# before anything is allocated.
bad "needs" header-set inputs 16777216
bad "inputs: 16777217 is out of range" header-set inputs 16777217
bad "hidden: 5 disagrees with the config's network.hidden 4" header-set hidden 5
bad "classes: 3 disagrees" header-set classes 3
bad "config: missing" header-drop config
bad "samples_seen" header-set samples_seen -1
bad "network.hidden" config-set network.hidden 0
bad "hidden: 4 disagrees with the config's network.hidden 5" config-set network.hidden 5
bad "network file header: expected a JSON object" header-json '[1, 2]'

# Files that are not network files at all.
head -c -8 "$net" >"$work/bad.bin"
refuse "bytes, but its header" "$sprout" eval --data-dir "$data" --network "$work/bad.bin"
{ cat "$net"; printf 'x'; } >"$work/bad.bin"
refuse "bytes, but its header" "$sprout" eval --data-dir "$data" --network "$work/bad.bin"
: >"$work/bad.bin"
refuse "network file: too short" "$sprout" eval --data-dir "$data" --network "$work/bad.bin"
refuse "not a Sprout network file" "$sprout" eval --data-dir "$data" \
  --network "$work/one/results.json"
refuse "is a folder, expected a network file" "$sprout" eval --data-dir "$data" --network "$work"
refuse "cannot open network file" "$sprout" eval --data-dir "$data" --network "$work/none.bin"
edit "$net" "$work/bad.bin" flip 5
refuse "network file: checksum mismatch" "$sprout" probe --data-dir "$data" \
  --network "$work/bad.bin" --test-limit 10 --out "$work/probe.json"
absent "$work/probe.json"

# Resume: only from a checkpoint and the results.json of the same run.
"$sprout" train "${args[@]}" --epochs 1 --out "$work/run" >/dev/null 2>&1
cp "$work/run/results.json" "$work/results_1.json"
accept "$sprout" train "${args[@]}" --epochs 2 --out "$work/run" --resume
cp "$work/run/results.json" "$work/results_2.json"
[ "$(jq '.epochs | length' "$work/results_2.json")" = 2 ] || fail "resumed run has no epoch 2"
# Stopped between the checkpoint of epoch 2 and the results of epoch 2: consistent.
cp "$work/results_1.json" "$work/run/results.json"
accept "$sprout" train "${args[@]}" --epochs 2 --out "$work/run" --resume
cmp <(jq -S .epochs "$work/run/results.json") <(jq -S .epochs "$work/results_2.json") ||
  fail "the resumed pair lost an epoch"

checkpoint=$work/run/checkpoint.bin
before=$(digest "$checkpoint")
resume_refused() {
  local text=$1
  local kept
  kept=$(digest "$work/run/results.json")
  refuse "$text" "$sprout" train "${args[@]}" --epochs 3 --out "$work/run" --resume
  unchanged "$checkpoint" "$before"
  unchanged "$work/run/results.json" "$kept"
}
# results.json of another run (another seed) beside the checkpoint.
"$sprout" train "${args[@]}" --epochs 2 --seed 99 --out "$work/other" >/dev/null 2>&1
cp "$work/other/results.json" "$work/run/results.json"
resume_refused "results.json: epoch 1 differs from the checkpoint's"
# An older checkpoint than the results (1 epoch against 2 recorded).
cp "$work/results_2.json" "$work/run/results.json"
cp "$work/one/checkpoint.bin" "$checkpoint"
before=$(digest "$checkpoint")
resume_refused "results.json: records 2 epochs, the checkpoint 1"
# Results two epochs behind the checkpoint.
jq '.epochs = []' "$work/results_1.json" >"$work/run/results.json"
cp "$work/other/checkpoint.bin" "$checkpoint"
before=$(digest "$checkpoint")
resume_refused "records 0 epochs, the checkpoint 2"
# A corrupt checkpoint.
edit "$work/other/checkpoint.bin" "$checkpoint" flip 64
before=$(digest "$checkpoint")
resume_refused "checkpoint.bin: network file: checksum mismatch"
# results.json with no checkpoint to resume from.
rm "$checkpoint"
kept=$(digest "$work/run/results.json")
refuse "holds results.json but no checkpoint.bin" "$sprout" train "${args[@]}" --epochs 3 \
  --out "$work/run" --resume
unchanged "$work/run/results.json" "$kept"
absent "$checkpoint"

echo "cli.hostile_network passed: $cases cases"
