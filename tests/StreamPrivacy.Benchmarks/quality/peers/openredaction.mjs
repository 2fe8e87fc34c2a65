// @openredaction/openredaction 1.0.4, `new OpenRedaction()` with its defaults (includeNames,
// includeAddresses, includePhones, includeEmails all default to true; placeholder redaction mode;
// confidence threshold 0.5), `detect(text).redacted` for every string value, as in its README.
import { OpenRedaction } from '@openredaction/openredaction';
import { run } from './jsonl.mjs';

const shield = new OpenRedaction();
await run((s) => shield.detect(s).redacted);
