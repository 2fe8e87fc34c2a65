#!/usr/bin/env bash
# Checks a StreamPrivacy privacy report (streamprivacy report / demo):
#   1. the HTML is self-contained: no <script>, no src/href to another origin (http:, https:, //),
#      no CSS @import or url(...);
#   2. it renders in a real browser: headless chromium loads it from file:// and the dumped DOM has
#      the report's title and inline SVG charts; a screenshot is taken and must be a non-trivial PNG.
# Usage: tests/report/check_report.sh REPORT.html [SCREENSHOT.png]
# Chromium: $CHROMIUM, else /usr/bin/chromium (Debian: apt-get install -y chromium). Without it the
# render check is skipped (said so, exit 0) unless REQUIRE_CHROMIUM=1 (then exit 1).
set -euo pipefail

report="${1:?usage: check_report.sh REPORT.html [SCREENSHOT.png]}"
[ -f "$report" ] || { echo "FAIL: $report not found" >&2; exit 1; }
fail=0

if grep -Eiq '<script' "$report"; then
    echo "FAIL: the report contains a <script> element" >&2; fail=1
fi
if grep -Eiqo "(src|href)[[:space:]]*=[[:space:]]*[\"']?[[:space:]]*([a-z]+:)?//" "$report"; then
    echo "FAIL: external resource reference:" >&2
    grep -Eio "(src|href)[[:space:]]*=[[:space:]]*[\"']?[[:space:]]*([a-z]+:)?//[^\"' >]*" "$report" | head -5 >&2; fail=1
fi
if grep -Eiq '@import|url[[:space:]]*\(' "$report"; then
    echo "FAIL: CSS @import or url(...) in the report" >&2; fail=1
fi
[ "$fail" -eq 0 ] && echo "ok: self-contained (no script, no external src/href, no @import/url())"

chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
    if [ "${REQUIRE_CHROMIUM:-0}" = "1" ]; then
        echo "FAIL: chromium not found at $chromium (apt-get install -y chromium)" >&2; exit 1
    fi
    echo "SKIPPED render check: chromium not installed (apt-get install -y chromium)"
    exit "$fail"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync)

timeout 120 "$chromium" "${flags[@]}" --user-data-dir="$work/profile-dom" --dump-dom "$url" > "$work/dom.html" 2> "$work/dom.log" || {
    echo "FAIL: chromium --dump-dom failed:" >&2; tail -5 "$work/dom.log" >&2; exit 1; }
grep -q '<title>StreamPrivacy privacy report</title>' "$work/dom.html" || { echo "FAIL: rendered DOM lacks the report title" >&2; fail=1; }
svgs="$(grep -o '<svg ' "$work/dom.html" | wc -l)"
[ "$svgs" -ge 1 ] || { echo "FAIL: rendered DOM has no <svg>" >&2; fail=1; }
echo "ok: chromium rendered the DOM ($(wc -c < "$work/dom.html") bytes, $svgs inline SVG charts)"

shot="${2:-$work/report.png}"
timeout 120 "$chromium" "${flags[@]}" --user-data-dir="$work/profile-shot" --window-size=1100,3000 --hide-scrollbars \
    --screenshot="$shot" "$url" > "$work/shot.log" 2>&1 || { echo "FAIL: chromium --screenshot failed:" >&2; tail -5 "$work/shot.log" >&2; exit 1; }
if [ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ] || [ "$(wc -c < "$shot")" -lt 10000 ]; then
    echo "FAIL: screenshot $shot is not a plausible PNG" >&2; fail=1
else
    echo "ok: screenshot $shot ($(wc -c < "$shot") bytes)"
fi

[ "$fail" -eq 0 ] && echo "OK: $report"
exit "$fail"
