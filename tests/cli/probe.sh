#!/usr/bin/env bash
# End-to-end test of `sprout probe` on a tiny trained network: every accuracy of the JSON
# present and in [0, 1], the network-readout figure equal to `sprout eval`'s on the same
# images, and one-line errors for a K the network cannot meet and a missing file.
set -euo pipefail
sprout=$1
data=$2
config=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
holds() { [ "$(jq "$1" "$work/probe.json")" = true ] || fail "$2"; }

"$sprout" train --data-dir "$data" --config "$config" --train-limit 500 --test-limit 200 \
  --hidden 50 --epochs 1 --threads 2 --out "$work/run" >"$work/train.log" 2>&1 ||
  { cat "$work/train.log"; fail "train"; }
network=$work/run/network.bin

"$sprout" probe --data-dir "$data" --network "$network" --probe-train 500 --test-limit 200 \
  --probe-epochs 5 --top-k 5 --top-k 20 --threads 2 --out "$work/probe.json" \
  >"$work/probe.log" 2>"$work/progress.log" || { cat "$work/probe.log" "$work/progress.log"; fail "probe"; }
cat "$work/probe.log"
[ "$(grep -c "linear probe on" "$work/probe.log")" -eq 3 ] || fail "summary lines"
grep -q "simulating 500 training images" "$work/progress.log" || fail "progress on stderr"

holds '.schema == "sprout.probe/1" and .provenance.command == "probe" and
       .provenance.config.probe_train_images == 500 and .provenance.config.test_images == 200
       and .provenance.config.probe.epochs == 5 and .provenance.config.top_k == [5, 20]
       and .hidden == 50' "options"
holds '[.cosine_top_k_probes[].k] == [5, 20]' "K of each cosine probe"
holds '[.network_readout, .spike_count_probe, .cosine_top_k_probes[]
        | .train_accuracy, .test_accuracy] | length == 8 and all(type == "number" and . >= 0 and . <= 1)' \
  "accuracies in [0, 1]"

"$sprout" eval --data-dir "$data" --network "$network" --test-limit 200 --out "$work/eval.json" >/dev/null
[ "$(jq .test_accuracy "$work/eval.json")" = "$(jq .network_readout.test_accuracy "$work/probe.json")" ] ||
  fail "network readout differs from sprout eval"

# K must leave a (K+1)-th neuron: 50 of 50 hidden is refused before any simulation.
if "$sprout" probe --data-dir "$data" --network "$network" --top-k 50 2>"$work/err"; then
  fail "--top-k 50 accepted for 50 hidden neurons"
fi
[ "$(wc -l <"$work/err")" -eq 1 ] || fail "error is not one line"
grep -q "top-K 50: must lie in 1..49" "$work/err" || fail "error does not name K"

if "$sprout" probe --data-dir "$data" --network "$work/missing.bin" 2>"$work/err"; then
  fail "a missing network file was accepted"
fi
[ "$(wc -l <"$work/err")" -eq 1 ] || fail "error is not one line"
grep -q "missing.bin: cannot open network file" "$work/err" || fail "error does not name the file"
echo "cli.probe passed"
