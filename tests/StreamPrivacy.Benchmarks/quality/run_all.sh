#!/usr/bin/env bash
# End to end: install the pinned peers, run our `redact` and both peers on every corpus, score.
# usage: tests/StreamPrivacy.Benchmarks/quality/run_all.sh [--no-build] [--tools ours,redact-pii,openredaction]
# Outputs go to tests/StreamPrivacy.Benchmarks/quality/out/ (not committed); the tables are printed and
# written to out/report.md, the numbers to out/summary.json, the first leaks to out/leaks.json.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
build=1
tools="ours,redact-pii,openredaction"
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --tools) tools="$2"; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
corpora=(person person_lookalikes structured hostile adjacent realistic)
out="$here/out"
mkdir -p "$out"
cli="$repo/artifacts/aot/streamprivacy"
if [[ ",$tools," == *",ours,"* ]]; then
  if [ "$build" = 1 ] || [ ! -x "$cli" ]; then
    echo "building the native AOT CLI (artifacts/aot)" >&2
    (cd "$repo" && dotnet publish src/StreamPrivacy.Cli -c Release -r linux-x64 -p:PublishAot=true \
      -p:TreatWarningsAsErrors=false -o artifacts/aot -v q -nologo >/dev/null)
  fi
fi
if [[ ",$tools," == *",redact-pii,"* || ",$tools," == *",openredaction,"* ]]; then
  (cd "$here/peers" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
run_tool() {
  local tool="$1" name="$2" in="$here/corpora/$2.input.jsonl" dir="$out/$1"
  mkdir -p "$dir"
  local start end
  start=$(date +%s.%N)
  case "$tool" in
    ours) "$cli" redact --input "$in" --output "$dir/$name.output.jsonl" 2>"$dir/$name.stderr" || echo "exit $?" >>"$dir/$name.stderr" ;;
    redact-pii) node "$here/peers/redact-pii.mjs" "$in" "$dir/$name.output.jsonl" 2>"$dir/$name.stderr" ;;
    openredaction) node "$here/peers/openredaction.mjs" "$in" "$dir/$name.output.jsonl" 2>"$dir/$name.stderr" >/dev/null ;;
  esac
  end=$(date +%s.%N)
  printf '%-14s %-18s %6.1fs  %s\n' "$tool" "$name" "$(echo "$end - $start" | bc)" "$(tail -n 1 "$dir/$name.stderr")" >&2
}
IFS=, read -r -a tool_list <<<"$tools"
for tool in "${tool_list[@]}"; do
  for name in "${corpora[@]}"; do run_tool "$tool" "$name"; done
done
python3 "$here/score.py" --corpora "$here/corpora" --out "$out" --tools "$tools"
