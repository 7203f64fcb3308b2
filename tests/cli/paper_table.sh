#!/usr/bin/env bash
# End-to-end test of `sprout paper-table` on a small subset (hidden 10 and 30, 600 training
# and 200 test images, a short VIB training): every field of table2.json, the paper's rows
# exactly as printed, table2.md, the run folders (read by `sprout compare` and
# `sprout capacity`), and one error line for each bad input.
set -euo pipefail
sprout=$1
data=$2
configs=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
expect_error() {
  local text=$1; shift
  if "$sprout" "$@" >"$work/stdout" 2>"$work/stderr"; then fail "accepted: $*"; fi
  cat "$work/stderr"
  [ "$(wc -l <"$work/stderr")" -eq 1 ] || fail "expected one error line for: $*"
  grep -qF "sprout: error: $text" "$work/stderr" || fail "expected '$text' for: $*"
}
config_options=(--structural-config "$configs/paper_structural.json"
  --bp-config "$configs/paper_bp_dense.json" --nonnegative-config "$configs/paper_bp_nonnegative.json")
table_options=(--data-dir "$data" "${config_options[@]}")
small=(--hidden 10,30 --train-limit 600 --test-limit 200 --vib-epochs 5 --threads 2)

out=$work/table
"$sprout" paper-table "${table_options[@]}" "${small[@]}" --out "$out" >"$work/log"
cat "$work/log"
[ "$(grep -c ': started, runs/' "$work/log")" -eq 6 ] || fail "a line per run started"
[ "$(grep -c ': finished: test accuracy .* s; .* min in all)$' "$work/log")" -eq 6 ] ||
  fail "a line per run finished"

json=$out/table2.json
jq -e '.complete == true and (.rows | length) == 6 and (.orderings | length) == 2' "$json" >/dev/null ||
  fail "rows and orderings"
jq -e '[.rows[] | has("hidden", "method", "test_accuracy", "i_xz_bits", "nonsilent_input_synapses",
    "c_s_paper", "seeds", "spread")] | all' "$json" >/dev/null || fail "a row lacks a field"
jq -e '[.rows[] | .spread | (.test_accuracy, .i_xz_bits, .nonsilent_input_synapses, .c_s_paper)
    | has("values", "mean", "sd")] | all' "$json" >/dev/null || fail "a spread lacks a field"
jq -e '[.rows[] | .seeds == [1] and (.test_accuracy > 0.3) and (.test_accuracy <= 1)
    and (.c_s_paper - .i_xz_bits / .nonsilent_input_synapses | fabs) < 1e-12] | all' "$json" \
  >/dev/null || fail "row values"
jq -e '[.rows[] | "\(.hidden) \(.method)"] == ["10 bp", "10 bp_nonnegative", "10 structural",
    "30 bp", "30 bp_nonnegative", "30 structural"]' "$json" >/dev/null || fail "row order"
jq -e '[.rows[] | select(.method == "bp") | .nonsilent_input_synapses] == [7840, 23520]' "$json" \
  >/dev/null || fail "dense BP keeps 784 H synapses"
jq -e '.provenance | has("sprout_version", "git_revision", "build_target") and .command == "paper-table"
    and .config.hidden == [10, 30] and .config.classes == [1, 2, 6] and .config.vib.epochs == 5
    and .config.vib.z_dimension == 8 and (.config.configs.structural.file | endswith("paper_structural.json"))
    and .config.configs.bp_nonnegative.document.variant == "nonnegative"' "$json" >/dev/null ||
  fail "provenance"
jq -e '[.orderings[] | has("hidden", "rule_above_nonnegative", "nonnegative_above_bp", "holds")] | all' \
  "$json" >/dev/null || fail "orderings"
jq -e '(.source | startswith("second-hand")) and (.runs | length) == 6' "$json" >/dev/null ||
  fail "source"
# The paper's rows exactly as printed (accuracy as a fraction).
jq -e '[.paper_rows[] | [.hidden, .method, .test_accuracy, .i_xz_bits, .c_s_paper]] == [
  [10, "bp", 0.9901, 22.50, 2.87e-3], [10, "bp_nonnegative", 0.9834, 16.10, 1.08e-2],
  [10, "structural", 0.6429, 12.80, 1.63e-2], [30, "bp", 0.9917, 127.62, 5.43e-3],
  [30, "bp_nonnegative", 0.9901, 72.99, 2.22e-2], [30, "structural", 0.8621, 52.18, 6.66e-2],
  [100, "bp", 0.9923, 435.93, 5.56e-3], [100, "bp_nonnegative", 0.9910, 217.43, 5.93e-2],
  [100, "structural", 0.8979, 198.33, 2.53e-1], [200, "bp", 0.9917, 518.79, 3.31e-3],
  [200, "bp_nonnegative", 0.9910, 402.91, 1.31e-1], [200, "structural", 0.9555, 372.66, 4.75e-1]]' \
  "$json" >/dev/null || fail "paper rows"

grep -q "^Source of the paper's numbers: second-hand" "$out/table2.md" || fail "md source"
grep -q "^Orderings on Sprout's estimator: " "$out/table2.md" || fail "md orderings"
[ "$(grep -c '^| [0-9]* | ' "$out/table2.md")" -eq 6 ] || fail "md rows"

for h in 10 30; do
  for f in results.json network.bin receptive_fields.svg capacity.json; do
    [ -s "$out/runs/structural_h${h}_s1/$f" ] || fail "structural_h${h}_s1/$f"
  done
  for method in bp bp_nonnegative; do
    for f in results.json weights.bin capacity.json; do
      [ -s "$out/runs/${method}_h${h}_s1/$f" ] || fail "${method}_h${h}_s1/$f"
    done
  done
done
# The folders are normal results folders: compare reads them, and capacity measures the
# network file to the same I(X;Z) (the same hidden counts and encoder seed).
"$sprout" compare --structural "$out/runs/structural_h30_s1/results.json" \
  --bp "$out/runs/bp_h30_s1/results.json" --bp "$out/runs/bp_nonnegative_h30_s1/results.json" \
  --out "$work/compare" >/dev/null
[ -s "$work/compare/report.json" ] || fail "compare"
"$sprout" capacity --data-dir "$data" --network "$out/runs/structural_h30_s1/network.bin" \
  --train-limit 600 --test-limit 200 --vib-epochs 5 --vib-seed 1 >"$work/capacity"
expected=$(jq -r '.c_s_paper.i_xz_bits * 10000 | round' "$out/runs/structural_h30_s1/capacity.json")
measured=$(sed -n 's/^I(X;Z) \([0-9.]*\) bits.*/\1/p' "$work/capacity" | awk '{ printf "%d", $1 * 10000 + 0.5 }')
[ "$expected" = "$measured" ] || fail "capacity of the network file: $measured against $expected"

# Bad input: one line each, nothing trained and no folder left behind.
expect_error "--out $out: holds the results of an earlier run" paper-table "${table_options[@]}" \
  "${small[@]}" --out "$out"
expect_error "--classes: unknown class label 11" paper-table "${table_options[@]}" "${small[@]}" \
  --out "$work/bad" --classes 1,11
expect_error "--classes: 1 class given (3)" paper-table "${table_options[@]}" "${small[@]}" \
  --out "$work/bad" --classes 3
expect_error '--hidden: expected hidden sizes as positive integers separated by commas (10,30,100,200), got "10,x"' \
  paper-table "${table_options[@]}" --out "$work/bad" --hidden 10,x
expect_error "--hidden: hidden size 30 given twice" paper-table "${table_options[@]}" \
  --out "$work/bad" --hidden 30,10,30
expect_error "--hidden: must be in [1, 100000], got 200000" paper-table "${table_options[@]}" \
  --out "$work/bad" --hidden 10,200000
# Data without a 9: the labels file with every 9 made an 8 (the header holds no byte 9).
mkdir "$work/no9"
for f in train-images-idx3-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
  ln -s "$(realpath "$data/$f")" "$work/no9/$f"
done
{ head -c 8 "$data/train-labels-idx1-ubyte"; tail -c +9 "$data/train-labels-idx1-ubyte" | tr '\011' '\010'; } \
  >"$work/no9/train-labels-idx1-ubyte"
expect_error "$work/no9/training set: class 9 has no image; the labels present are 0,1,2,3,4,5,6,7,8" \
  paper-table --data-dir "$work/no9" "${config_options[@]}" "${small[@]}" --out "$work/bad" --classes 1,2,9
[ ! -e "$work/bad" ] || fail "a refused protocol left $work/bad"
echo "cli.paper_table passed"
