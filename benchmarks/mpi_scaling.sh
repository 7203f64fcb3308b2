#!/usr/bin/env bash
# Data-parallel training on this machine: the default model's first epoch (feature
# learning: every batch simulated, then learnt) on 1 rank of 1 thread, 2 MPI ranks of 1
# thread each, and 1 process of 2 threads, alternating in every repetition so that all
# see the same load. Prints, per setting, the medians of the epoch's training time, of
# its learning-update part (learn_wall_s: repeated whole on every rank) and of the test
# evaluation, the speed-ups over 1 rank, and the bytes each rank receives per batch.
# Writes the medians and every run's times to OUT (JSON, with the build's revision).
#
#   benchmarks/mpi_scaling.sh [REPS] [OUT]      (defaults: 3, mpi_scaling.json)
#   TRAIN_LIMIT=60000 benchmarks/mpi_scaling.sh  (default 12000 training images)
#
# Needs the release build with MPI (scripts/build release; `sprout --version` says MPI).
set -euo pipefail
reps=${1:-3}
out_json=${2:-mpi_scaling.json}
name=mpi_scaling
source "$(dirname "$0")/common.sh"
data=${SPROUT_DATA_DIR:-$root/data/mnist}
train_limit=${TRAIN_LIMIT:-12000}
config=$root/configs/mnist_structural.json
"$sprout" --version | grep -q "^MPI: no" && { echo "$name: $sprout has no MPI" >&2; exit 1; }
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
settings=("1 rank x 1 thread" "2 ranks x 1 thread" "1 rank x 2 threads")
runs=()
for rep in $(seq "$reps"); do
  for s in 0 1 2; do
    dir="$work/run-$s-$rep"
    args=(train --config "$config" --data-dir "$data" --train-limit "$train_limit" --epochs 1
          --out "$dir")
    case $s in
      0) "$sprout" "${args[@]}" --threads 1 >/dev/null 2>&1 ;;
      1) mpirun -np 2 --bind-to none "$sprout" "${args[@]}" --threads 1 >/dev/null 2>&1 ;;
      2) "$sprout" "${args[@]}" --threads 2 >/dev/null 2>&1 ;;
    esac
    runs+=("$(jq -c --arg setting "${settings[$s]}" --argjson rep "$rep" \
      '.epochs[0] | {setting: $setting, rep: $rep, train_wall_s, learn_wall_s, eval_wall_s}' \
      "$dir/results.json")")
    echo "${runs[-1]}" >&2
  done
done
hidden=$(jq '.provenance.config.network.hidden' "$work/run-0-1/results.json")
batch=$(jq '.provenance.config.batch_size' "$work/run-0-1/results.json")
revision=$(jq -r '.provenance.git_revision' "$work/run-0-1/results.json")
printf '%s\n' "${runs[@]}" | jq -s --arg revision "$revision" --argjson train "$train_limit" \
  --argjson hidden "$hidden" --argjson batch "$batch" '
  def median: sort | if length % 2 == 1 then .[length / 2 | floor]
                     else (.[length / 2 - 1] + .[length / 2]) / 2 end;
  (group_by(.setting) | map({setting: .[0].setting,
      train_wall_s: (map(.train_wall_s) | median), learn_wall_s: (map(.learn_wall_s) | median),
      eval_wall_s: (map(.eval_wall_s) | median), runs: length})) as $medians
  | ($medians[] | select(.setting == "1 rank x 1 thread") | .train_wall_s) as $one
  | {benchmark: "mpi_scaling", git_revision: $revision, training_images: $train,
     hidden: $hidden, batch_size: $batch,
     bytes_received_per_batch_per_rank: ($batch * $hidden * 4),
     medians: ($medians | map(. + {speedup_over_one_rank: ($one / .train_wall_s)})),
     runs: .}' >"$out_json"
jq -r '.medians[] | "\(.setting): epoch training \(.train_wall_s * 10 | round / 10) s (learning updates \(.learn_wall_s * 10 | round / 10) s), test evaluation \(.eval_wall_s * 10 | round / 10) s, speed-up \(.speedup_over_one_rank * 100 | round / 100)x"' "$out_json"
jq -r '"exchanged per batch: \(.bytes_received_per_batch_per_rank) bytes of hidden spike counts (\(.batch_size) samples x \(.hidden) neurons x 4 bytes) plus the summed counters"' "$out_json"
echo "wrote $out_json"
