#!/usr/bin/env bash
# End-to-end test of `sprout bp` and `sprout bp sweep` on small subsets of real MNIST:
# results.json fields and values, the weights file, budget BP from a structural results
# file, and one-line errors for bad configs, options and results files.
set -euo pipefail
sprout=$1
data=$2
configs=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# The value at a jq path of a JSON file, e.g. value .nonzero_synapses.total results.json.
value() { jq -r "$1" "$2"; }
# One error line on stderr that contains the given text, and a non-zero exit.
expect_error() {
  local text=$1; shift
  if "$sprout" "$@" >"$work/stdout" 2>"$work/stderr"; then fail "accepted: $*"; fi
  cat "$work/stderr"
  [ "$(wc -l <"$work/stderr")" -eq 1 ] || fail "expected one error line for: $*"
  grep -qF "sprout: error: $text" "$work/stderr" || fail "expected '$text' for: $*"
}

# A small dense run: 784-16-10, 3 epochs on 3000 images.
"$sprout" bp --config "$configs/mnist_bp.json" --data-dir "$data" --out "$work/dense" \
  --hidden 16 --epochs 3 --train-limit 3000 --test-limit 500 --threads 2 | tee "$work/dense.log"
results=$work/dense/results.json
[ -f "$results" ] || fail "no results.json"
grep -q '^epoch   1  train ' "$work/dense.log" || fail "no per-epoch line"
[ "$(value .schema "$results")" = sprout.bp/1 ] || fail "schema"
[ "$(value .variant "$results")" = dense ] || fail "variant"
[ "$(value .nonzero_synapses.total "$results")" = 12704 ] || fail "nonzero total: 784*16 + 16*10 = 12704"
[ "$(value .nonzero_synapses.input_hidden "$results")" = 12544 ] || fail "input_hidden synapses"
[ "$(value .macs_per_image.sparse "$results")" = 12704 ] || fail "sparse MACs of a dense net"
[ "$(value .macs_per_image.dense "$results")" = 12704 ] || fail "dense MACs"
[ "$(value .test_samples "$results")" = 500 ] || fail "test samples"
accuracy=$(value .test_accuracy "$results")
awk -v a="$accuracy" 'BEGIN { exit !(a > 0.75 && a <= 1) }' || fail "test accuracy $accuracy"
[ "$(value '.epoch_wall_s | length' "$results")" = 3 ] || fail "epoch_wall_s: one per epoch"
[ "$(value .provenance.config.hidden "$results")" = 16 ] || fail "provenance: effective config"
value .provenance.git_revision "$results" | grep -q . || fail "provenance: git revision"
# 8 magic + 4 layer count + 3*4 sizes + 4*(784*16 + 16 + 16*10 + 10) floats.
[ "$(stat -c %s "$work/dense/weights.bin")" = 50944 ] || fail "weights.bin size"
[ "$(head -c 8 "$work/dense/weights.bin")" = SPRTMLP1 ] || fail "weights.bin magic"

# Budget BP from a structural results file: input->hidden pruned to exactly the realised
# synapses after the structural run's last epoch.
"$sprout" train --config "$configs/mnist_structural_h100.json" --data-dir "$data" \
  --out "$work/structural" --hidden 20 --epochs 1 --train-limit 300 --test-limit 50 \
  --measures-train-limit 50 >"$work/structural.log" 2>&1 || { cat "$work/structural.log"; fail "train"; }
structural=$work/structural/results.json
realised=$(value '.epochs[-1].synapses.realised' "$structural")
"$sprout" bp --config "$configs/mnist_bp.json" --data-dir "$data" --out "$work/budget" \
  --hidden 16 --epochs 1 --train-limit 1000 --test-limit 200 \
  --budget-from "$structural" >"$work/budget.log"
results=$work/budget/results.json
[ "$(value .variant "$results")" = budget ] || fail "budget variant"
[ "$(value .nonzero_synapses.input_hidden "$results")" = "$realised" ] || fail "budget: input_hidden synapses"
[ "$(value .nonzero_synapses.hidden_output "$results")" = 160 ] || fail "budget: hidden_output stays dense"
[ "$(value .pruning.target_synapses "$results")" = "$realised" ] || fail "budget: target"
[ "$(value .budget.source "$results")" = "$structural" ] || fail "budget source"
# --budget N sets the count and the variant.
"$sprout" bp --config "$configs/mnist_bp.json" --data-dir "$data" --out "$work/budget_n" \
  --hidden 16 --epochs 1 --train-limit 1000 --test-limit 200 --budget 1000 >/dev/null
[ "$(value .nonzero_synapses.input_hidden "$work/budget_n/results.json")" = 1000 ] ||
  fail "--budget: input_hidden synapses"
[ "$(value .budget.source "$work/budget_n/results.json")" = --budget ] || fail "--budget source"

# A tiny sweep: sweep.json with the factor, sweep.csv with a header and one line per point.
cat >"$work/sweep_config.json" <<'JSON'
{"training": {"epochs": 1, "train_limit": 1000, "test_limit": 200},
 "hidden_sizes": [8, 16], "densities": [1.0, 0.5, 0.2], "retrain_epochs": 1}
JSON
"$sprout" bp sweep --config "$work/sweep_config.json" --data-dir "$data" --out "$work/sweep" \
  >"$work/sweep.log"
[ "$(wc -l <"$work/sweep/sweep.csv")" -eq 7 ] || fail "sweep.csv lines"
[ "$(value .schema "$work/sweep/sweep.json")" = sprout.bp_sweep/1 ] || fail "sweep schema"
[ "$(value '.points | length' "$work/sweep/sweep.json")" = 6 ] || fail "sweep points"
[ "$(value '.overparameterisation.per_hidden | length' "$work/sweep/sweep.json")" = 2 ] ||
  fail "sweep: a factor per hidden size"
# The factor is the dense count over the smallest net's count; at 20% density it is <= ~5.
[ "$(value '.overparameterisation.per_hidden[1] | .dense_synapses /
            .same_hidden.smallest_within_tolerance.nonzero_synapses == .same_hidden.factor' \
           "$work/sweep/sweep.json")" = true ] || fail "factor is not dense / smallest"
factor=$(value .overparameterisation.max_same_hidden "$work/sweep/sweep.json")
awk -v f="$factor" 'BEGIN { exit !(f >= 1 && f < 5.1) }' || fail "factor $factor not in [1, 5.1)"
grep -q '^over-parameterisation, hidden 16: ' "$work/sweep.log" || fail "sweep summary"

# Errors: one line naming the file and the key.
echo '{"hiden": 100}' >"$work/bad.json"
expect_error "$work/bad.json: hiden: unknown key" bp --config "$work/bad.json" --out "$work/x"
echo '{"optimizer": {"name": "adam", "learning_rate": -1}}' >"$work/bad.json"
expect_error "$work/bad.json: optimizer.learning_rate: must be in (0, inf), got -1" \
  bp --config "$work/bad.json" --out "$work/x"
expect_error "--hidden: must be in [1, 1048576], got 0" \
  bp --config "$configs/mnist_bp.json" --out "$work/x" --hidden 0
expect_error "--budget: must be in [1, " bp --config "$configs/mnist_bp.json" --out "$work/x" --budget -5
expect_error "--retrain-epochs: expected an integer, got \"x\"" \
  bp sweep --config "$configs/mnist_bp_sweep.json" --out "$work/x" --retrain-epochs x
echo '{"epochs": []}' >"$work/not_results.json"
expect_error "$work/not_results.json: schema: missing: not a Sprout results file" \
  bp --config "$configs/mnist_bp.json" --out "$work/x" --budget-from "$work/not_results.json"
expect_error "$results: schema: \"sprout.bp/1\" is a results file of 'sprout bp'" \
  bp --config "$configs/mnist_bp.json" --out "$work/x" --budget-from "$results"
# --out is required by the parser, in `bp` and in `bp sweep` (which has its own).
expect_error "bp: --out is required" bp --config "$configs/mnist_bp.json"
expect_error "bp sweep: --out is required" bp sweep --config "$configs/mnist_bp_sweep.json"
"$sprout" bp --help >"$work/help"
grep -q -- "--out TEXT REQUIRED" "$work/help" || fail "bp --help: --out not marked required"
grep -q -- "--threads UINT=2 " "$work/help" || fail "bp --help: no default for --threads"
expect_error "$work/none.json: cannot open file" bp --config "$work/none.json" --out "$work/x"
[ ! -e "$work/x" ] || fail "a failed run left output behind"
if "$sprout" bp --out "$work/x" --budget 5 --budget-from "$structural" 2>/dev/null; then
  fail "--budget and --budget-from together were accepted"
fi
echo "cli.bp passed"
