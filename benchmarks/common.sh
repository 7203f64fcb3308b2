# Helpers of the benchmark scripts (sourced, not run): the release binary, a scratch
# folder removed on exit, and reading and summarising the result JSON files.
# Sets `sprout` and `work`; `name` is the calling script's name for error messages.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sprout=${SPROUT:-$root/build/release/sprout}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x "$sprout" ] || { echo "$name: $sprout not found (run scripts/build release)" >&2; exit 1; }

# field FILE KEY: the first numeric value of "KEY" in a JSON file.
field() { grep -o "\"$2\": [0-9.e+-]*" "$1" | head -1 | awk '{print $2}'; }
# median: of the numbers on standard input, one per line.
median() { sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
