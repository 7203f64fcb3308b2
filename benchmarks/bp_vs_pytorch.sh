#!/usr/bin/env bash
# Sprout's BP reference against PyTorch on the same machine, in one run: MLP 784-100-10,
# Adam 1e-3, batch 64, 2 threads, N epochs (default 5), the same inputs (configs/mnist_bp.json
# decides whether both standardise them). Prints accuracy and seconds per epoch of both and
# the time ratio. PyTorch is only needed here: python3-torch and python3-numpy are
# installed from Debian when missing (Sprout itself does not depend on them).
#
#   benchmarks/bp_vs_pytorch.sh [EPOCHS]      (SPROUT=path/to/sprout to pick a build)
#
# PyTorch runs with OMP_WAIT_POLICY=passive unless the caller sets it: with libgomp's
# default busy-waiting, an epoch took minutes instead of seconds on a machine shared with
# compilers (Sprout does not use OpenMP; its pool does not busy-wait for late threads).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
epochs=${1:-5}
sprout=${SPROUT:-$root/build/release/sprout}
python=/usr/bin/python3  # Debian's, where python3-torch installs
data=${SPROUT_DATA_DIR:-data/mnist}
[ -x "$sprout" ] || { echo "no sprout at $sprout (scripts/build, or set SPROUT)"; exit 1; }
command -v jq >/dev/null || { echo "jq missing (scripts/setup installs it)"; exit 1; }

if ! "$python" -c 'import torch, numpy' 2>/dev/null; then
  echo "installing python3-torch and python3-numpy (for this comparison only)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends python3-torch python3-numpy >/dev/null
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== sprout"
"$sprout" bp --config configs/mnist_bp.json --data-dir "$data" --out "$out/sprout" \
  --epochs "$epochs" --threads 2 2>/dev/null
standardise=()
[ "$(jq -r .provenance.config.standardise_inputs "$out/sprout/results.json")" = true ] &&
  standardise=(--standardise)
echo "== pytorch (OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-passive})"
OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-passive} "$python" benchmarks/pytorch_mlp.py --data-dir "$data" --epochs "$epochs" --threads 2 \
  "${standardise[@]}" --out "$out/pytorch.json"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

jq -rn --slurpfile s "$out/sprout/results.json" --slurpfile p "$out/pytorch.json" '
  def min_of(a): a | min;
  ($s[0]) as $s | ($p[0]) as $p |
  "                 sprout    pytorch",
  "test accuracy   \($s.test_accuracy * 10000 | round / 100)%    \($p.test_accuracy * 10000 | round / 100)%",
  "s/epoch (mean)  \($s.mean_epoch_wall_s * 1000 | round / 1000)     \($p.mean_epoch_wall_s * 1000 | round / 1000)",
  "s/epoch (best)  \(min_of($s.epoch_wall_s) * 1000 | round / 1000)     \(min_of($p.epoch_wall_s) * 1000 | round / 1000)",
  "time ratio sprout/pytorch: \($s.mean_epoch_wall_s / $p.mean_epoch_wall_s * 1000 | round / 1000) (mean), \(min_of($s.epoch_wall_s) / min_of($p.epoch_wall_s) * 1000 | round / 1000) (best epoch)"'
