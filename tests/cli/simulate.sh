#!/usr/bin/env bash
# End-to-end test of `sprout simulate`: a small run writes the result JSON with its
# fields and files, is reproducible across thread counts, and bad options fail cleanly.
set -euo pipefail
sprout=$1
data=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

field() { grep -o "\"$2\": [0-9.e+-]*" "$1" | head -1 | awk '{print $2}'; }

"$sprout" simulate --data-dir "$data" --images 6 --hidden 50 --threads 1 --seed 3 --quiet \
  --out "$work/one.json" >/dev/null
"$sprout" simulate --data-dir "$data" --images 6 --hidden 50 --threads 2 --seed 3 --quiet \
  --out "$work/two.json" >/dev/null
for key in synaptic_events input_spikes hidden_spikes wall_s events_per_s bytes_per_synapse; do
  [ -n "$(field "$work/one.json" "$key")" ] || { echo "FAIL: $key missing"; exit 1; }
done
grep -q '"git_revision"' "$work/one.json"
grep -q '"schema": "sprout.simulate/1"' "$work/one.json"
grep -q '"hidden": 50' "$work/one.json"
[ "$(field "$work/one.json" bytes_per_synapse)" = "8.0" ]
# Same seed, 1 and 2 threads: the same spikes and counts.
for key in synaptic_events input_spikes hidden_spikes; do
  [ "$(field "$work/one.json" "$key")" = "$(field "$work/two.json" "$key")" ] ||
    { echo "FAIL: $key differs between 1 and 2 threads"; exit 1; }
done
cmp "$work/one.counts.csv" "$work/two.counts.csv"
cmp "$work/one.raster.bin" "$work/two.raster.bin"
[ "$(wc -l <"$work/one.counts.csv")" -eq 7 ]
head -1 "$work/one.raster.csv" | grep -qx 't_ms,neuron'
# SynOps: every input spike reaches its row; events >= spikes (p = 0.2 of 50 targets).
[ "$(field "$work/one.json" synaptic_events)" -gt "$(field "$work/one.json" input_spikes)" ]

# Bad values: one error line, non-zero exit, no result file.
if "$sprout" simulate --data-dir "$data" --images 2 --v-reset 5 --quiet --out "$work/bad.json" \
  2>"$work/err"; then
  echo "FAIL: v_reset above threshold accepted"; exit 1
fi
grep -q "v_reset" "$work/err"
[ ! -e "$work/bad.json" ]
if "$sprout" simulate --data-dir "$data" --images 20000 --quiet --out "$work/bad.json" 2>"$work/err"; then
  echo "FAIL: too many images accepted"; exit 1
fi
[ "$(wc -l <"$work/err")" -eq 1 ]
# Through a file: grep -q stops reading at the match, and pipefail would count the
# writer's broken pipe as a failure.
"$sprout" simulate --help >"$work/help"
grep -q -- "--connectivity" "$work/help"
echo "cli.simulate passed"
