#!/usr/bin/env bash
# Opens the report.html that cli.compare left in DIR in headless Chromium, without network:
# the page must load, its DOM must hold the headline table and every chart, the browser's
# console must report no error, nothing in the DOM may refer to another resource and no
# text may overflow its chart at 1400 px. Exit 77 (skipped) when Chromium is not installed
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
# No text overflows its chart at a 1400 px wide window: a copy of the page with a script
# after it that compares every SVG text's box on screen (rotation included) with its
# SVG's writes what sticks out into the DOM (the report itself has no script).
{
  cat "$html"
  cat <<'JS'
<script>
const out = [];
let texts = 0;
for (const svg of document.querySelectorAll("svg")) {
  const box = svg.getBoundingClientRect();
  for (const text of svg.querySelectorAll("text")) {
    ++texts;
    const r = text.getBoundingClientRect();
    if (r.left < box.left - 0.5 || r.top < box.top - 0.5 || r.right > box.right + 0.5 ||
        r.bottom > box.bottom + 0.5)
      out.push(text.textContent + " [" + Math.round(r.left - box.left) + ".." +
               Math.round(r.right - box.left) + " of " + Math.round(box.width) + "]");
  }
}
const pre = document.createElement("pre");
pre.id = "overflow";
pre.textContent = texts + " texts checked; overflowing: " + out.length + "\n" + out.join("\n");
document.body.appendChild(pre);
</script>
JS
} >"$work/measured.html"
timeout 120 "$browser" --headless --disable-gpu --no-sandbox --no-first-run \
  --user-data-dir="$work/profile2" --proxy-server=127.0.0.1:9 --window-size=1400,1000 \
  --dump-dom "file://$work/measured.html" >"$work/measured_dom" 2>"$work/log2" ||
  { cat "$work/log2"; fail "chromium exited with an error on the measuring copy"; }
grep -Eq "[1-9][0-9]* texts checked; overflowing: 0$" "$work/measured_dom" ||
  { sed -n '/<pre id="overflow">/,/<\/pre>/p' "$work/measured_dom"; fail "text overflows its chart"; }
# A screenshot of the top screen at 1400 px, beside the report, for a person to look at.
timeout 120 "$browser" --headless --disable-gpu --no-sandbox --no-first-run \
  --user-data-dir="$work/profile3" --proxy-server=127.0.0.1:9 --window-size=1400,1000 \
  --screenshot="$1/report_top_1400px.png" "file://$(realpath "$html")" >/dev/null 2>&1 ||
  fail "chromium could not take a screenshot"
[ -s "$1/report_top_1400px.png" ] || fail "no screenshot"
echo "chromium rendered $html: $expected SVG figures, no console error, no external reference, no text outside its chart at 1400 px"
