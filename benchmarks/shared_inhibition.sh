#!/usr/bin/env bash
# Benchmark of shared lateral inhibition (network.shared_inhibition) on a trained
# network: `sprout eval` of the same test images with every inhibitory spike delivered to
# each hidden neuron one by one, and as one shared event. Runs both REPS times,
# alternating, on 1 thread; prints the median test images per second of each, the
# speed-up, and whether the predictions agree (they should: the dynamics are the same up
# to rounding).
#
#   benchmarks/shared_inhibition.sh NETWORK [REPS] [IMAGES]
#
# NETWORK: a network.bin written by `sprout train`, e.g. runs/structural/network.bin
# from scripts/quickstart. Needs a release build and MNIST.
set -euo pipefail
network=${1:?usage: benchmarks/shared_inhibition.sh NETWORK [REPS] [IMAGES]}
reps=${2:-3}
images=${3:-500}
name=shared_inhibition
source "$(dirname "$0")/common.sh"

declare -A rates
for rep in $(seq "$reps"); do
  for shared in false true; do
    out="$work/$shared-$rep.json"
    "$sprout" eval --network "$network" --test-limit "$images" --threads 1 \
      --shared-inhibition "$shared" --out "$out" >/dev/null
    rates[$shared]+="$(awk -v n="$images" -v s="$(field "$out" wall_s)" 'BEGIN { print n / s }') "
  done
done
echo "network: $network, $images test images, $(field "$work/true-1.json" synaptic_events_per_image) SynOps per image"
one=$(tr ' ' '\n' <<<"${rates[false]}" | grep . | median)
two=$(tr ' ' '\n' <<<"${rates[true]}" | grep . | median)
awk -v one="$one" -v two="$two" -v reps="$reps" 'BEGIN {
  printf "per target: %.1f images/s (median of %d)\n", one, reps
  printf "shared    : %.1f images/s (median of %d)\n", two, reps
  printf "speed-up  : %.2fx\n", two / one }'
predictions() { tr -d ' \n' <"$1" | grep -o '"predictions":\[[0-9,]*\]'; }
if [ "$(predictions "$work/false-1.json")" = "$(predictions "$work/true-1.json")" ]; then
  echo "predictions of every test image: identical"
else
  echo "predictions: differ"
fi
