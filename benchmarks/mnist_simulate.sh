#!/usr/bin/env bash
# End-to-end benchmark of the MNIST simulation workload (the reference figure's setup):
# 784 Poisson inputs at 63.75 Hz x pixel/255 for 350 ms into 1000 LIF neurons,
# connection probability 0.2, 100 test images. Runs on 1 and 2 threads, alternating,
# REPS times each, and prints the median synaptic events per second and the speed-up.
#
#   benchmarks/mnist_simulate.sh [REPS] [IMAGES]
#
# Needs a release build (scripts/build release) and MNIST (scripts/fetch-mnist).
set -euo pipefail
reps=${1:-5}
images=${2:-100}
name=mnist_simulate
source "$(dirname "$0")/common.sh"

declare -A rates
for rep in $(seq "$reps"); do
  for threads in 1 2; do
    out="$work/run-$threads-$rep.json"
    "$sprout" simulate --images "$images" --hidden 1000 --connectivity 0.2 --t-present-ms 350 \
      --max-rate-hz 63.75 --threads "$threads" --seed 1 --quiet --out "$out" >/dev/null
    rates[$threads]+="$(field "$out" events_per_s) "
  done
done
first="$work/run-1-1.json"
echo "workload: $images images, 784 -> 1000 LIF, p = 0.2, 350 ms at 63.75 Hz max"
echo "synaptic events: $(field "$first" synaptic_events)  input spikes: $(field "$first" input_spikes)  hidden spikes: $(field "$first" hidden_spikes)"
echo "bytes per synapse on the hot path: $(field "$first" bytes_per_synapse)"
one=$(tr ' ' '\n' <<<"${rates[1]}" | grep . | median)
two=$(tr ' ' '\n' <<<"${rates[2]}" | grep . | median)
awk -v one="$one" -v two="$two" -v reps="$reps" 'BEGIN {
  printf "1 thread : %.1f M synaptic events/s (median of %d)\n", one / 1e6, reps
  printf "2 threads: %.1f M synaptic events/s (median of %d)\n", two / 1e6, reps
  printf "speed-up : %.2fx\n", two / one }'
