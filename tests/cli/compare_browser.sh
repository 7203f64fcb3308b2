#!/usr/bin/env bash
# Opens the report.html that cli.compare left in DIR in headless Chromium, without network:
# the page must load, its DOM must hold the headline table and every chart, the browser's
# console must report no error and nothing in the DOM may refer to another resource. Exit 77 (skipped) when Chromium is not installed
# (scripts/setup installs the Debian package `chromium`).
set -euo pipefail
html=$1/report.html
fail() { echo "FAIL: $*"; exit 1; }
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "SKIP: chromium is not installed (scripts/setup installs it)"
  exit 77
fi
[ -s "$html" ] || fail "$html missing (cli.compare makes it)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# --proxy-server to a closed port: the page cannot load anything from the network.
timeout 120 "$browser" --headless --disable-gpu --no-sandbox --no-first-run \
  --user-data-dir="$work/profile" --proxy-server=127.0.0.1:9 --enable-logging=stderr --v=0 \
  --dump-dom "file://$(realpath "$html")" >"$work/dom" 2>"$work/log" ||
  { cat "$work/log"; fail "chromium exited with an error"; }
grep -q 'id="headline.0.test_accuracy"' "$work/dom" || { cat "$work/log"; fail "headline not in the DOM"; }
expected=$(grep -o '<svg ' "$html" | wc -l)
[ "$(grep -o '<svg ' "$work/dom" | wc -l)" -eq "$expected" ] || fail "the DOM lost SVG figures"
if grep -E 'CONSOLE|Uncaught|net::ERR_|Failed to load' "$work/log"; then
  fail "the browser reported the errors above"
fi
# Chromium does not log a failed image load; the DOM must not refer to anything outside.
if grep -oE '(src|href)="(https?:|//|file:)[^"]*"' "$work/dom"; then
  fail "the page refers to the external resources above"
fi
echo "chromium rendered $html: $expected SVG figures, no console error, no external reference"
