#!/usr/bin/env bash
# The reference workload (784 Poisson inputs -> 1000 LIF, p = 0.2, 350 ms at 63.75 Hz max,
# 100 test images) from the command line and from the Python module, side by side:
# alternating, REPS times each on 1 and 2 threads, and prints the median synaptic events
# per second of each and their ratio. Both time the same span: the presentation of the
# images (simulate.json's wall_s; a timer around sprout.present_images).
#
#   benchmarks/python_simulate.sh [REPS] [IMAGES]
#
# Needs a release build with the Python module (scripts/build release) and MNIST.
set -euo pipefail
reps=${1:-7}
images=${2:-100}
name=python_simulate
source "$(dirname "$0")/common.sh"
python=${PYTHON:-/usr/bin/python3}
module_dir=$(dirname "$sprout")/python
[ -f "$module_dir/sprout/__init__.py" ] ||
  { echo "$name: no Python module in $module_dir (build with pybind11-dev, python3-dev)" >&2; exit 1; }
data=${SPROUT_DATA_DIR:-$root/data/mnist}

declare -A rates
for rep in $(seq "$reps"); do
  for threads in 1 2; do
    out="$work/cli-$threads-$rep.json"
    "$sprout" simulate --data-dir "$data" --images "$images" --hidden 1000 --connectivity 0.2 \
      --t-present-ms 350 --max-rate-hz 63.75 --threads "$threads" --seed 1 --quiet \
      --out "$out" >/dev/null
    rates[cli,$threads]+="$(field "$out" events_per_s) "
    py="$work/py-$threads-$rep.json"
    PYTHONPATH="$module_dir" "$python" "$root/benchmarks/python_simulate.py" "$data" "$images" \
      "$threads" >"$py"
    rates[py,$threads]+="$(field "$py" events_per_s) "
    [ "$(field "$out" synaptic_events)" = "$(field "$py" synaptic_events)" ] ||
      { echo "$name: the two delivered different synaptic events" >&2; exit 1; }
  done
done
echo "workload: $images images, 784 -> 1000 LIF, p = 0.2, 350 ms at 63.75 Hz max"
echo "synaptic events: $(field "$work/cli-1-1.json" synaptic_events) (the same from both)"
for threads in 1 2; do
  cli=$(tr ' ' '\n' <<<"${rates[cli,$threads]}" | grep . | median)
  py=$(tr ' ' '\n' <<<"${rates[py,$threads]}" | grep . | median)
  awk -v c="$cli" -v p="$py" -v t="$threads" -v r="$reps" 'BEGIN {
    printf "%d thread%s: sprout simulate %.1f M/s, python %.1f M/s (medians of %d): python/cli = %.3f\n",
      t, t == 1 ? " " : "s", c / 1e6, p / 1e6, r, p / c }'
done
