#!/usr/bin/env bash
# End-to-end test of `sprout train` on a 2,000-image subset: accuracy clearly above chance,
# a synapse count that shrinks from its start, the files it promises (the final measures
# on a subset of the training images), a validation split held out of training, a replayed
# readout-only epoch, a checkpoint that resumes to the same result as an uninterrupted run,
# and a bad config rejected by key.
set -euo pipefail
sprout=$1
data=$2
config=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=tests/cli/live_log.sh
source "$(dirname "$0")/live_log.sh"

field() { grep -o "\"$2\": [0-9.e+-]*" "$1" | tail -1 | awk '{print $2}'; }

args=(--data-dir "$data" --config "$config" --train-limit 2000 --validation 400 --test-limit 500
      --hidden 100 --threads 2)
# Through a pipe, as into a log: each epoch line arrives while the run goes on (before
# its final results are written), not when the process ends.
"$sprout" train "${args[@]}" --epochs 2 --out "$work/run" --measures-train-limit 500 2>&1 |
  log_epoch_arrival "$work/log" "$work/run/results.json" "$work/epoch1_arrival" ||
  { cat "$work/log"; exit 1; }
results="$work/run/results.json"
[ "$(cat "$work/epoch1_arrival")" = live ] || { cat "$work/log"; echo "FAIL: epoch 1's line came at the end"; exit 1; }
# Stages open with a banner and close with their duration.
grep -q "^== training: 2 epochs of 2 ==$" "$work/log"
grep -Eq "^== training: done in [0-9.]+ s ==$" "$work/log"
grep -Eq "^== final measures: done in [0-9.]+ s ==$" "$work/log"
# A replayed readout-only epoch simulates nothing: no synaptic event rate for it.
grep "^epoch 2: test accuracy" "$work/log" | grep -q "(readout only, on the recorded responses)$"
if grep "^epoch 2: test accuracy" "$work/log" | grep -q "/s"; then
  echo "FAIL: a rate for a replayed epoch"; exit 1
fi
grep "^epoch 1: test accuracy" "$work/log" | grep -q "M synaptic events/s"
# The structure within the feature-learning epoch: at the start and after every batch
# ending at least 1% further on (1,600 images: every batch of 64, 26 samples), ending with
# the epoch's counts; none in the readout-only epoch.
[ "$(jq '.epochs[0].structure_during_epoch | length' "$results")" -ge 20 ]
jq -e '.epochs[0] as $e | $e.structure_during_epoch[-1] | .images == 1600 and
       .realised == $e.synapses.realised and .grown == $e.structural_changes.grown and
       .eliminated == $e.structural_changes.eliminated' "$results" >/dev/null ||
  { echo "FAIL: structure_during_epoch does not end with the epoch's counts"; exit 1; }
[ "$(jq '.epochs[1].structure_during_epoch | length' "$results")" -eq 0 ]
grep -q "^== final measures: the final network on the 500 test and 500 training images ==$" "$work/log"
grep -q '"train_images": 500' "$results"  # in measures
# The last 400 of the 2,000 images are held out and evaluated after every epoch.
grep -q '"train_images": 1600' "$results"
[ "$(field "$results" validation_images)" = 400 ]
grep -q "epoch 2: validation accuracy" "$work/log"
for file in results.json network.bin receptive_fields.svg raster_test_image_0.csv; do
  [ -s "$work/run/$file" ] || { echo "FAIL: $file missing"; exit 1; }
done
grep -q '"complete": true' "$results"
grep -q '"schema": "sprout.train/1"' "$results"
# Epoch 2 trains only the readout: on the recorded responses to the frozen network, and
# the test images' responses of epoch 1 serve again.
grep -q '"replayed_training_responses": true' "$results"
grep -q '"reused_test_responses": true' "$results"
accuracy=$(field "$results" test_accuracy)
validation=$(field "$results" validation_accuracy)
awk -v a="$validation" 'BEGIN { exit !(a > 0.3) }' || { echo "FAIL: validation $validation"; exit 1; }
realised=$(field "$results" realised)
potential=$(field "$results" potential)
echo "test accuracy $accuracy, realised $realised of $potential potential synapses"
# 10 classes: chance is 0.1. 2 epochs on 2,000 images reach well above it.
awk -v a="$accuracy" 'BEGIN { exit !(a > 0.3) }' || { echo "FAIL: accuracy $accuracy"; exit 1; }
# The config starts with 20% of the potential synapses realised; the rule prunes.
awk -v r="$realised" -v p="$potential" 'BEGIN { exit !(r < 0.2 * p) }' ||
  { echo "FAIL: synapses did not shrink"; exit 1; }

# Stop after epoch 1, resume to epoch 2: the same network as the uninterrupted run (the
# resumed run records the responses it replays again, and gets the same ones).
"$sprout" train "${args[@]}" --epochs 1 --out "$work/resumed" >/dev/null 2>&1
"$sprout" train "${args[@]}" --epochs 2 --out "$work/resumed" --resume >"$work/log2" 2>&1
grep -q "resuming" "$work/log2"
# The header holds the run's settings (epochs); the learned arrays follow it.
cmp <(tail -c 800000 "$work/run/network.bin") <(tail -c 800000 "$work/resumed/network.bin") ||
  { echo "FAIL: resumed run differs"; exit 1; }
[ "$(field "$results" test_accuracy)" = "$(field "$work/resumed/results.json" test_accuracy)" ]

# sprout eval loads the final network and reproduces the test accuracy.
"$sprout" eval --data-dir "$data" --network "$work/run/network.bin" --test-limit 500 \
  --out "$work/eval.json" >/dev/null
[ "$(field "$work/eval.json" test_accuracy)" = "$accuracy" ] || { echo "FAIL: eval differs"; exit 1; }
grep -q '"schema": "sprout.eval/1"' "$work/eval.json"
# Lateral inhibition delivered to every neuron one by one instead of as shared events:
# the same dynamics up to rounding, so the same predictions.
"$sprout" eval --data-dir "$data" --network "$work/run/network.bin" --test-limit 500 \
  --shared-inhibition false --out "$work/eval_per_target.json" >/dev/null
grep -q '"shared_inhibition": false' "$work/eval_per_target.json"
[ "$(field "$work/eval_per_target.json" test_accuracy)" = "$accuracy" ] ||
  { echo "FAIL: per-target inhibition changes the accuracy"; exit 1; }
# A test window twice the training window: about twice the synaptic events per image
# (input spikes are Poisson, linear in time), and the readout still reads rates.
t_ms=$(field "$work/eval.json" t_present_ms)
"$sprout" eval --data-dir "$data" --network "$work/run/network.bin" --test-limit 500 \
  --t-present-ms "$(awk -v t="$t_ms" 'BEGIN { print 2 * t }')" --out "$work/eval2.json" >/dev/null
events=$(field "$work/eval.json" synaptic_events_per_image)
events2=$(field "$work/eval2.json" synaptic_events_per_image)
accuracy2=$(field "$work/eval2.json" test_accuracy)
awk -v a="$events" -v b="$events2" 'BEGIN { exit !(b > 1.7 * a && b < 2.3 * a) }' ||
  { echo "FAIL: $events2 events per image at 2t against $events at t"; exit 1; }
awk -v a="$accuracy2" 'BEGIN { exit !(a > 0.3) }' || { echo "FAIL: accuracy at 2t $accuracy2"; exit 1; }
head -c 100 "$work/eval.json" >"$work/not-a-network.bin"
if "$sprout" eval --data-dir "$data" --network "$work/not-a-network.bin" 2>"$work/err"; then
  echo "FAIL: a corrupt network file was accepted"; exit 1
fi
grep -q "not a Sprout network file" "$work/err"

# A validation split that leaves nothing to train on: one line naming the key, no results.
if "$sprout" train --data-dir "$data" --config "$config" --train-limit 2000 --validation 2000 \
  --out "$work/noval" 2>"$work/err"; then
  echo "FAIL: a validation split of every image was accepted"; exit 1
fi
[ "$(wc -l <"$work/err")" -eq 1 ]
grep -q "validation_images: 2000 leaves none of the 2000 training images" "$work/err"
[ ! -e "$work/noval/results.json" ]

echo '{"hebbian": {"winnerz": 3}}' >"$work/bad.json"
if "$sprout" train --data-dir "$data" --config "$work/bad.json" --out "$work/bad" 2>"$work/err"; then
  echo "FAIL: bad config accepted"; exit 1
fi
[ "$(wc -l <"$work/err")" -eq 1 ]
grep -q "bad.json: hebbian.winnerz: unknown key" "$work/err"
[ ! -e "$work/bad/results.json" ]
echo "cli.train passed"
