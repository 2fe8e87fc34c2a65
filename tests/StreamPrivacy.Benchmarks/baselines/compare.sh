#!/usr/bin/env bash
# Speed comparison of `streamprivacy redact` against the Python `re` baseline on the same file.
# usage: tests/StreamPrivacy.Benchmarks/baselines/compare.sh [EVENTS]   (default 20000)
set -euo pipefail
cd "$(dirname "$0")/../../.."
mkdir -p artifacts
events="${1:-20000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The CLI as a user would deploy a batch tool: native AOT (no JIT warm-up). JIT builds work too, slower to start.
dotnet publish src/StreamPrivacy.Cli -c Release -r linux-x64 -p:PublishAot=true -p:TreatWarningsAsErrors=false -o artifacts/aot -v q -nologo >/dev/null
dotnet run -c Release --project tests/StreamPrivacy.Benchmarks -- generate --events "$events" --output "$work/events.jsonl"
# Documents of any shape: strip the consent member so both tools redact every line the same way.
python3 - "$work/events.jsonl" "$work/docs.jsonl" <<'PY'
import json, sys
with open(sys.argv[1]) as src, open(sys.argv[2], "w") as dst:
    for line in src:
        doc = json.loads(line); doc.pop("consent", None); dst.write(json.dumps(doc) + "\n")
PY
cli="artifacts/aot/streamprivacy"
time_it() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }
for i in 1 2 3; do
  py=$(time_it python3 tests/StreamPrivacy.Benchmarks/baselines/redact_baseline.py "$work/docs.jsonl" "$work/py.jsonl")
  cs=$(time_it "$cli" redact --input "$work/docs.jsonl" --output "$work/cs.jsonl")
  echo "run $i: python ${py}s, streamprivacy ${cs}s, speed-up $(echo "scale=1; $py / $cs" | bc)x"
done
echo "lines: python $(wc -l < "$work/py.jsonl"), streamprivacy $(wc -l < "$work/cs.jsonl"), input $(wc -l < "$work/docs.jsonl")"
