// redact-pii 3.4.0, SyncRedactor with its default configuration (all built-in redactors, default
// replacement values), applied to every string value.
import redactPii from 'redact-pii';
import { run } from './jsonl.mjs';

const redactor = new redactPii.SyncRedactor();
await run((s) => redactor.redact(s));
