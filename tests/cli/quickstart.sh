#!/usr/bin/env bash
# scripts/quickstart as a user runs it into a log, on small limits: through a pipe, each
# epoch line arrives while training goes on (before the run's results are complete), every
# stage closes with its duration, and the console ends with the result in words and the
# report's path.
set -euo pipefail
sprout=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=tests/cli/live_log.sh
source "$(dirname "$0")/live_log.sh"
fail() { echo "FAIL: $*"; cat "$work/log"; exit 1; }
: >"$work/log"
SPROUT=$sprout RUNS=$work/runs LIMITS="--train-limit 2000 --test-limit 300 --epochs 3" \
  "$root/scripts/quickstart" configs/mnist_structural_h100.json 2>&1 |
  log_epoch_arrival "$work/log" "$work/runs/structural/results.json" "$work/epoch1_arrival" ||
  fail "scripts/quickstart failed"
[ -f "$work/epoch1_arrival" ] || fail "no 'epoch 1: test accuracy' line"
[ "$(cat "$work/epoch1_arrival")" = live ] || fail "epoch 1's line came only when training ended"
for stage in "3/7 MNIST" "4/7 training the structural network" "5/7 training BP" \
  "6/7 BP's pruning sweep" "7/7 comparing"; do
  grep -Eq "^=== $stage.*: done in [0-9]+ s ===$" "$work/log" || fail "stage '$stage' not closed"
done
grep -q "^The structural network reaches .* test accuracy with .* learnt synapses" "$work/log" ||
  fail "no result in words"
grep -q "open $work/runs/compare/report.html in a browser" "$work/log" || fail "no report path"
[ -s "$work/runs/compare/report.html" ] || fail "no report.html"
echo "cli.quickstart passed: $(grep -c '' "$work/log") console lines, epoch lines live"
