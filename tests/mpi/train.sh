#!/usr/bin/env bash
# Data-parallel training: `sprout train` on 2 ranks (1 thread each, and 2 threads each)
# gives the same network.bin, byte for byte, and the same results as one process; a run
# checkpointed on 2 ranks resumes on 1 (and the other way round) to the same network.
source "$(dirname "$0")/mpi_lib.sh"
small=(--config "$model" --data-dir "$data" --train-limit 640 --test-limit 200 --validation 100)

"$sprout" train "${small[@]}" --epochs 2 --threads 1 --out "$work/one" >"$work/one.log" 2>&1 ||
  { cat "$work/one.log"; fail "one process"; }
ranks 2 train "${small[@]}" --epochs 2 --threads 1 --out "$work/two" >"$work/two.log" 2>&1 ||
  { cat "$work/two.log"; fail "2 ranks"; }
grep -q "2 MPI ranks of 1 thread each" "$work/two.log" || { cat "$work/two.log"; fail "no rank line"; }
cmp "$work/one/network.bin" "$work/two/network.bin" || fail "2 ranks: another network"
same_numbers "$work/one/results.json" "$work/two/results.json"
# Only rank 0 writes and talks: one copy of each epoch line.
[ "$(grep -c '^epoch 2: test accuracy' "$work/two.log")" -eq 1 ] || fail "epoch lines repeated"

ranks 2 train "${small[@]}" --epochs 2 --threads 2 --out "$work/hybrid" >"$work/hybrid.log" 2>&1 ||
  { cat "$work/hybrid.log"; fail "2 ranks x 2 threads"; }
cmp "$work/one/network.bin" "$work/hybrid/network.bin" || fail "2 ranks x 2 threads: another network"

# Stopped after epoch 1 on 2 ranks, resumed on 1; and stopped on 1, resumed on 2.
ranks 2 train "${small[@]}" --epochs 1 --threads 1 --out "$work/r21" >"$work/log" 2>&1 || { cat "$work/log"; fail "a resume step"; }
"$sprout" train "${small[@]}" --epochs 2 --threads 1 --resume --out "$work/r21" >"$work/log" 2>&1 || { cat "$work/log"; fail "a resume step"; }
cmp "$work/one/network.bin" "$work/r21/network.bin" || fail "resumed on 1 rank: another network"
same_numbers "$work/one/results.json" "$work/r21/results.json"
"$sprout" train "${small[@]}" --epochs 1 --threads 1 --out "$work/r12" >"$work/log" 2>&1 || { cat "$work/log"; fail "a resume step"; }
ranks 2 train "${small[@]}" --epochs 2 --threads 1 --resume --out "$work/r12" >"$work/log" 2>&1 || { cat "$work/log"; fail "a resume step"; }
cmp "$work/one/network.bin" "$work/r12/network.bin" || fail "resumed on 2 ranks: another network"
same_numbers "$work/one/results.json" "$work/r12/results.json"
echo "mpi.train: 2 ranks, 2x2 hybrid and resumes across rank counts equal one process"
