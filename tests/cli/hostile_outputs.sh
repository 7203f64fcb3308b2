#!/usr/bin/env bash
# Output paths: every command checks --out before any work, never writes over one of its
# inputs, keeps a second command out of a folder in use, and replaces finished results
# only with --force. A refused command leaves the folder as it was.
sprout=$1
data=$2
config=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/hostile_lib.sh"
holder=
trap '[ -n "$holder" ] && kill "$holder" 2>/dev/null; rm -rf "$work"' EXIT

train=("$sprout" train --data-dir "$data" --config "$config" --hidden 4 --train-limit 100
       --test-limit 20 --epochs 1 --measures-train-limit 20)
configs=$(dirname "$config")
bp=("$sprout" bp --config "$configs/mnist_bp.json" --data-dir "$data" --hidden 8 --epochs 1
    --train-limit 200 --test-limit 50)
"${train[@]}" --out "$work/run" >/dev/null 2>&1
"${bp[@]}" --out "$work/bp" >/dev/null 2>&1
net=$work/run/network.bin
results_digest=$(digest "$work/run/results.json")
net_digest=$(digest "$net")

# train: a finished run is not replaced without --force, nor entered without --resume.
refuse "holds the results of an earlier run" "${train[@]}" --out "$work/run"
unchanged "$work/run/results.json" "$results_digest"
unchanged "$net" "$net_digest"
refuse "--resume and --force: choose one" "${train[@]}" --out "$work/run" --resume --force
refuse "--out: empty path" "${train[@]}" --out ""
: >"$work/file"
refuse "cannot create the folder" "${train[@]}" --out "$work/file/run"
echo '{"epochs": 1}' >"$work/run/config.json"
refuse "holds the input $work/run/config.json" "$sprout" train --data-dir "$data" \
  --config "$work/run/config.json" --hidden 4 --out "$work/run" --force
mkdir -p "$work/data"
cp "$data"/t10k-* "$work/data/"
refuse "holds the input" "$sprout" train --data-dir "$work/data" --config "$config" \
  --out "$work/data"
# A folder another command holds (its lock) is refused at once, not after an epoch.
mkdir -p "$work/busy"
(exec 9>"$work/busy/.sprout.lock" && flock 9 && exec sleep 60) &
holder=$!
sleep 0.5
refuse "another sprout command is writing to this folder" "${train[@]}" --out "$work/busy"
absent "$work/busy/results.json"
kill "$holder"
holder=
# --force replaces the run: a new network in place of the old.
accept "${train[@]}" --seed 7 --out "$work/run" --force
[ "$(digest "$net")" != "$net_digest" ] || fail "--force did not replace the network"

# eval / probe / capacity: --out is a new file, never the network they read.
net_digest=$(digest "$net")
refuse "is an input of this command" "$sprout" eval --data-dir "$data" --network "$net" \
  --out "$net" --force
unchanged "$net" "$net_digest"
refuse "is an input of this command" "$sprout" probe --data-dir "$data" --network "$net" \
  --out "$work/run/../run/network.bin" --force
unchanged "$net" "$net_digest"
refuse "is an input of this command" "$sprout" capacity --data-dir "$data" --network "$net" \
  --out "$net" --force
unchanged "$net" "$net_digest"
refuse "--out: empty path" "$sprout" eval --data-dir "$data" --network "$net" --out ""
refuse "is a folder, expected a file name" "$sprout" eval --data-dir "$data" --network "$net" \
  --out "$work"
accept "$sprout" eval --data-dir "$data" --network "$net" --test-limit 10 --out "$work/e.json"
eval_digest=$(digest "$work/e.json")
refuse "$work/e.json: exists; choose another name or replace it with --force" \
  "$sprout" eval --data-dir "$data" --network "$net" --test-limit 20 --out "$work/e.json"
unchanged "$work/e.json" "$eval_digest"
accept "$sprout" eval --data-dir "$data" --network "$net" --test-limit 20 --out "$work/e.json" \
  --force
[ "$(jq .provenance.config.test_images "$work/e.json")" = 20 ] || fail "--force did not replace e.json"
refuse "cannot create the folder" "$sprout" eval --data-dir "$data" --network "$net" \
  --out "$work/file/e.json"

# simulate: not over an existing result, never over a data file even with --force.
accept "$sprout" simulate --data-dir "$data" --images 2 --hidden 10 --quiet --out "$work/s.json"
sim_digest=$(digest "$work/s.json")
refuse "$work/s.json: exists" "$sprout" simulate --data-dir "$data" --images 2 --hidden 10 \
  --quiet --out "$work/s.json"
unchanged "$work/s.json" "$sim_digest"
labels=$(ls "$work/data"/t10k-labels* | head -1)
labels_digest=$(digest "$labels")
refuse "is an input of this command" "$sprout" simulate --data-dir "$work/data" --images 2 \
  --hidden 10 --quiet --out "$labels" --force
unchanged "$labels" "$labels_digest"

# bp, bp sweep, compare: folders, as train.
bp_digest=$(digest "$work/bp/results.json")
refuse "holds the results of an earlier run (results.json)" "${bp[@]}" --out "$work/bp"
unchanged "$work/bp/results.json" "$bp_digest"
refuse "--out: empty path" "${bp[@]}" --out ""
refuse "holds the input" "${bp[@]}" --out "$work/run" --budget-from "$work/run/results.json"
mkdir -p "$work/sweep"
echo '{}' >"$work/sweep/sweep.json"
refuse "holds the results of an earlier run (sweep.json)" "$sprout" bp sweep \
  --config "$configs/mnist_bp_sweep.json" --data-dir "$data" --out "$work/sweep"
[ "$(cat "$work/sweep/sweep.json")" = '{}' ] || fail "sweep.json was replaced"
accept "$sprout" compare --structural "$work/run/results.json" --bp "$work/bp/results.json" \
  --out "$work/cmp"
report_digest=$(digest "$work/cmp/report.json")
refuse "holds the results of an earlier run (report.json)" "$sprout" compare \
  --structural "$work/run/results.json" --bp "$work/bp/results.json" --out "$work/cmp"
unchanged "$work/cmp/report.json" "$report_digest"
kept=$(digest "$work/run/results.json")
refuse "holds the input" "$sprout" compare --structural "$work/run/results.json" \
  --bp "$work/bp/results.json" --out "$work/run" --force
unchanged "$work/run/results.json" "$kept"
absent "$work/run/report.json"
accept "$sprout" compare --structural "$work/run/results.json" --bp "$work/bp/results.json" \
  --out "$work/cmp" --force

# The BP weights file that capacity reads back: sizes checked against the file, values
# finite.
head -c -4 "$work/bp/weights.bin" >"$work/w.bin"
refuse "$work/w.bin: $(($(stat -c %s "$work/bp/weights.bin") - 4)) bytes, but its layer sizes" \
  "$sprout" capacity --data-dir "$data" --weights "$work/w.bin" --out "$work/c.json"
absent "$work/c.json"
cp "$work/bp/weights.bin" "$work/w.bin"
printf '\x00\x00\xc0\x7f' | dd of="$work/w.bin" bs=1 seek=24 conv=notrunc status=none
refuse "$work/w.bin: a weight or bias is not a finite number" \
  "$sprout" capacity --data-dir "$data" --weights "$work/w.bin" --out "$work/c.json"
absent "$work/c.json"

echo "cli.hostile_outputs passed: $cases cases"
