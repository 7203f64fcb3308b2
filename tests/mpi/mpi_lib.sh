# Helpers of the MPI tests (tests/mpi/*.sh), sourced by each: $sprout, $data, ${mpirun[@]},
# $configs (the shipped configs' folder), $model (the default model's config), a work folder, and `ranks N args...` to run `sprout args...` on N ranks of this machine.
set -euo pipefail
sprout=$1
data=$2
mpi_launcher=$3
configs=$4
model=$configs/mnist_structural.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# Open MPI refuses root unless told; CI containers run as root.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
# Under mpirun, LeakSanitizer (sanitizer builds) is off: Open MPI's plugins, unloaded at
# MPI_Finalize, leave allocations it can neither name nor suppress. ASan's and UBSan's
# error checks stay on, and the one-process runs keep the leak check.
mpirun=(env "ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" "$mpi_launcher")
ranks() {
  local n=$1
  shift
  "${mpirun[@]}" -np "$n" --oversubscribe --bind-to none "$sprout" "$@"
}
# The numbers of a results file without its timings (which no two runs share) and without
# whether an epoch reused cached test responses (a resumed run starts with none).
numbers() {
  jq -S 'del(.. | .train_wall_s?, .eval_wall_s?, .train_samples_per_s?,
                  .train_synaptic_events_per_s?, .wall_s?, .total_wall_s?, .learn_wall_s?,
                  .reused_test_responses?)' "$1"
}
same_numbers() {
  diff <(numbers "$1") <(numbers "$2") >/dev/null || {
    diff <(numbers "$1") <(numbers "$2") | head -20
    fail "$1 and $2 differ beyond their timings"
  }
}
