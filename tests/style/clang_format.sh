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
unformatted=()
for source in "${sources[@]}"; do
  "$formatter" --dry-run --Werror "$source" >/dev/null 2>&1 || unformatted+=("$source")
done
if [ ${#unformatted[@]} -gt 0 ]; then
  echo "not clang-formatted (run: clang-format -i FILE): ${unformatted[*]}"
  exit 1
fi
echo "${#sources[@]} sources clang-formatted"
