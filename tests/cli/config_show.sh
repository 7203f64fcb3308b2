#!/usr/bin/env bash
# `sprout config show`: the resolved config of shipped files (bases extended, scaling rules
# applied: winners 5 % of H, inhibition weight -20 / (p* H w_EI)), and one error line for
# a config of another kind.
set -euo pipefail
sprout=$1
configs=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$sprout" config show --config "$configs/mnist_structural.json" >"$work/default.json"
# One interneuron, w_EI 0.25: -20 / (0.2 * 400 * 0.25) = -1.
jq -e '.network.hidden == 400 and .hebbian.winners == 20 and .network.interneurons == 1
    and .network.inhibition_weight == -1 and .structural.presynaptic_budget == 64' \
  "$work/default.json" >/dev/null || fail "default model"
# All-to-all inhibition at 1600: -20 / (0.2 * 1600) = -0.0625.
"$sprout" config show --config "$configs/ablation_no_synapse_economy.json" >"$work/lateral.json"
jq -e '.network.hidden == 1600 and .hebbian.winners == 80 and .network.interneurons == 0
    and .network.inhibition_weight == -0.0625 and .structural.presynaptic_budget == 0' \
  "$work/lateral.json" >/dev/null || fail "extended base with its own size"
# The paper's config: its base's model, a budget of 1, the three digits.
"$sprout" config show --config "$configs/paper_structural.json" >"$work/paper.json"
jq -e '.structural.presynaptic_budget == 1 and .data.classes == [1, 2, 6]
    and .network.hidden == 400' "$work/paper.json" >/dev/null || fail "paper config"
"$sprout" config show --config "$configs/paper_bp_nonnegative.json" --kind bp >"$work/bp.json"
jq -e '.variant == "nonnegative"' "$work/bp.json" >/dev/null || fail "bp kind"

if "$sprout" config show --config "$configs/mnist_bp.json" >"$work/out" 2>"$work/err"; then
  fail "a BP config read as a structural one"
fi
[ "$(wc -l <"$work/err")" -eq 1 ] || fail "one error line"
grep -q "^sprout: error: .*mnist_bp.json: .*unknown key" "$work/err" || fail "error names file and key"
# Nesting deeper than the reader allows: one line, no crash.
python3 -c 'print("[" * 5000 + "]" * 5000)' >"$work/deep.json"
if "$sprout" config show --config "$work/deep.json" >"$work/out" 2>"$work/err"; then
  fail "a 5000-deep document accepted"
fi
[ "$(wc -l <"$work/err")" -eq 1 ] || fail "one error line for a deep document"
grep -q "deep.json: invalid JSON: nested deeper than 64 levels" "$work/err" || fail "deep: message"
echo "cli.config_show passed"
