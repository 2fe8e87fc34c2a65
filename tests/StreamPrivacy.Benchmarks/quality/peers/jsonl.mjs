// Shared driver for the peer redactors: reads JSON lines, redacts every string value (JSON numbers are
// converted to their JSON text first, so the peers see them as strings; property names are left alone),
// writes one JSON line per input line in order. A line the peer throws on is written as `null` and
// reported on stderr as "line N: failed: MESSAGE" (the scorer counts it as failed, not as a leak).
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

function mapValue(value, redact) {
  if (typeof value === 'string') return redact(value);
  if (typeof value === 'number') return redact(JSON.stringify(value));
  if (Array.isArray(value)) return value.map((v) => mapValue(v, redact));
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapValue(v, redact);
    return out;
  }
  return value;
}

// JSON.parse turns 4.111111111111111e15 and 4111111111111111.0 into the same double; keep each number's
// source text instead by quoting bare numbers before parsing (outside strings), then redacting that text.
function quoteNumbers(line) {
  let out = '';
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      out += c;
      if (c === '\\') { out += line[++i]; } else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') { inString = true; out += c; continue; }
    if (c === '-' || (c >= '0' && c <= '9')) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(line.slice(i));
      out += JSON.stringify(m[0]);
      i += m[0].length - 1;
      continue;
    }
    out += c;
  }
  return out;
}

export async function run(redact, argv = process.argv) {
  const [input, output] = argv.slice(2);
  if (!input || !output) {
    console.error('usage: node PEER.mjs IN.jsonl OUT.jsonl');
    process.exit(2);
  }
  const rl = createInterface({ input: createReadStream(input, 'utf8'), crlfDelay: Infinity });
  const out = createWriteStream(output, 'utf8');
  let n = 0, failed = 0;
  for await (const line of rl) {
    n++;
    let text;
    try {
      text = JSON.stringify(mapValue(JSON.parse(quoteNumbers(line)), redact));
    } catch (err) {
      failed++;
      console.error(`line ${n}: failed: ${String(err && err.message || err).split('\n')[0]}`);
      text = 'null';
    }
    if (!out.write(text + '\n')) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  console.error(`${n} lines, ${failed} failed`);
}
