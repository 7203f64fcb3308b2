#!/usr/bin/env bash
# `sprout --version` names the version and a git revision.
set -euo pipefail
out=$("$1" --version)
echo "$out"
grep -Eq '^sprout [0-9]+\.[0-9]+\.[0-9]+ \((unknown|[0-9a-f]{7,}(-dirty)?|.+-g[0-9a-f]+(-dirty)?)\)$' <<<"$out"
