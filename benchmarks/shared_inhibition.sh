#!/usr/bin/env bash
# Benchmark of shared lateral inhibition (network.shared_inhibition): the same MNIST
# simulation with every inhibitory spike delivered to each hidden neuron one by one, and
# as one shared event. Runs both REPS times, alternating, on 1 thread, and prints the
# median images per second of each, the speed-up, and whether the hidden spike counts
# agree (they should, up to rounding).
#
#   benchmarks/shared_inhibition.sh [REPS] [IMAGES] [HIDDEN]
#
# The default network is the size of configs/mnist_structural.json: 1600 hidden neurons,
# inhibition -20 / (0.2 x 1600), 400 ms. Its weights are random, not learnt, so the
# spike counts differ from a trained network's; the ratio is what to read.
# Needs a release build (scripts/build release) and MNIST (scripts/fetch-mnist).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sprout=${SPROUT:-$root/build/release/sprout}
reps=${1:-3}
images=${2:-200}
hidden=${3:-1600}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x "$sprout" ] || { echo "shared_inhibition: $sprout not found (run scripts/build release)" >&2; exit 1; }

field() { grep -o "\"$2\": [0-9.e+-]*" "$1" | head -1 | awk '{print $2}'; }
median() { sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
inhibition=$(awk -v h="$hidden" 'BEGIN { print -20 / (0.2 * h) }')

declare -A rates
for rep in $(seq "$reps"); do
  for mode in per_target shared; do
    flag=()
    [ "$mode" = shared ] && flag=(--shared-inhibition)
    out="$work/$mode-$rep.json"
    "$sprout" simulate --images "$images" --hidden "$hidden" --connectivity 0.2 \
      --weight-high 0.3 --t-present-ms 400 --max-rate-hz 63.75 \
      --inhibition-weight "$inhibition" --threads 1 --seed 1 --quiet "${flag[@]}" \
      --out "$out" >/dev/null
    rates[$mode]+="$(awk -v n="$images" -v s="$(field "$out" wall_s)" 'BEGIN { print n / s }') "
  done
done
echo "workload: $images images, 784 -> $hidden LIF, p = 0.2, inhibition $inhibition, 400 ms"
echo "hidden spikes: per target $(field "$work/per_target-1.json" hidden_spikes), shared $(field "$work/shared-1.json" hidden_spikes)"
one=$(tr ' ' '\n' <<<"${rates[per_target]}" | grep . | median)
two=$(tr ' ' '\n' <<<"${rates[shared]}" | grep . | median)
awk -v one="$one" -v two="$two" -v reps="$reps" 'BEGIN {
  printf "per target: %.1f images/s (median of %d)\n", one, reps
  printf "shared    : %.1f images/s (median of %d)\n", two, reps
  printf "speed-up  : %.2fx\n", two / one }'
if cmp -s "$work/per_target-1.counts.csv" "$work/shared-1.counts.csv"; then
  echo "hidden spike counts of every image and neuron: identical"
else
  echo "hidden spike counts: differ"
fi
