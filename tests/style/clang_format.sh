#!/usr/bin/env bash
# Fails when a C++ source in the repository differs from what clang-format makes of it;
# names the files. Usage: clang_format.sh <source root> <clang-format or empty>
set -euo pipefail
root=$1
formatter=${2:-}
if [ -z "$formatter" ] || [ "$formatter" = "SPROUT_CLANG_FORMAT-NOTFOUND" ]; then
  echo "clang-format not found: skipped"
  exit 77
fi
cd "$root"
# Every tracked C++ source, so that a new folder cannot be missed.
if git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
  mapfile -t sources < <(git ls-files '*.cpp' '*.hpp')
else
  mapfile -t sources < <(find . -path ./build -prune -o \( -name '*.cpp' -o -name '*.hpp' \) \
    -type f -print | sort)
fi
# One clang-format for all files: its start-up, not the formatting, is what costs (one
# process per file took over 30 s of CPU; one for all takes about 1 s). Its messages name
# the files ("FILE:LINE:COL: error: code should be clang-formatted").
if output=$("$formatter" --dry-run --Werror "${sources[@]}" 2>&1); then
  echo "${#sources[@]} sources clang-formatted"
  exit 0
fi
mapfile -t unformatted < <(sed -n 's/^\(.*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' \
  <<<"$output" | awk '!seen[$0]++')
if [ ${#unformatted[@]} -eq 0 ]; then
  echo "$output"
  echo "clang-format failed"
  exit 1
fi
echo "not clang-formatted (run: clang-format -i FILE): ${unformatted[*]}"
exit 1
