#!/usr/bin/env bash
# Runs our `redact` and both peers on the second held-out PERSON corpora and scores them.
# usage: tests/StreamPrivacy.Benchmarks/quality/holdout2/run_holdout2.sh [--tools ours,redact-pii,openredaction]
# Ours: artifacts/aot/streamprivacy if it exists (publish it with ../run_all.sh or `dotnet publish
# src/StreamPrivacy.Cli -c Release -r linux-x64 -p:PublishAot=true -o artifacts/aot`), otherwise
# `dotnet run -c Release --project src/StreamPrivacy.Cli -- redact`. Peers: ../peers (npm ci).
# Outputs go to holdout2/out/ (not committed); the tables are printed and written to out/report.md,
# the numbers to out/summary.json, the first leaks to out/leaks.json.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
quality="$(cd "$here/.." && pwd)"
repo="$(cd "$here/../../../.." && pwd)"
tools="ours,redact-pii,openredaction"
while [ $# -gt 0 ]; do
  case "$1" in
    --tools) tools="$2"; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
corpora=(holdout2_person holdout2_lookalikes)
out="$here/out"
mkdir -p "$out"
cli="$repo/artifacts/aot/streamprivacy"
ours=()
if [[ ",$tools," == *",ours,"* ]]; then
  if [ -x "$cli" ]; then
    ours=("$cli" redact)
    echo "ours: $cli" >&2
  else
    echo "ours: artifacts/aot/streamprivacy not found, using dotnet run -c Release" >&2
    (cd "$repo" && dotnet build src/StreamPrivacy.Cli -c Release -v q -nologo >/dev/null)
    ours=(dotnet run --no-build -c Release --project "$repo/src/StreamPrivacy.Cli" -- redact)
  fi
fi
if [[ ",$tools," == *",redact-pii,"* || ",$tools," == *",openredaction,"* ]]; then
  (cd "$quality/peers" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
run_tool() {
  local tool="$1" name="$2" in="$here/corpora/$2.input.jsonl" dir="$out/$1"
  mkdir -p "$dir"
  local start end
  start=$(date +%s.%N)
  case "$tool" in
    ours) "${ours[@]}" --input "$in" --output "$dir/$name.output.jsonl" 2>"$dir/$name.stderr" >/dev/null \
            || echo "exit $?" >>"$dir/$name.stderr" ;;
    redact-pii) node "$quality/peers/redact-pii.mjs" "$in" "$dir/$name.output.jsonl" 2>"$dir/$name.stderr" ;;
    openredaction) node "$quality/peers/openredaction.mjs" "$in" "$dir/$name.output.jsonl" 2>"$dir/$name.stderr" >/dev/null ;;
    *) echo "unknown tool $tool" >&2; exit 2 ;;
  esac
  end=$(date +%s.%N)
  printf '%-14s %-22s %6.1fs  %s\n' "$tool" "$name" "$(echo "$end - $start" | bc)" "$(tail -n 1 "$dir/$name.stderr")" >&2
}
IFS=, read -r -a tool_list <<<"$tools"
for tool in "${tool_list[@]}"; do
  for name in "${corpora[@]}"; do run_tool "$tool" "$name"; done
done
python3 "$quality/score.py" --corpora "$here/corpora" --out "$out" --tools "$tools" \
  --names "$(IFS=,; echo "${corpora[*]}")"
