#!/usr/bin/env bash
# Sprout's BP reference against PyTorch on the same machine, in one run: MLP 784-100-10,
# Adam 1e-3, batch 64, 2 threads, N epochs (default 5), the same inputs (configs/mnist_bp.json
# decides whether both standardise them). Prints accuracy and seconds per epoch of both and
# the time ratio. PyTorch is only needed here: python3-torch and python3-numpy are
# installed from Debian when missing (Sprout itself does not depend on them).
#
#   benchmarks/bp_vs_pytorch.sh [EPOCHS] [SEEDS]   (SPROUT=path/to/sprout to pick a build)
#
# SEEDS is a list such as 1, 1-10 or 1-3,7 (default 1). With one seed the output is the
# single-run comparison above. With several, both run once per seed (Sprout's --seed, PyTorch's
# torch.manual_seed; the two draw different random numbers, so the seeds are not paired by
# initialisation, only by run order); the script prints both accuracies per seed, then per
# implementation the mean, sample standard deviation, min and max of test accuracy, the mean
# seconds per epoch and how many seeds reach 97.3% (issue 4's floor), and the mean paired
# difference Sprout - PyTorch with its standard error (sd of the differences / sqrt(n)).
# OUT=path.json also writes the per-seed results and the summary as JSON.
#
# PyTorch runs with OMP_WAIT_POLICY=passive unless the caller sets it: with libgomp's
# default busy-waiting, an epoch took minutes instead of seconds on a machine shared with
# compilers (Sprout does not use OpenMP; its pool does not busy-wait for late threads).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
epochs=${1:-5}
seed_list=${2:-1}
sprout=${SPROUT:-$root/build/release/sprout}
python=/usr/bin/python3  # Debian's, where python3-torch installs
data=${SPROUT_DATA_DIR:-data/mnist}
floor=0.973  # issue 4: at least 97.3% test accuracy
[ -x "$sprout" ] || { echo "no sprout at $sprout (scripts/build, or set SPROUT)"; exit 1; }
command -v jq >/dev/null || { echo "jq missing (scripts/setup installs it)"; exit 1; }
[[ $epochs =~ ^[0-9]+$ ]] || { echo "EPOCHS must be a number, not '$epochs'"; exit 1; }

# SEEDS: comma-separated numbers or ranges A-B
seeds=()
IFS=, read -ra parts <<<"$seed_list"
for part in "${parts[@]}"; do
  if [[ $part =~ ^([0-9]+)-([0-9]+)$ ]] && ((BASH_REMATCH[1] <= BASH_REMATCH[2])); then
    for ((s = BASH_REMATCH[1]; s <= BASH_REMATCH[2]; s++)); do seeds+=("$s"); done
  elif [[ $part =~ ^[0-9]+$ ]]; then
    seeds+=("$part")
  else
    echo "SEEDS must be like 1, 1-10 or 1-3,7, not '$seed_list'"; exit 1
  fi
done

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
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-passive}

# run_sprout SEED DIR, run_pytorch SEED FILE (after run_sprout: it reads the standardisation).
# Sprout's stderr (progress lines) is kept out of the way and shown only if it fails.
run_sprout() {
  "$sprout" bp --config configs/mnist_bp.json --data-dir "$data" --out "$2" \
    --epochs "$epochs" --threads 2 --seed "$1" 2>"$out/sprout-$1.err" ||
    { tail -n 5 "$out/sprout-$1.err" >&2; return 1; }
}
run_pytorch() {
  local standardise=()
  [ "$(jq -r .provenance.config.standardise_inputs "$out/sprout-$1/results.json")" = true ] &&
    standardise=(--standardise)
  "$python" benchmarks/pytorch_mlp.py --data-dir "$data" --epochs "$epochs" --threads 2 \
    --seed "$1" "${standardise[@]}" --out "$2"
}
# jq helpers for the tables: fixed(d) d decimals, left(n)/right(n) pad to n characters
jq_format='
  def fixed(d): (pow(10; d)) as $p | (. * $p | round) as $n | (if $n < 0 then -$n else $n end) as $a |
    (if $n < 0 then "-" else "" end) + ($a / $p | floor | tostring) +
    (if d > 0 then "." + ($a % $p | tostring | ("0" * (d - length) // "") + .) else "" end);
  def left(n): tostring | . + (" " * (n - length) // "");
  def right(n): tostring | (" " * (n - length) // "") + .;
'
summarise() {
  # one record per seed; accuracies rounded to whole test images (PyTorch's is a float32)
  for seed in "${seeds[@]}"; do
    jq -n --argjson seed "$seed" --slurpfile s "$out/sprout-$seed/results.json" \
      --slurpfile p "$out/pytorch-$seed.json" '
      {seed: $seed,
       sprout: {test_accuracy: ($s[0].test_accuracy * 10000 | round / 10000),
                mean_epoch_wall_s: $s[0].mean_epoch_wall_s},
       pytorch: {test_accuracy: ($p[0].test_accuracy * 10000 | round / 10000),
                 mean_epoch_wall_s: $p[0].mean_epoch_wall_s}}'
  done | jq -s --argjson floor "$floor" --argjson epochs "$epochs" \
    --arg load_before "$load_before" --arg load_after "$load_after" \
    --arg torch "$(jq -r .torch_version "$out/pytorch-${seeds[0]}.json")" '
    def mean: add / length;
    def sd: mean as $m | if length < 2 then null else (map(. - $m | . * .) | add / (length - 1) | sqrt) end;
    def summary(f): map(f) as $r | ($r | map(.test_accuracy)) as $a |
      {mean: ($a | mean), sd: ($a | sd), min: ($a | min), max: ($a | max),
       reaching_floor: ($a | map(select(. * 10000 | round >= ($floor * 10000 | round))) | length),
       mean_epoch_wall_s: ($r | map(.mean_epoch_wall_s) | mean)};
    (map(.sprout.test_accuracy - .pytorch.test_accuracy)) as $d |
    {epochs: $epochs, seeds: ., floor: $floor, torch_version: $torch,
     machine: {cores: '"$(nproc)"', load_average_before: $load_before, load_average_after: $load_after},
     summary: {sprout: summary(.sprout), pytorch: summary(.pytorch),
               paired_difference: {mean: ($d | mean), standard_error: (($d | sd) as $sd | if $sd then $sd / ($d | length | sqrt) else null end),
                                   sprout_better: ($d | map(select(. > 0)) | length),
                                   pytorch_better: ($d | map(select(. < 0)) | length)}}}' \
    >"$out/summary.json"
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== machine: $(nproc) cores, load average $load_before"

if [ "${#seeds[@]}" -eq 1 ]; then
  seed=${seeds[0]}
  echo "== sprout"
  run_sprout "$seed" "$out/sprout-$seed"
  echo "== pytorch (OMP_WAIT_POLICY=$OMP_WAIT_POLICY)"
  run_pytorch "$seed" "$out/pytorch-$seed.json"
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "== load average after: $load_after"
  summarise
  jq -rn --slurpfile s "$out/sprout-$seed/results.json" --slurpfile p "$out/pytorch-$seed.json" '
    def min_of(a): a | min;
    ($s[0]) as $s | ($p[0]) as $p |
    "                 sprout    pytorch",
    "test accuracy   \($s.test_accuracy * 10000 | round / 100)%    \($p.test_accuracy * 10000 | round / 100)%",
    "s/epoch (mean)  \($s.mean_epoch_wall_s * 1000 | round / 1000)     \($p.mean_epoch_wall_s * 1000 | round / 1000)",
    "s/epoch (best)  \(min_of($s.epoch_wall_s) * 1000 | round / 1000)     \(min_of($p.epoch_wall_s) * 1000 | round / 1000)",
    "time ratio sprout/pytorch: \($s.mean_epoch_wall_s / $p.mean_epoch_wall_s * 1000 | round / 1000) (mean), \(min_of($s.epoch_wall_s) / min_of($p.epoch_wall_s) * 1000 | round / 1000) (best epoch)"'
else
  echo "== ${#seeds[@]} seeds (${seeds[*]}), $epochs epochs each; PyTorch with OMP_WAIT_POLICY=$OMP_WAIT_POLICY"
  echo "seed    sprout  s/epoch   pytorch  s/epoch   load"
  for seed in "${seeds[@]}"; do
    # a failed run shows its log and ends the script
    run_sprout "$seed" "$out/sprout-$seed" >"$out/sprout-$seed.log" ||
      { cat "$out/sprout-$seed.log"; exit 1; }
    run_pytorch "$seed" "$out/pytorch-$seed.json" >"$out/pytorch-$seed.log" 2>&1 ||
      { cat "$out/pytorch-$seed.log"; exit 1; }
    jq -rn --arg seed "$seed" --arg load "$(cut -d' ' -f1 /proc/loadavg)" \
      --slurpfile s "$out/sprout-$seed/results.json" --slurpfile p "$out/pytorch-$seed.json" "$jq_format"'
      "\($seed | left(4))  \($s[0].test_accuracy * 100 | fixed(2) + "%" | right(7))  \($s[0].mean_epoch_wall_s | fixed(2) | right(7))   \($p[0].test_accuracy * 100 | fixed(2) + "%" | right(7))  \($p[0].mean_epoch_wall_s | fixed(2) | right(7))   \($load)"'
  done
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "== load average after: $load_after"
  summarise
  jq -r "$jq_format"'
    def row(name; x): "\(name | left(7))  \(x.mean * 100 | fixed(2) + "%" | right(7))  \(x.sd * 100 | fixed(2) | right(5))  \(x.min * 100 | fixed(2) + "%" | right(7))  \(x.max * 100 | fixed(2) + "%" | right(7))  \("\(x.reaching_floor)/\(.seeds | length)" | right(7))  \(x.mean_epoch_wall_s | fixed(2) | right(7))";
    . as $all | .summary as $s |
    "test accuracy over \(.seeds | length) seeds (sd: sample standard deviation, points)",
    "            mean     sd      min      max  >=\(.floor * 100 | fixed(1))%  s/epoch",
    ($all | row("sprout"; $s.sprout)),
    ($all | row("pytorch"; $s.pytorch)),
    "paired difference sprout - pytorch: \($s.paired_difference.mean * 100 | fixed(3)) points, standard error \($s.paired_difference.standard_error * 100 | fixed(3)) (sprout higher on \($s.paired_difference.sprout_better), pytorch on \($s.paired_difference.pytorch_better), \(.seeds | length - $s.paired_difference.sprout_better - $s.paired_difference.pytorch_better) ties)",
    "time ratio sprout/pytorch: \($s.sprout.mean_epoch_wall_s / $s.pytorch.mean_epoch_wall_s | fixed(3)) (mean seconds per epoch)"' \
    "$out/summary.json"
fi
if [ -n "${OUT:-}" ]; then cp "$out/summary.json" "$OUT" && echo "== per-seed results: $OUT"; fi
