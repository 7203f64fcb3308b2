#!/usr/bin/env bash
# End-to-end test of `sprout data check`: real data passes with the published counts;
# a corrupt copy fails with exactly one error line that names the bad file.
set -euo pipefail
sprout=$1
data=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

out=$("$sprout" data check --data-dir "$data")
echo "$out"
grep -Eq '^train +60000 +28x28 +5923 +6742 +5958 +6131 +5842 +5421 +5918 +6265 +5851 +5949$' <<<"$out"
grep -Eq '^test +10000 +28x28 +980 +1135 +1032 +1010 +982 +892 +958 +1028 +974 +1009$' <<<"$out"

# SPROUT_DATA_DIR is honoured when --data-dir is absent.
(cd "$work" && SPROUT_DATA_DIR="$data" "$sprout" data check >/dev/null)

cp "$data"/* "$work"/
head -c 1000 "$data/t10k-labels-idx1-ubyte" >"$work/t10k-labels-idx1-ubyte"
if "$sprout" data check --data-dir "$work" >"$work/stdout" 2>"$work/stderr"; then
  echo "FAIL: corrupt data was accepted"; exit 1
fi
cat "$work/stderr"
[ "$(wc -l <"$work/stderr")" -eq 1 ] || { echo "FAIL: expected one error line"; exit 1; }
grep -q "^sprout: error: .*t10k-labels-idx1-ubyte: truncated" "$work/stderr"

if "$sprout" data check --data-dir "$work/missing" 2>"$work/stderr"; then
  echo "FAIL: a missing folder was accepted"; exit 1
fi
grep -q "data folder not found" "$work/stderr"
echo "cli.data_check passed"
