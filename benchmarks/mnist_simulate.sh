#!/usr/bin/env bash
# End-to-end benchmark of the MNIST simulation workload (the reference figure's setup):
# 784 Poisson inputs at 63.75 Hz x pixel/255 for 350 ms into 1000 LIF neurons,
# connection probability 0.2, 100 test images. Runs on 1 and 2 threads, alternating,
# REPS times each, and prints the median synaptic events per second and the speed-up.
#
#   benchmarks/mnist_simulate.sh [REPS] [IMAGES]
#   SPROUT_BASE=OTHER/sprout benchmarks/mnist_simulate.sh [REPS] [IMAGES]
#
# With SPROUT_BASE, that binary (e.g. built from an earlier commit into another build
# folder) runs too, before this build's in every repetition, so that both see the same
# load; each gets its figures, and their outputs' spike counts are compared.
# Needs a release build (scripts/build release) and MNIST (scripts/fetch-mnist).
set -euo pipefail
reps=${1:-5}
images=${2:-100}
name=mnist_simulate
source "$(dirname "$0")/common.sh"

binaries=("$sprout")
labels=("")
if [ -n "${SPROUT_BASE:-}" ]; then
  [ -x "$SPROUT_BASE" ] || { echo "$name: SPROUT_BASE $SPROUT_BASE not found" >&2; exit 1; }
  binaries=("$SPROUT_BASE" "$sprout")
  labels=("base: $SPROUT_BASE" "this build: $sprout")
fi

declare -A rates
for rep in $(seq "$reps"); do
  for b in "${!binaries[@]}"; do
    for threads in 1 2; do
      out="$work/run-$b-$threads-$rep.json"
      "${binaries[$b]}" simulate --images "$images" --hidden 1000 --connectivity 0.2 \
        --t-present-ms 350 --max-rate-hz 63.75 --threads "$threads" --seed 1 --quiet \
        --out "$out" >/dev/null
      rates[$b,$threads]+="$(field "$out" events_per_s) "
    done
  done
done
first="$work/run-0-1-1.json"
echo "workload: $images images, 784 -> 1000 LIF, p = 0.2, 350 ms at 63.75 Hz max"
echo "synaptic events: $(field "$first" synaptic_events)  input spikes: $(field "$first" input_spikes)  hidden spikes: $(field "$first" hidden_spikes)"
echo "bytes per synapse on the hot path: $(field "$first" bytes_per_synapse)"
for b in "${!binaries[@]}"; do
  one=$(tr ' ' '\n' <<<"${rates[$b,1]}" | grep . | median)
  two=$(tr ' ' '\n' <<<"${rates[$b,2]}" | grep . | median)
  [ -n "${labels[$b]}" ] && echo "${labels[$b]}"
  awk -v one="$one" -v two="$two" -v reps="$reps" 'BEGIN {
    printf "1 thread : %.1f M synaptic events/s (median of %d)\n", one / 1e6, reps
    printf "2 threads: %.1f M synaptic events/s (median of %d)\n", two / 1e6, reps
    printf "speed-up : %.2fx\n", two / one }'
done
if [ "${#binaries[@]}" = 2 ]; then
  if cmp -s "$work/run-0-1-1.counts.csv" "$work/run-1-1-1.counts.csv"; then
    echo "spike counts of every image and neuron: identical"
  else
    echo "spike counts: differ"
  fi
fi
