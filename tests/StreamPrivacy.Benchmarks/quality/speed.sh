#!/usr/bin/env bash
# Whole-process wall time of our native AOT `redact` against the two peers on the same file of
# realistic events (consent member stripped, so every line is a document and is redacted).
# usage: tests/StreamPrivacy.Benchmarks/quality/speed.sh [EVENTS] [RUNS]   (defaults 20000 and 3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
events="${1:-20000}"
runs="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$repo"
dotnet publish src/StreamPrivacy.Cli -c Release -r linux-x64 -p:PublishAot=true -p:TreatWarningsAsErrors=false \
  -o artifacts/aot -v q -nologo >/dev/null
(cd "$here/peers" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
dotnet run -c Release --project tests/StreamPrivacy.Benchmarks -- generate --events "$events" --output "$work/events.jsonl" >/dev/null
python3 - "$work/events.jsonl" "$work/docs.jsonl" <<'PY'
import json, sys
with open(sys.argv[1]) as src, open(sys.argv[2], "w") as dst:
    for line in src:
        doc = json.loads(line); doc.pop("consent", None); dst.write(json.dumps(doc) + "\n")
PY
echo "input: $(wc -l < "$work/docs.jsonl") documents, $(du -h "$work/docs.jsonl" | cut -f1); $(nproc) cores"
time_it() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }
declare -A total=([ours]=0 [redactpii]=0 [openredaction]=0)
for i in $(seq 1 "$runs"); do
  ours=$(time_it artifacts/aot/streamprivacy redact --input "$work/docs.jsonl" --output "$work/ours.jsonl")
  rp=$(time_it node "$here/peers/redact-pii.mjs" "$work/docs.jsonl" "$work/redact-pii.jsonl")
  orr=$(time_it node "$here/peers/openredaction.mjs" "$work/docs.jsonl" "$work/openredaction.jsonl")
  printf 'run %d: ours %.2fs, redact-pii %.2fs (%.1fx), openredaction %.2fs (%.1fx)\n' "$i" "$ours" "$rp" \
    "$(echo "$rp / $ours" | bc -l)" "$orr" "$(echo "$orr / $ours" | bc -l)"
  total[ours]=$(echo "${total[ours]} + $ours" | bc -l)
  total[redactpii]=$(echo "${total[redactpii]} + $rp" | bc -l)
  total[openredaction]=$(echo "${total[openredaction]} + $orr" | bc -l)
done
printf 'mean of %d: ours %.2fs, redact-pii %.2fs, openredaction %.2fs; speed-up vs redact-pii %.1fx, vs openredaction %.1fx\n' \
  "$runs" "$(echo "${total[ours]} / $runs" | bc -l)" "$(echo "${total[redactpii]} / $runs" | bc -l)" \
  "$(echo "${total[openredaction]} / $runs" | bc -l)" "$(echo "${total[redactpii]} / ${total[ours]}" | bc -l)" \
  "$(echo "${total[openredaction]} / ${total[ours]}" | bc -l)"
echo "lines written: ours $(wc -l < "$work/ours.jsonl"), redact-pii $(wc -l < "$work/redact-pii.jsonl"), openredaction $(wc -l < "$work/openredaction.jsonl")"
