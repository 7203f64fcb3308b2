#!/usr/bin/env bash
# The installed package as a user sees it: installs the build into a temporary prefix,
# checks that the exported targets impose none of the build's flags, builds examples/
# and the example of docs/cpp-api.md as projects of their own with find_package(Sprout),
# runs them (training on a small MNIST subset and reading its files back) and imports
# the installed Python module with Debian's python3.
#
#   install_examples.sh CMAKE BUILD_DIR SOURCE_DIR DATA_DIR CXX [PYTHON]
set -euo pipefail
cmake=$1
build=$2
source=$3
data=$4
cxx=$5
python=${6:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"

"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log"
config="$prefix/lib/cmake/Sprout"
for file in SproutConfig.cmake SproutConfigVersion.cmake SproutTargets.cmake; do
  [ -f "$config/$file" ] || { echo "FAIL: $file not installed"; exit 1; }
done
[ -f "$prefix/include/sprout/engine/simulation.hpp" ] || { echo "FAIL: headers"; exit 1; }
# The build's -march and -Werror are its own: no exported target carries them.
if grep -nE -- '-march|-Werror|-Wall' "$config"/SproutTargets*.cmake; then
  echo "FAIL: the exported targets impose the build's flags"
  exit 1
fi
[ -x "$prefix/bin/sprout" ] || { echo "FAIL: bin/sprout not installed"; exit 1; }

configure() {  # configure SOURCE BINARY: a user's project, Release, -j2
  "$cmake" -S "$1" -B "$2" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CXX_COMPILER="$cxx" \
    -DCMAKE_BUILD_TYPE=Release >"$2.configure.log" 2>&1 || { cat "$2.configure.log"; exit 1; }
  "$cmake" --build "$2" -j 2 >"$2.build.log" 2>&1 || { cat "$2.build.log"; exit 1; }
}

# examples/ and their programs.
configure "$source/examples" "$work/examples"
"$work/examples/user_network" >"$work/user_network.log"
grep -q "SynOps (synaptic events): [1-9]" "$work/user_network.log" ||
  { cat "$work/user_network.log"; echo "FAIL: user_network"; exit 1; }
grep -q "t = 175.0 ms" "$work/user_network.log"
"$work/examples/train_mnist" "$data" "$work/run" 600 >"$work/train.log" ||
  { cat "$work/train.log"; exit 1; }
grep -q "epoch 2: test accuracy" "$work/train.log"
"$work/examples/read_results" "$work/run" >"$work/read.log"
grep -q "finished: final test accuracy" "$work/read.log"
grep -q "network.bin: 784 inputs -> 100 hidden -> 10 classes" "$work/read.log" ||
  { cat "$work/read.log"; exit 1; }

# The example of docs/cpp-api.md, with the two lines of CMake it shows.
mkdir -p "$work/doc"
awk '/^```cpp$/ {inside = 1; next} /^```$/ {inside = 0} inside' "$source/docs/cpp-api.md" \
  >"$work/doc/main.cpp"
awk '/^```cmake$/ {inside = 1; next} /^```$/ {inside = 0} inside' "$source/docs/cpp-api.md" \
  >"$work/doc/CMakeLists.txt"
[ -s "$work/doc/main.cpp" ] || { echo "FAIL: no cpp example in docs/cpp-api.md"; exit 1; }
configure "$work/doc" "$work/doc-build"
"$work/doc-build/app" >"$work/doc.log" || { cat "$work/doc.log"; exit 1; }
grep -q "SynOps" "$work/doc.log" || { cat "$work/doc.log"; echo "FAIL: doc example"; exit 1; }

# The Python module where Debian's python3 finds it for this prefix.
if [ -n "$python" ]; then
  packages=$(find "$prefix" -type d -path '*-packages/sprout')
  [ -n "$packages" ] || { echo "FAIL: the Python module is not installed"; exit 1; }
  version=$(cd "$work" && PYTHONPATH=$(dirname "$packages") "$python" -c \
    'import sprout; print(sprout.__version__)')
  echo "installed python module: sprout $version"
  [ -f "$packages/_sprout.pyi" ] || { echo "FAIL: type stubs not installed"; exit 1; }
fi
echo "install, examples and docs/cpp-api.md: ok"
