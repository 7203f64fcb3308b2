#!/usr/bin/env bash
# End-to-end test of `sprout compare` on small real runs (structural, dense BP, budget BP):
# report.json's numbers against the results files they come from (values derived here
# with jq), every number of report.html against report.json, and one-line errors for bad
# input with nothing written. Leaves the report in OUT for cli.compare_browser.
set -euo pipefail
sprout=$1
data=$2
configs=$3
out=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# jq's answer to a boolean expression over the named files ($s, $b, $r: slurped below).
holds() { [ "$(jq -n --slurpfile s "$s" --slurpfile b "$b" --slurpfile r "$report" \
              "\$s[0] as \$s | \$b[0] as \$b | \$r[0] as \$r | $1")" = true ] || fail "$2"; }

"$sprout" train --config "$configs/mnist_structural_h400.json" --data-dir "$data" --out "$work/structural" \
  --train-limit 400 --test-limit 100 --hidden 100 --epochs 2 --threads 2 >"$work/train.log" 2>&1 ||
  { cat "$work/train.log"; fail "train"; }
"$sprout" bp --config "$configs/mnist_bp.json" --data-dir "$data" --out "$work/bp" --hidden 32 \
  --epochs 1 --train-limit 1000 --test-limit 200 >"$work/bp.log" 2>&1 || { cat "$work/bp.log"; fail "bp"; }
"$sprout" bp --config "$configs/mnist_bp.json" --data-dir "$data" --out "$work/budget" --hidden 32 \
  --epochs 1 --train-limit 1000 --test-limit 200 --budget-from "$work/structural/results.json" \
  >"$work/budget.log" 2>&1 || { cat "$work/budget.log"; fail "budget bp"; }

cat >"$work/sweep_config.json" <<'JSON'
{"training": {"epochs": 1, "train_limit": 1000, "test_limit": 200},
 "hidden_sizes": [8, 32], "densities": [1.0, 0.5, 0.1], "retrain_epochs": 1}
JSON
"$sprout" bp sweep --config "$work/sweep_config.json" --data-dir "$data" --out "$work/sweep" \
  >"$work/sweep.log" 2>&1 || { cat "$work/sweep.log"; fail "bp sweep"; }

rm -rf "$out"
"$sprout" compare --structural "$work/structural/results.json" --bp "$work/bp/results.json" \
  --bp "$work/budget/results.json" --sweep "$work/sweep/sweep.json" --out "$out" \
  --accumulate-pj 0.5 --mac-pj 3 --bootstrap 20 | tee "$work/compare.log"
report=$out/report.json
s=$work/structural/results.json
b=$work/bp/results.json
[ -s "$report" ] && [ -s "$out/report.html" ] || fail "report.json or report.html missing"
grep -q '^structural ' "$work/compare.log" || fail "headline table"
# The result in words, from report.json's numbers, then where the report is.
acc_s=$(jq -r '.headline[0].test_accuracy * 10000 | round / 100 | tostring' "$report")
grep -q "^The structural network reaches .* test accuracy with $(jq '.headline[0].nonzero_synapses' "$report" |
  sed -E ':a;s/([0-9])([0-9]{3})($|,)/\1,\2\3/;ta') learnt synapses; bp dense reaches" "$work/compare.log" ||
  fail "no conclusion with the structural synapse count"
grep -q "^Per test image the structural network spends .* accumulates" "$work/compare.log" ||
  fail "no energy sentence"
grep -q "^BP's pruning sweep\|^Even BP's smallest network\|^No network of BP's pruning sweep" \
  "$work/compare.log" || fail "no sweep sentence"
tail -1 "$work/compare.log" | grep -qF "open $out/report.html in a browser" || fail "last line: the report's path"
# The page opens with the same sentences.
grep -q '<h2>In short</h2>' "$out/report.html" || fail "report.html: no conclusion section"
grep -q "The structural network reaches" "$out/report.html" || fail "report.html: no conclusion"
[ "$(grep -n 'In short' "$out/report.html" | head -1 | cut -d: -f1)" -lt \
  "$(grep -n '<h2>Headline' "$out/report.html" | head -1 | cut -d: -f1)" ] || fail "conclusion not first"
echo "structural accuracy $acc_s%"
# The headline names the fixed inhibitory synapses and their share of the operations.
holds '$r.headline[0].fixed_inhibitory_synapses ==
       ($s.nonzero_synapses.fixed_lateral_inhibition // 0) + ($s.nonzero_synapses.fixed_interneuron_synapses // 0)' \
  "fixed inhibitory synapses"
holds '$r.headline[0].inhibitory_operations_fraction > 0 and $r.headline[0].inhibitory_operations_fraction < 1 and
       $r.headline[1].inhibitory_operations_fraction == 0' "inhibitory share of operations"
holds '($r.structural_timeline | length) > 0 and
       ($r.structural_timeline[-1].realised == $s.epochs[0].synapses.realised)' "structure timeline"

# The numbers of report.json are those of the inputs, or derived from them as defined.
holds '$r.runs[0].test_accuracy == $s.final.test_accuracy' "structural accuracy"
holds '$r.runs[1].test_accuracy == $b.test_accuracy' "bp accuracy"
holds '$r.runs[0].nonzero_synapses.total == $s.nonzero_synapses.total' "structural synapses"
holds '$s.nonzero_synapses.input_hidden == $s.final.synapses.realised' "structural: realised synapses"
holds '$r.runs[1].nonzero_synapses.total == $b.nonzero_synapses.total' "bp synapses"
holds '$r.runs[0].synaptic_capacity.training_samples == $s.train_images' "structural training samples"
holds '$r.runs[1].synaptic_capacity.training_samples == $b.train_samples' "bp training samples"
holds '[$s.measures.test_confusion[][]] | add == $s.test_images' "structural test confusion"
holds '$r.runs[0].test_confusion == $s.measures.test_confusion and
       $r.runs[1].test_confusion == $b.measures.test_confusion' "confusion matrices in the report"
grep -q 'id="runs.0.test_confusion.0.0"' "$out/report.html" || fail "report.html: no confusion matrix"
# C_S = min(I, H) * N / S, and the accuracy equals the confusion matrix's diagonal.
holds '$r.runs[0].synaptic_capacity as $c | ($c.information_bits_per_sample * $s.train_images
       / $s.nonzero_synapses.total - $c.bits_per_synapse | fabs) < 1e-12 * $c.bits_per_synapse' "C_S"
holds '([range(10) as $k | $b.measures.test_confusion[$k][$k]] | add) / $b.test_samples
       == $b.test_accuracy' "bp accuracy from its confusion matrix"
holds '$r.runs[0].storage_cost == $s.measures.storage_cost' "structural storage cost"
# SynOps: the sum of the per-layer SynOps, at 0.5 pJ; at MAC cost 3 pJ.
holds '($s.final.synops_per_test_image | add) as $ops | $r.runs[0].energy.operations_per_image
       == $ops and ($r.runs[0].energy.native_pj - 0.5 * $ops | fabs) < 1e-9 * $ops and
       ($r.runs[0].energy.at_mac_cost_pj - 3 * $ops | fabs) < 1e-9 * $ops' "structural energy"
holds '$r.runs[1].operations.dense_macs.operations_per_image == $b.macs_per_image.dense and
       $r.runs[1].operations.sparse_macs.operations_per_image == $b.macs_per_image.sparse and
       $r.runs[1].energy.native_pj == 3 * $b.macs_per_image.sparse' "bp MACs and energy"
holds '$r.runs[2].nonzero_synapses.input_hidden == $s.nonzero_synapses.input_hidden' \
  "budget BP has the structural input->hidden synapse count"
holds '$r.runs[0].config == $s.provenance.config and $r.runs[1].config == $b.provenance.config' "configs"
holds '$r.schema == "sprout.compare/1" and $r.provenance.git_revision != "" and
       $r.provenance.command == "compare" and
       ($r.command_line | startswith("sprout compare --structural"))' "provenance"
holds '$r.runs[0].information.hidden_code_label.winner.bits ==
       $s.measures.hidden_code_information.winner.bits' "I(hidden; label)"
holds '$r.headline | map(.name) == ["structural", "bp dense", "bp budget"]' "headline rows"
# The sweep: the factor computed here from its points equals the one `bp sweep` computed
# (same tolerance, 0.5 points), and the equal-accuracy ratio is BP's synapses over ours.
w=$work/sweep/sweep.json
[ "$(jq -n --slurpfile w "$w" --slurpfile r "$report" '$r[0].sweep.max_overparameterisation_factor
     == $w[0].overparameterisation.max_same_hidden and ($r[0].sweep.points | length) ==
     ($w[0].points | length)')" = true ] || fail "sweep factor"
holds '$r.sweep.equal_accuracy_any_hidden as $e | $e.ratio == null or
       ($e.ratio - $e.bp_synapses / $s.nonzero_synapses.total | fabs) < 1e-12 * $e.ratio' \
  "equal-accuracy ratio"

# Every number of the page: id = its path in report.json, data-value = the value there,
# text = the value printed as a rounded integer if it is one or >= 1000 in magnitude, else
# with 4 significant digits (x100 for accuracies).
grep -o '<td[^>]* id="[^"]*" data-value="[^"]*">[^<]*<' "$out/report.html" |
  sed -E 's/.* id="([^"]*)" data-value="([^"]*)">([^<]*)</\1 \2 \3/' >"$work/cells"
cells=$(wc -l <"$work/cells")
[ "$cells" -ge 80 ] || fail "only $cells numbers carry their path in report.html"
while read -r path value text; do
  [ "$(jq --arg p "$path" --argjson v "$value" \
        'getpath($p | split(".") | map(tonumber? // .)) == $v' "$report")" = true ] ||
    fail "report.html $path = $value, not report.json's"
  scale=1
  case $path in *test_accuracy | *_fraction) scale=100 ;; esac
  expected=$(awk -v v="$value" -v s="$scale" \
    'BEGIN { d = v * s; a = d < 0 ? -d : d
            if (a < 1e15 && (d == int(d) || a >= 1000)) printf "%.0f", d; else printf "%.4g", d }')
  [ "$text" = "$expected" ] || fail "report.html $path shows '$text', expected '$expected'"
done <"$work/cells"
echo "report.html: $cells numbers equal report.json's"
grep -q '<svg' "$out/report.html" || fail "no chart"
[ "$(grep -o '<svg ' "$out/report.html" | wc -l)" -ge 5 ] || fail "expected >= 5 SVG figures"
if grep -qE '<script|<link|src="http|href="http' "$out/report.html"; then fail "external reference"; fi

# Bad input: one error line naming the file and the field, nothing written.
expect_error() {
  local text=$1; shift
  if "$sprout" compare "$@" --out "$work/bad" >"$work/stdout" 2>"$work/stderr"; then
    fail "accepted: $*"
  fi
  cat "$work/stderr"
  [ "$(wc -l <"$work/stderr")" -eq 1 ] || fail "expected one error line for: $*"
  grep -qF "sprout: error: $text" "$work/stderr" || fail "expected '$text' for: $*"
  [ ! -e "$work/bad/report.json" ] && [ ! -e "$work/bad/report.html" ] || fail "wrote output: $*"
}
expect_error "$b: schema: \"sprout.bp/1\" is a results file of 'sprout bp', expected \"sprout.train/1\" (a results file of 'sprout train')" \
  --structural "$b" --bp "$b"
jq '.schema = "sprout.bp/2"' "$b" >"$work/other_version.json"
expect_error "$work/other_version.json: schema: version 2 is not read by this build" \
  --structural "$s" --bp "$work/other_version.json"
expect_error "$work/none.json: cannot open file" --structural "$s" --bp "$work/none.json"
jq 'del(.measures.train_confusion)' "$b" >"$work/no_field.json"
expect_error "$work/no_field.json: measures.train_confusion: missing" --structural "$s" \
  --bp "$work/no_field.json"
echo "compare: all checks passed"
