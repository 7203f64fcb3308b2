#!/usr/bin/env bash
# End-to-end test of class subsets and the paper's components: `--classes` on data check,
# bp (dense and non-negative), train, eval and capacity; the classes recorded in results
# and network files; one-line errors for bad class lists.
set -euo pipefail
sprout=$1
data=$2
configs=$3
structural_config=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
value() { jq -r "$1" "$2"; }
expect_error() {
  local text=$1; shift
  if "$sprout" "$@" >"$work/stdout" 2>"$work/stderr"; then fail "accepted: $*"; fi
  cat "$work/stderr"
  [ "$(wc -l <"$work/stderr")" -eq 1 ] || fail "expected one error line for: $*"
  grep -qF "sprout: error: $text" "$work/stderr" || fail "expected '$text' for: $*"
}

out=$("$sprout" data check --data-dir "$data" --classes 1,2,6)
echo "$out"
grep -Eq '^set +count +shape +1 +2 +6$' <<<"$out" || fail "header"
grep -Eq '^train +18618 +28x28 +6742 +5958 +5918$' <<<"$out" || fail "train counts"
grep -Eq '^test +3125 +28x28 +1135 +1032 +958$' <<<"$out" || fail "test counts"
expect_error "--classes: 1 class given (3)" data check --data-dir "$data" --classes 3
expect_error "--classes: class 2 given twice" data check --data-dir "$data" --classes 2,1,2
expect_error "--classes: unknown class label 11" bp --config "$configs/mnist_bp.json" --data-dir "$data" \
  --out "$work/x" --classes 1,11
expect_error '--classes: expected an integer, got "a"' train --config "$structural_config" --data-dir "$data" \
  --classes 1,a

# BP on digits 1, 2 and 6: three outputs, the classes in the results.
"$sprout" bp --config "$configs/paper_bp_dense.json" --data-dir "$data" --out "$work/dense" \
  --hidden 10 --epochs 2 --train-limit 2000 --test-limit 500 >/dev/null 2>&1
[ "$(value '.provenance.config.data.classes | join(",")' "$work/dense/results.json")" = 1,2,6 ] ||
  fail "classes in bp results"
[ "$(value .nonzero_synapses.hidden_output "$work/dense/results.json")" = 30 ] || fail "3 outputs"
"$sprout" bp --config "$configs/paper_bp_nonnegative.json" --data-dir "$data" \
  --out "$work/nonnegative" --hidden 10 --epochs 2 --train-limit 2000 --test-limit 500 >/dev/null 2>&1
[ "$(value .variant "$work/nonnegative/results.json")" = nonnegative ] || fail "variant"
sparse=$(value .nonzero_synapses.input_hidden "$work/nonnegative/results.json")
[ "$sparse" -lt 7840 ] || fail "non-negative BP kept all $sparse input synapses"

# The paper's C_S of the dense network: 784 * 10 input->hidden synapses.
"$sprout" capacity --data-dir "$data" --weights "$work/dense/weights.bin" --classes 1,2,6 \
  --train-limit 2000 --test-limit 500 --vib-epochs 5 --out "$work/capacity.json" | tee "$work/log"
grep -q "^non-silent input->hidden synapses 7840$" "$work/log" || fail "synapses"
[ "$(value .c_s_paper.nonsilent_input_synapses "$work/capacity.json")" = 7840 ] || fail "json"
expect_error "$work/dense/weights.bin: the network has 3 outputs but 2 classes are given" capacity --data-dir "$data" \
  --weights "$work/dense/weights.bin" --classes 1,2

# The structural rule on 1, 2 and 6: the network file keeps the classes for eval.
"$sprout" train --config "$structural_config" --data-dir "$data" --classes 1,2,6 \
  --train-limit 600 --test-limit 200 --hidden 100 --epochs 1 --measures-train-limit 200 \
  --out "$work/structural" >/dev/null 2>&1
[ "$(value '.provenance.config.data.classes | join(",")' "$work/structural/results.json")" = 1,2,6 ] ||
  fail "classes in train results"
"$sprout" eval --data-dir "$data" --network "$work/structural/network.bin" --test-limit 200 \
  --classes 6,2 --out "$work/eval.json"
[ "$(value '.provenance.config.classes | join(",")' "$work/eval.json")" = 6,2 ] || fail "eval classes"
expect_error "--classes: 7 is not one of the network's classes 1,2,6" eval --data-dir "$data" \
  --network "$work/structural/network.bin" --classes 7,2
"$sprout" capacity --data-dir "$data" --network "$work/structural/network.bin" \
  --train-limit 300 --test-limit 100 --vib-epochs 5 | grep -q "C_S (VIB, paper)" ||
  fail "capacity of a structural network"
echo "cli.classes passed"
