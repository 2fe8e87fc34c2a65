"""Shared helpers of the corpus generator: label bookkeeping, JSON paths, Luhn."""
import re


def count_word(word, text):
    return len(re.findall(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text, re.I))


def name_tokens(value):
    return [t for t in re.findall(r"[^\W\d_]+", value) if len(t) >= 2]


class Line:
    """One corpus line: the document plus its labels, with a per-path collision check."""

    def __init__(self):
        self.entities = []
        self.keep = []

    def consistent(self, doc):
        """Every name token and every look-alike appears at its path exactly as often as planted,
        so that 'survives as a whole word' in the scorer can only mean the planted occurrence."""
        by_path = {}
        for e in self.entities:
            by_path.setdefault(e["path"], ([], []))[0].append(e)
        for k in self.keep:
            by_path.setdefault(k["path"], ([], []))[1].append(k)
        for path, (ents, keeps) in by_path.items():
            text = get_path(doc, path)
            if not isinstance(text, str):
                continue
            persons = [e["value"] for e in ents if e["type"] == "PERSON"]
            planted = persons + [k["value"] for k in keeps]
            words = set()
            for p in persons:
                words.update(t.lower() for t in name_tokens(p))
            for k in keeps:
                words.add(k["value"].lower())
            for w in words:
                expected = sum(count_word(w, p) for p in planted)
                if count_word(w, text) != expected:
                    return False
        return True


def get_path(doc, path):
    cur = doc
    for part in re.findall(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]", path):
        key, idx = part
        if key:
            if not isinstance(cur, dict) or key not in cur:
                return None
            cur = cur[key]
        else:
            if not isinstance(cur, list) or int(idx) >= len(cur):
                return None
            cur = cur[int(idx)]
    return cur


def luhn_digit(payload):
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number):
    return luhn_digit(number[:-1]) == number[-1]
