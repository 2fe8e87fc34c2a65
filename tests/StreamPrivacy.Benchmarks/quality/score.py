#!/usr/bin/env python3
"""Scores redactor outputs against the labelled corpora (black box, the same rule for every tool).

usage: python3 score.py [--corpora corpora] [--out out] [--tools ours,redact-pii,openredaction]
                        [--json out/summary.json] [--markdown out/report.md] [--names a,b]

--names scores the named corpora (NAME.input.jsonl / NAME.labels.jsonl in --corpora) instead of the six
fixed ones, with PERSON recall by form and culture for each of them and a PERSON precision estimate over
all of them (e.g. --names holdout_person,holdout_lookalikes); without it the output is as before.

Expects, per tool and corpus, out/TOOL/NAME.output.jsonl and out/TOOL/NAME.stderr as written by
run_all.sh. Output lines are matched to input lines in order; input lines that the tool reported on
stderr as "line N: ..." (ours: withheld by post-redaction verification, or not valid JSON) have no
output line. A peer writes `null` for a line it failed on.

Rules (see README.md, "Metrics"):
  * an entity is redacted iff, in the output document at its path, it can no longer be found, on a
    normalised view of the output (NFKC, format characters such as zero-width spaces and soft hyphens
    removed, Unicode spaces -> ' ', dashes and minus -> '-', Unicode decimal digits -> ASCII):
      PERSON       no name token (>= 2 letters, particles such as van/de/al excepted) of the value is
                   left as a whole word, case-insensitive;
      CREDIT_CARD, PHONE_NUMBER, US_SSN: the value's digit sequence is not left, also not across
                   separators (space - . ( ) / _ ~ + removed before the search);
      IBAN_CODE    the compact IBAN is not left (separators removed, case-insensitive);
      MAC_ADDRESS  the 12 hex digits are not left (separators : - . and spaces removed, case-insensitive);
      EMAIL_ADDRESS, IP_ADDRESS: the normalised value is not left as a substring, case-insensitive.
    A missing path or null is redacted; a JSON number is read as its decimal text.
  * a look-alike is kept iff it still occurs as a whole word at its path at least as often as in the
    input (normalised, case-insensitive).
  * entities on a withheld or failed line leak nothing (counted as redacted) but the lines are counted.
"""
import argparse
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
CORPORA = ["person", "person_lookalikes", "structured", "hostile", "adjacent", "realistic"]
TOOLS = ["ours", "redact-pii", "openredaction"]
PARTICLES = {"van", "der", "den", "de", "del", "della", "la", "le", "du", "da", "di", "dos", "das", "von", "zu",
             "bin", "binti", "al", "el", "ben", "ibn", "abu", "y"}
DIGIT_TYPES = {"CREDIT_CARD", "PHONE_NUMBER", "US_SSN"}
DASHES = {"\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\ufe58", "\ufe63", "\uff0d"}


def normalise(s):
    s = unicodedata.normalize("NFKC", s)
    out = []
    for ch in s:
        cat = unicodedata.category(ch)
        if cat == "Cf":
            continue
        if cat == "Zs":
            out.append(" ")
        elif ch in DASHES or cat == "Pd":
            out.append("-")
        elif cat == "Nd":
            out.append(str(unicodedata.digit(ch)))
        else:
            out.append(ch)
    return "".join(out)


def count_word(word, text):
    return len(re.findall(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text, re.I))


def get_path(doc, path):
    cur = doc
    for key, idx in re.findall(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]", path):
        if key:
            if not isinstance(cur, dict) or key not in cur:
                return None
            cur = cur[key]
        else:
            if not isinstance(cur, list) or int(idx) >= len(cur):
                return None
            cur = cur[int(idx)]
    return cur


def as_text(value):
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    return json.dumps(value, ensure_ascii=False, default=str)


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def parse(line):
    return json.loads(line, parse_float=Decimal)


def leaked(entity, text):
    """True iff the entity can still be found in the (raw) output text at its path."""
    if text is None:
        return False
    out = normalise(text)
    value = normalise(entity["value"])
    etype = entity["type"]
    if etype == "PERSON":
        tokens = [t for t in re.findall(r"[^\W\d_]+", value) if len(t) >= 2 and t.lower() not in PARTICLES]
        return any(count_word(t, out) > 0 for t in tokens)
    if etype in DIGIT_TYPES:
        digits = entity.get("digits") or re.sub(r"\D", "", value)
        compact = re.sub(r"[\s\-.()/_~+]", "", out)
        return digits in compact
    if etype == "IBAN_CODE":
        iban = re.sub(r"[^0-9A-Za-z]", "", entity.get("digits") or value).upper()
        return iban in re.sub(r"[\s\-.()/_~+]", "", out).upper()
    if etype == "MAC_ADDRESS":
        hexd = re.sub(r"[^0-9A-Fa-f]", "", value).lower()
        return hexd in re.sub(r"[\s:\-.]", "", out).lower()
    return value.lower() in out.lower()


def align(tool, n_input, output_lines, stderr_text):
    """Returns per input line (status, output line or None). status: ok | withheld | failed | invalid | other."""
    reported = {}
    for m in re.finditer(r"^line (\d+): (.*)$", stderr_text, re.M):
        msg = m.group(2)
        if msg.startswith("failed"):
            kind = "failed"
        elif "not valid JSON" in msg:
            kind = "invalid"
        elif re.search(r"withheld|verif|leak|PII", msg, re.I):
            kind = "withheld"
        else:
            kind = "other"
        reported[int(m.group(1))] = (kind, msg)
    result = []
    it = iter(output_lines)
    for n in range(1, n_input + 1):
        if n in reported and reported[n][0] != "failed":
            result.append((reported[n][0], None))
            continue
        line = next(it, None)
        if line is None:
            result.append(("missing", None))
        elif line.strip() == "null":
            result.append(("failed", None))
        else:
            result.append(("ok", line))
    extra = sum(1 for _ in it)
    return result, extra, sorted({m for _, m in reported.values()})[:5]


def score_corpus(corpora_dir, out_dir, tool, name):
    inputs = load_jsonl(os.path.join(corpora_dir, f"{name}.input.jsonl"))
    labels = [json.loads(l) for l in load_jsonl(os.path.join(corpora_dir, f"{name}.labels.jsonl"))]
    out_path = os.path.join(out_dir, tool, f"{name}.output.jsonl")
    err_path = os.path.join(out_dir, tool, f"{name}.stderr")
    if not os.path.exists(out_path):
        return None
    outputs = load_jsonl(out_path)
    stderr_text = open(err_path, encoding="utf-8", errors="replace").read() if os.path.exists(err_path) else ""
    aligned, extra, sample_msgs = align(tool, len(inputs), outputs, stderr_text)
    res = {"lines": len(inputs), "status": defaultdict(int), "extra_output_lines": extra, "messages": sample_msgs,
           "types": defaultdict(lambda: [0, 0]), "forms": defaultdict(lambda: [0, 0]),
           "type_forms": defaultdict(lambda: [0, 0]),
           "cultures": defaultdict(lambda: [0, 0]), "keep": defaultdict(lambda: [0, 0]),
           "withheld_lines_without_entities": 0, "entities_on_withheld_or_failed": 0,
           "leaks": []}
    for idx, ((status, out_line), label, in_line) in enumerate(zip(aligned, labels, inputs)):
        res["status"][status] += 1
        src = parse(in_line)
        out_doc = None
        if status == "ok":
            try:
                out_doc = parse(out_line)
            except json.JSONDecodeError:
                res["status"]["unparseable"] += 1
                status = "unparseable"
        gone = status != "ok"
        if status in ("withheld", "failed", "missing", "unparseable", "invalid", "other"):
            res["entities_on_withheld_or_failed"] += len(label["entities"])
            if status == "withheld" and not label["entities"]:
                res["withheld_lines_without_entities"] += 1
        for e in label["entities"]:
            text = None if gone else as_text(get_path(out_doc, e["path"]))
            leak = leaked(e, text)
            for key, table in (("type", res["types"]), ("form", res["forms"]), ("culture", res["cultures"]),
                               ("type_form", res["type_forms"])):
                k = e["type"] if key == "type" else e.get("form") if key == "type_form" else e.get(key)
                if k is None:
                    continue
                if key == "type_form":
                    k = f"{e['type']}: {k}"
                table[k][0] += 1
                table[k][1] += 0 if leak else 1
            if leak and len(res["leaks"]) < 400:
                res["leaks"].append({"line": idx + 1, "type": e["type"], "value": e["value"], "path": e["path"],
                                     "form": e.get("form")})
        for k in label["keep"]:
            cat = k["category"]
            res["keep"][cat][0] += 1
            if gone:
                continue  # a withheld line keeps nothing; counted as removed
            src_text = as_text(get_path(src, k["path"])) or ""
            text = as_text(get_path(out_doc, k["path"])) or ""
            word = normalise(k["value"])
            if count_word(word, normalise(text)) >= max(1, count_word(word, normalise(src_text))):
                res["keep"][cat][1] += 1
    return res


def pct(a, b):
    return "–" if b == 0 else f"{a / b:.3f}"


def markdown(summary, corpora, named=False):
    lines = []
    tools = list(summary)
    # 1. headline recall per corpus and type
    lines.append("### Recall per corpus and entity type (redacted / planted)\n")
    lines.append("| corpus | type | planted | " + " | ".join(tools) + " |")
    lines.append("|---|---|---:|" + "---:|" * len(tools))
    for c in corpora:
        types = sorted({t for tool in tools if summary[tool].get(c) for t in summary[tool][c]["types"]})
        for t in types:
            n = next(summary[tool][c]["types"][t][0] for tool in tools if summary[tool].get(c) and t in summary[tool][c]["types"])
            cells = []
            for tool in tools:
                r = summary[tool].get(c)
                cells.append(pct(r["types"][t][1], r["types"][t][0]) if r and t in r["types"] else "n/a")
            lines.append(f"| {c} | {t} | {n} | " + " | ".join(cells) + " |")
    # 2. look-alikes kept
    lines.append("\n### Look-alikes kept (kept / labelled)\n")
    lines.append("| corpus | category | labelled | " + " | ".join(tools) + " |")
    lines.append("|---|---|---:|" + "---:|" * len(tools))
    for c in corpora:
        cats = sorted({k for tool in tools if summary[tool].get(c) for k in summary[tool][c]["keep"]})
        for k in cats + (["all"] if cats else []):
            cells, n = [], 0
            for tool in tools:
                r = summary[tool].get(c)
                if not r:
                    cells.append("n/a")
                    continue
                if k == "all":
                    tot = [sum(v[0] for v in r["keep"].values()), sum(v[1] for v in r["keep"].values())]
                else:
                    tot = r["keep"].get(k, [0, 0])
                n = tot[0]
                cells.append(pct(tot[1], tot[0]))
            lines.append(f"| {c} | {'**all**' if k == 'all' else k} | {n} | " + " | ".join(cells) + " |")
    # 3. precision estimates
    lines.append("\n### Precision (estimate: planted-redacted / (planted-redacted + look-alikes removed))\n")
    lines.append("Depends on the mix of planted entities and look-alikes in these corpora; not a traffic precision.\n")
    lines.append("| scope | " + " | ".join(tools) + " |")
    lines.append("|---|" + "---:|" * len(tools))
    scopes = [("PERSON (person + person_lookalikes)", ["person", "person_lookalikes"], "PERSON", ["person_lookalikes"]),
              ("structured types (structured)", ["structured"], None, ["structured"]),
              ("realistic (all types)", ["realistic"], None, ["realistic"])]
    if named:
        scopes = [(f"PERSON ({' + '.join(corpora)})", list(corpora), "PERSON", list(corpora))]
    for scope, ent_corpora, ent_type, la_corpora in scopes:
        cells = []
        for tool in tools:
            red = rem = 0
            ok = True
            for c in ent_corpora:
                r = summary[tool].get(c)
                if not r:
                    ok = False
                    continue
                red += sum(v[1] for t, v in r["types"].items() if ent_type is None or t == ent_type)
            for c in la_corpora:
                r = summary[tool].get(c)
                if r:
                    rem += sum(v[0] - v[1] for v in r["keep"].values())
            cells.append(pct(red, red + rem) if ok else "n/a")
        lines.append(f"| {scope} | " + " | ".join(cells) + " |")
    # 4. line accounting
    lines.append("\n### Lines: written / withheld / failed (or not written) per corpus\n")
    lines.append("| corpus | lines | " + " | ".join(tools) + " |")
    lines.append("|---|---:|" + "---|" * len(tools))
    for c in corpora:
        n = next((summary[t][c]["lines"] for t in tools if summary[t].get(c)), 0)
        cells = []
        for tool in tools:
            r = summary[tool].get(c)
            if not r:
                cells.append("n/a")
                continue
            s = r["status"]
            bad = sum(v for k, v in s.items() if k not in ("ok", "withheld"))
            cell = f"{s.get('ok', 0)} / {s.get('withheld', 0)} / {bad}"
            if c == "realistic" and s.get("withheld", 0):
                cell += f" ({r['withheld_lines_without_entities']} withheld without any entity)"
            cells.append(cell)
        lines.append(f"| {c} | {n} | " + " | ".join(cells) + " |")
    # 5. breakdowns
    breakdowns = [("person", "forms", "PERSON recall by form (person corpus)"),
                  ("person", "cultures", "PERSON recall by culture (person corpus)"),
                  ("hostile", "forms", "Recall by hostile form (all types of the form)"),
                  ("adjacent", "forms", "Recall by adjacent pair (both entities of each pair counted)"),
                  ("hostile", "type_forms", "Recall by hostile form and entity type"),
                  ("adjacent", "type_forms", "Recall by adjacent pair and entity type")]
    if named:
        breakdowns = [(c, key, f"Recall by {what} ({c})") for c in corpora
                      for key, what in (("forms", "form"), ("cultures", "culture"))]
    for c, key, title in breakdowns:
        keys = sorted({k for tool in tools if summary[tool].get(c) for k in summary[tool][c][key]})
        if not keys:
            continue
        lines.append(f"\n### {title}\n")
        lines.append("| form | n | " + " | ".join(tools) + " |")
        lines.append("|---|---:|" + "---:|" * len(tools))
        for k in keys:
            n = next(summary[t][c][key][k][0] for t in tools if summary[t].get(c) and k in summary[t][c][key])
            cells = [pct(summary[t][c][key][k][1], summary[t][c][key][k][0]) if summary[t].get(c) and k in summary[t][c][key]
                     else "n/a" for t in tools]
            lines.append(f"| {k} | {n} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", default=os.path.join(HERE, "corpora"))
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--json", default=None)
    ap.add_argument("--markdown", default=None)
    ap.add_argument("--names", default=None,
                    help="comma-separated corpus names to score instead of the six fixed ones, "
                         "e.g. holdout_person,holdout_lookalikes")
    args = ap.parse_args()
    tools = args.tools.split(",")
    corpora = args.names.split(",") if args.names else CORPORA
    summary, leaks = {}, {}
    for tool in tools:
        summary[tool] = {}
        for c in corpora:
            r = score_corpus(args.corpora, args.out, tool, c)
            if r is None:
                print(f"note: no output for {tool} on {c}", file=sys.stderr)
                continue
            leaks[f"{tool}/{c}"] = r.pop("leaks")
            summary[tool][c] = json.loads(json.dumps(r))
    md = markdown(summary, corpora, named=bool(args.names))
    print(md)
    json_path = args.json or os.path.join(args.out, "summary.json")
    os.makedirs(os.path.dirname(json_path), exist_ok=True)
    with open(json_path, "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1, ensure_ascii=False)
    with open(os.path.join(os.path.dirname(json_path), "leaks.json"), "w", encoding="utf-8") as f:
        json.dump(leaks, f, indent=1, ensure_ascii=False)
    with open(args.markdown or os.path.join(args.out, "report.md"), "w", encoding="utf-8") as f:
        f.write(md)
    print(f"summary: {json_path}; first leaks per tool and corpus: {os.path.join(os.path.dirname(json_path), 'leaks.json')}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
