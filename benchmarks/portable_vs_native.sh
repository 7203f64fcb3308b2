#!/usr/bin/env bash
# The portable build (preset release, x86-64-v3) against the native one (preset native,
# -march=native) on this machine, alternating in every repetition so that both see the
# same load: the MNIST simulation workload (benchmarks/mnist_simulate.sh's) on 1 thread
# and one full-MNIST BP epoch (configs/mnist_bp.json) on 2 threads. Prints medians and the
# native/portable ratio.
#
#   benchmarks/portable_vs_native.sh [REPS]
#
# Needs both builds: scripts/build release && scripts/build native.
set -euo pipefail
reps=${1:-5}
name=portable_vs_native
source "$(dirname "$0")/common.sh"
native=$root/build/native/sprout
[ -x "$native" ] || { echo "$name: $native not found (run scripts/build native)" >&2; exit 1; }
data=${SPROUT_DATA_DIR:-$root/data/mnist}

declare -A simulate bp
for rep in $(seq "$reps"); do
  for build in portable native; do
    binary=$sprout
    [ "$build" = native ] && binary=$native
    out="$work/sim-$build-$rep.json"
    "$binary" simulate --data-dir "$data" --images 100 --hidden 1000 --connectivity 0.2 \
      --t-present-ms 350 --max-rate-hz 63.75 --threads 1 --seed 1 --quiet --out "$out" >/dev/null
    simulate[$build]+="$(field "$out" events_per_s) "
    "$binary" bp --config "$root/configs/mnist_bp.json" --data-dir "$data" --epochs 1 \
      --threads 2 --out "$work/bp-$build-$rep" >/dev/null 2>&1
    bp[$build]+="$(jq '.epoch_wall_s[0]' "$work/bp-$build-$rep/results.json") "
  done
done
for build in portable native; do
  s=$(tr ' ' '\n' <<<"${simulate[$build]}" | grep . | median)
  b=$(tr ' ' '\n' <<<"${bp[$build]}" | grep . | median)
  printf "%-8s  simulate: %6.1f M synaptic events/s   BP epoch: %6.2f s   (medians of %d)\n" \
    "$build" "$(awk -v s="$s" 'BEGIN { print s / 1e6 }')" "$b" "$reps"
  eval "sim_$build=$s; bp_$build=$b"
done
awk -v sp="$sim_portable" -v sn="$sim_native" -v bp="$bp_portable" -v bn="$bp_native" 'BEGIN {
  printf "portable/native: simulation speed %.3f, BP epoch time %.3f\n", sp / sn, bp / bn }'
