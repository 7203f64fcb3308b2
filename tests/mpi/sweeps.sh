#!/usr/bin/env bash
# Distributed sweeps equal serial ones: a 4-size BP sweep on 2 ranks writes the serial
# sweep's points, and a batch of 4 training runs on 2 ranks leaves the serial batch's
# networks and results.
source "$(dirname "$0")/mpi_lib.sh"
sweep=(bp sweep --config "$configs/mnist_bp_sweep.json" --data-dir "$data" --train-limit 600
       --test-limit 200 --epochs 2 --retrain-epochs 1 --threads 1)
jq -n '{extends: "'"$configs"'/mnist_bp_sweep.json", hidden_sizes: [8, 16, 24, 32], densities: [1, 0.5]}' \
  >"$work/sweep.json"
sweep[3]=$work/sweep.json
"$sprout" "${sweep[@]}" --out "$work/serial" >"$work/serial.log" 2>&1 ||
  { cat "$work/serial.log"; fail "serial sweep"; }
ranks 2 "${sweep[@]}" --out "$work/two" >"$work/two.log" 2>&1 || { cat "$work/two.log"; fail "2 ranks"; }
[ "$(jq '.points | length' "$work/serial/sweep.json")" -eq 8 ] || fail "expected 8 points"
same_numbers "$work/serial/sweep.json" "$work/two/sweep.json"

small=(--config "$model" --data-dir "$data" --train-limit 320 --test-limit 100 --epochs 1 --threads 1)
for where in serial batch2; do
  : >"$work/$where.txt"
  for seed in 1 2 3 4; do
    echo "train ${small[*]} --seed $seed --out $work/$where/s$seed" >>"$work/$where.txt"
  done
done
"$sprout" batch "$work/serial.txt" >"$work/batch1.log" 2>&1 || { cat "$work/batch1.log"; fail "serial batch"; }
ranks 2 batch "$work/batch2.txt" >"$work/batch2.log" 2>&1 || { cat "$work/batch2.log"; fail "batch on 2 ranks"; }
grep -q "over 2 MPI ranks" "$work/batch2.log" || fail "batch did not use 2 ranks"
for seed in 1 2 3 4; do
  cmp "$work/serial/s$seed/network.bin" "$work/batch2/s$seed/network.bin" || fail "seed $seed differs"
  same_numbers "$work/serial/s$seed/results.json" "$work/batch2/s$seed/results.json"
done
echo "mpi.sweeps: BP sweep and batch on 2 ranks equal the serial ones"
