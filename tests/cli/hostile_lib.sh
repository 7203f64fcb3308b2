# Helpers of the hostile-input tests (tests/cli/hostile_*.sh), sourced by each.
# A case runs one command that must be refused: a non-zero exit, a stderr of exactly one
# line "sprout: error: ..." holding the expected text and none of the internals a user
# should not see, and (checked by the caller) nothing partial left behind. Every case is
# counted; the script prints "<name>: N cases" at its end.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cases=0
fail() { echo "FAIL: $*"; exit 1; }

# refuse "expected text" command args...: the command must fail with one clean error line.
refuse() {
  local text=$1
  shift
  cases=$((cases + 1))
  local rc=0
  "$@" >"$work/stdout" 2>"$work/stderr" || rc=$?
  [ "$rc" -ne 0 ] || fail "accepted (exit 0): $*"
  [ "$rc" -lt 128 ] || { cat "$work/stderr"; fail "killed by signal $((rc - 128)): $*"; }
  [ "$(wc -l <"$work/stderr")" -eq 1 ] || { cat "$work/stderr"; fail "expected one error line: $*"; }
  grep -q '^sprout: error: ' "$work/stderr" || { cat "$work/stderr"; fail "not 'sprout: error:': $*"; }
  grep -qF -- "$text" "$work/stderr" || { cat "$work/stderr"; fail "expected '$text': $*"; }
  local internals="json\\.exception|basic_filebuf|bad_alloc|std::|key '[^']*' not found|what\\(\\)"
  if grep -qE "$internals" "$work/stderr"; then
    cat "$work/stderr"
    fail "leaks internals: $*"
  fi
}

# accept command args...: a case whose right answer is to succeed.
accept() {
  cases=$((cases + 1))
  "$@" >"$work/stdout" 2>"$work/stderr" || { cat "$work/stderr"; fail "refused: $*"; }
}

# absent path...: nothing was left at these paths.
absent() {
  for path in "$@"; do
    [ ! -e "$path" ] || fail "left behind: $path"
  done
}

# unchanged file digest: the file still has the digest taken before.
digest() { sha256sum "$1" | cut -d' ' -f1; }
unchanged() { [ "$(digest "$1")" = "$2" ] || fail "$1 was changed"; }
