#!/usr/bin/env bash
# The build's CPU target: a build configured for an x86-64 level (the `release` preset:
# x86-64-v3) never carries -march=native, never needs AVX-512, keeps std::fma an
# instruction, and the same binary gives byte-identical results on another CPU of that
# level (emulated with qemu-user when it is installed). A CPU below the level gets one
# error line instead of an illegal-instruction crash.
# Usage: portable_build.sh SPROUT BUILD_DIR SOURCE_DIR DATA_DIR
set -euo pipefail
sprout=$1
build=$2
source=$3
data=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cache_value() { sed -n "s/^$1:[A-Z]*=//p" "$2/CMakeCache.txt"; }

arch=$(cache_value SPROUT_ARCH "$build")
echo "this build: SPROUT_ARCH=$arch"
commands=$build/compile_commands.json
[ -f "$commands" ] || fail "no $commands"
if [ "$arch" != native ]; then
  ! grep -q -- '-march=native' "$commands" || fail "-march=native in a $arch build"
  missing=$(jq -r --arg flag "-march=$arch" '.[] | select(.command | contains($flag) | not) | .file' \
    "$commands")
  [ -z "$missing" ] || fail "compiled without -march=$arch: $missing"
fi

# What a user's `cmake --preset release` (scripts/build, scripts/quickstart) configures.
fresh=$work/fresh
(cd "$source" && cmake --preset release -B "$fresh" >/dev/null)
[ "$(cache_value SPROUT_ARCH "$fresh")" = x86-64-v3 ] || fail "release preset: SPROUT_ARCH"
[ "$(cache_value SPROUT_WERROR "$fresh")" = OFF ] || fail "release preset: warnings as errors"
grep -q -- '-march=x86-64-v3' "$fresh/compile_commands.json" || fail "release: no -march=x86-64-v3"
! grep -q -- '-march=native' "$fresh/compile_commands.json" || fail "release: -march=native"
! grep -q -- '-Werror' "$fresh/compile_commands.json" || fail "release: -Werror"
echo "release preset: -march=x86-64-v3, no -march=native, no -Werror"

[[ $arch =~ ^x86-64(-v[23])?$ ]] || { echo "skipped: the checks below are for x86-64-v3 or lower"; exit 0; }

# No AVX-512 instruction anywhere in the program: zmm registers or mask registers.
if command -v objdump >/dev/null; then
  objdump -d --no-show-raw-insn "$sprout" >"$work/disassembly"
  avx512=$(grep -cE '%zmm[0-9]|%k[1-7]' "$work/disassembly" || true)
  [ "$avx512" -eq 0 ] || fail "$avx512 AVX-512 instructions in a $arch binary"
  echo "no AVX-512 instruction in $(wc -l <"$work/disassembly") lines of disassembly"
  # The LIF loops' std::fma compiles to an instruction, not a call into libm.
  lif_object=$(find "$build" -name 'lif_neuron.cpp.o' | head -n 1)
  [ -n "$lif_object" ] || fail "no lif_neuron.cpp.o"
  nm -u "$lif_object" >"$work/lif_undefined"
  ! grep -qwE 'fma|fmaf' "$work/lif_undefined" || fail "lif_neuron calls libm's fma"
  objdump -d "$lif_object" >"$work/lif_disassembly"
  grep -q vfmadd "$work/lif_disassembly" || fail "no FMA instruction in lif_neuron"
  echo "lif_neuron: std::fma is a vfmadd instruction"
fi

if [ "$(cache_value SPROUT_SANITIZE "$build")" = ON ] || ! command -v qemu-x86_64 >/dev/null; then
  echo "skipped: CPU emulation (needs qemu-user and a build without sanitizers)"
  exit 0
fi

# A CPU without AVX2 (Westmere, 2010) is refused with one line.
if qemu-x86_64 -cpu Westmere "$sprout" --version >"$work/out" 2>"$work/err"; then
  fail "ran on a CPU below $arch"
fi
grep -v '^qemu-x86_64: warning' "$work/err" >"$work/err_lines" || true
cat "$work/err_lines"
[ "$(wc -l <"$work/err_lines")" -eq 1 ] || fail "expected one error line on an old CPU"
grep -q "^sprout: error: this CPU lacks the instructions of the build target $arch" \
  "$work/err_lines" || fail "the old-CPU message"

# The same binary on this CPU and on an emulated Haswell (AVX2, no AVX-512): the same
# weights, network and numbers, byte for byte.
numbers() {
  jq -S 'del(.provenance) | walk(if type == "object" then with_entries(select(.key |
         test("wall|elapsed|per_s|per_second"; "i") | not)) else . end)' "$1"
}
for cpu in host Haswell; do
  runner=()
  [ "$cpu" = host ] || runner=(qemu-x86_64 -cpu "$cpu")
  "${runner[@]}" "$sprout" bp --config "$source/configs/mnist_bp.json" --data-dir "$data" \
    --out "$work/bp_$cpu" --hidden 16 --epochs 2 --train-limit 2000 --test-limit 500 \
    --threads 2 >/dev/null 2>&1 || fail "bp on $cpu"
  "${runner[@]}" "$sprout" train --config "$source/configs/mnist_structural_h400.json" \
    --data-dir "$data" --out "$work/train_$cpu" --hidden 100 --epochs 2 --train-limit 300 \
    --test-limit 100 --measures-train-limit 100 --threads 2 >/dev/null 2>&1 ||
    fail "train on $cpu"
done
cmp "$work/bp_host/weights.bin" "$work/bp_Haswell/weights.bin" || fail "BP weights differ"
cmp "$work/train_host/network.bin" "$work/train_Haswell/network.bin" || fail "networks differ"
diff <(numbers "$work/bp_host/results.json") <(numbers "$work/bp_Haswell/results.json") ||
  fail "BP results differ"
diff <(numbers "$work/train_host/results.json") <(numbers "$work/train_Haswell/results.json") ||
  fail "training results differ"
echo "this CPU and an emulated Haswell: identical BP weights, network and results"
