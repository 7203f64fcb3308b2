#!/usr/bin/env bash
# `sprout --version` names the version and a git revision, then the build target and the
# compiler, which decide the numbers as much as the seed does, then whether the build has
# MPI (`MPI: no` or the library's version).
set -euo pipefail
out=$("$1" --version)
echo "$out"
[ "$(wc -l <<<"$out")" -eq 3 ] || { echo "FAIL: expected three lines"; exit 1; }
head -n 1 <<<"$out" |
  grep -Eq '^sprout [0-9]+\.[0-9]+\.[0-9]+ \((unknown|[0-9a-f]{7,}(-dirty)?|.+-g[0-9a-f]+(-dirty)?)\)$'
sed -n 2p <<<"$out" | grep -Eq '^built for (x86-64(-v[234])?|native|[a-z0-9-]+) by (GNU|Clang) [0-9.]+$'
tail -n 1 <<<"$out" | grep -Eq '^MPI: (no|.*MPI.* v?[0-9]+\.[0-9]+.*)$'
