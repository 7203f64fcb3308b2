#!/usr/bin/env bash
# Hostile and clumsy input values: options out of their config key's range, configs that
# are not what they claim, data that does not fit the network or whose header lies, result
# files with impossible values. Each is refused with one line naming the option or file,
# before any output is written.
sprout=$1
data=$2
config=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/hostile_lib.sh"

be32() { printf "\\x$(printf %02x $(($1 >> 24 & 255)))\\x$(printf %02x $(($1 >> 16 & 255)))\\x$(printf %02x $(($1 >> 8 & 255)))\\x$(printf %02x $(($1 & 255)))"; }
# idx_set DIR PREFIX COUNT ROWS COLS: an IDX image file and its label file of COUNT gray
# images and labels 0..9 in turn.
idx_set() {
  local dir=$1 prefix=$2 count=$3 rows=$4 cols=$5
  mkdir -p "$dir"
  { printf '\x00\x00\x08\x03'; be32 "$count"; be32 "$rows"; be32 "$cols"
    head -c $((count * rows * cols)) /dev/zero | tr '\0' '\200'; } >"$dir/$prefix-images-idx3-ubyte"
  { printf '\x00\x00\x08\x01'; be32 "$count"
    for ((i = 0; i < count; i++)); do printf "\\x$(printf %02x $((i % 10)))"; done; } \
    >"$dir/$prefix-labels-idx1-ubyte"
}

out=$work/run
bp=("$sprout" bp --config "$(dirname "$config")/mnist_bp.json" --data-dir "$data")
train=("$sprout" train --data-dir "$data" --config "$config" --train-limit 100 --test-limit 20
       --out "$out")

# 1. Options pass the checks of their config keys, before any work.
refuse "--epochs: must be in [1, " "${train[@]}" --epochs 0
refuse "--epochs: must be in [1, " "${train[@]}" --epochs -1
refuse "--seed: must be in [0, " "${train[@]}" --seed -5
refuse "--hidden: must be in [1, 100000]" "${train[@]}" --hidden 200000
refuse "--threads: must be in [1, 1024]" "${train[@]}" --threads 0
refuse "--epochs" "${train[@]}" --epochs 1e400
refuse "--validation" "${train[@]}" --validation abc
refuse "--classes" "${train[@]}" --classes 1,1
refuse "--classes" "${train[@]}" --classes 10
absent "$out"
refuse "--max-rate-hz: 1e+12 is out of range; allowed: up to 10000" "$sprout" simulate --data-dir "$data" --images 2 --max-rate-hz 1e12 \
  --out "$work/sim.json"
absent "$work/sim.json"
refuse "--hidden: 200000 is out of range" "$sprout" simulate --data-dir "$data" --images 2 \
  --hidden 200000 --out "$work/sim.json"
refuse "--t-present-ms: 1e+09 is out of range" "$sprout" simulate --data-dir "$data" --images 2 \
  --t-present-ms 1e9 --out "$work/sim.json"
absent "$work/sim.json"

# 6. Config files: one line naming the file, no library text.
printf '{"epochs": 1e400}' >"$work/overflow.json"
refuse "$work/overflow.json: invalid JSON: number overflow" \
  "$sprout" train --data-dir "$data" --config "$work/overflow.json" --out "$out"
printf '{"epochs": ' >"$work/cut.json"
refuse "$work/cut.json: invalid JSON: parse error" \
  "$sprout" train --data-dir "$data" --config "$work/cut.json" --out "$out"
refuse "$work: is a folder, expected a JSON file" \
  "$sprout" train --data-dir "$data" --config "$work" --out "$out"
refuse "$work/none.json: cannot open file" \
  "$sprout" train --data-dir "$data" --config "$work/none.json" --out "$out"
printf '{"epochs": "two"}' >"$work/type.json"
refuse "$work/type.json: epochs" \
  "$sprout" train --data-dir "$data" --config "$work/type.json" --out "$out"
printf '{"extends": "%s"}' "$work/type.json" >"$work/extends.json"
refuse "$work/extends.json: epochs: expected an integer" \
  "$sprout" train --data-dir "$data" --config "$work/extends.json" --out "$out"
refuse "$work: is a folder, expected a JSON file" \
  "$sprout" bp --data-dir "$data" --config "$work" --out "$out"
absent "$out"

# 2. Data that does not fit the network; 3. IDX headers that lie about their size.
"${train[@]}" --hidden 4 --epochs 1 --measures-train-limit 20 >/dev/null 2>&1
net=$out/network.bin
idx_set "$work/big" t10k 20 32 32
refuse "1024 pixels" "$sprout" eval --data-dir "$work/big" --network "$net" --out "$work/e.json"
absent "$work/e.json"
idx_set "$work/empty" t10k 0 28 28
refuse "t10k-images-idx3-ubyte" "$sprout" eval --data-dir "$work/empty" --network "$net" \
  --out "$work/e.json"
absent "$work/e.json"
idx_set "$work/empty" train 0 28 28
refuse "train-images-idx3-ubyte" "$sprout" train --data-dir "$work/empty" --config "$config" \
  --hidden 4 --epochs 1 --out "$work/run_empty"
absent "$work/run_empty"
mkdir -p "$work/huge"
cp "$data"/t10k-* "$work/huge/" 2>/dev/null || true
cp "$data"/train-* "$work/huge/"
{ printf '\x00\x00\x08\x03'; be32 4294967295; be32 4294967295; be32 4294967295; } \
  >"$work/huge/t10k-images-idx3-ubyte"
rm -f "$work/huge/t10k-images-idx3-ubyte.gz"
refuse "t10k-images-idx3-ubyte" "$sprout" data check --data-dir "$work/huge"
# A small gzip that inflates far past what its header declares.
mkdir -p "$work/bomb"
cp "$data"/train-* "$work/bomb/"
cp "$data"/t10k-labels* "$work/bomb/"
{ printf '\x00\x00\x08\x03'; be32 1; be32 28; be32 28; head -c 200000000 /dev/zero; } |
  gzip -1 >"$work/bomb/t10k-images-idx3-ubyte.gz"
[ "$(stat -c %s "$work/bomb/t10k-images-idx3-ubyte.gz")" -lt 1000000 ] || fail "bomb too big"
refuse "t10k-images-idx3-ubyte" "$sprout" data check --data-dir "$work/bomb"

# 4. Result files with impossible values are refused by the readers that trust them.
results=$out/results.json
jq '.final.test_accuracy = 1.7' "$results" >"$work/acc.json"
refuse "$work/acc.json: final.test_accuracy: expected a fraction in [0, 1]" \
  "$sprout" compare --structural "$work/acc.json" --bp "$work/acc.json" --out "$work/cmp"
absent "$work/cmp"
jq '.epochs[0].synapses.realised = -3' "$results" >"$work/neg.json"
refuse "$work/neg.json: epochs.0.synapses.realised: expected a non-negative integer" \
  "${bp[@]}" --budget-from "$work/neg.json" --out "$work/bp"
absent "$work/bp"
printf '[1,2]' >"$work/array.json"
refuse "$work/array.json" "${bp[@]}" --budget-from "$work/array.json" --out "$work/bp"
absent "$work/bp"

echo "cli.hostile_inputs passed: $cases cases"
