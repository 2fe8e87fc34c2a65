#!/usr/bin/env python3
"""Generates the second held-out PERSON corpora (fixed seed, deterministic).

usage: python3 generate_holdout2.py [--out corpora] [--seed 20250214] [--check]

Needs `npm ci` in name_sources/ (casual 1.6.2, read as data) and node on the PATH. Writes
  corpora/holdout2_person.{input,labels}.jsonl       planted PERSON names in 16 forms, 30 cultures
  corpora/holdout2_lookalikes.{input,labels}.jsonl   capitalised non-names (keep), some lines with a name
--check also prints the per-form / per-culture / per-category counts.
"""
import argparse
import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import holdout2_names as N  # noqa: E402
import holdout2_texts as T  # noqa: E402

SEED = 20250214

# --------------------------------------------------------------------------------------------------
# helpers shared with the scorer's rules (written independently of score.py, same definitions)
# --------------------------------------------------------------------------------------------------
PARTICLES = N.PARTICLES


def name_tokens(value):
    return [t.lower() for t in re.findall(r"[^\W\d_]+", unicodedata.normalize("NFKC", value))
            if len(t) >= 2 and t.lower() not in PARTICLES]


def count_word(word, text):
    return len(re.findall(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text, re.I))


FOLD = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss",
                      "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ı": "i", "İ": "I"})


def lower(s):
    return s.replace("İ", "i").lower()


def ascii_fold(s):
    s = s.translate(FOLD)
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


# --------------------------------------------------------------------------------------------------
# persons
# --------------------------------------------------------------------------------------------------
class Pools:
    def __init__(self, banned_lower):
        self.pools = N.build_pools(banned_lower)
        self.cultures = sorted(self.pools)

    def subpools(self, culture, need=None):
        subs = self.pools[culture]
        if need == "hyph_given":
            subs = [s for s in subs if s["hyph_given"] and s["family"]]
        elif need == "hyph_fam":
            subs = [s for s in subs if s["hyph_fam"] and s["given"]]
        elif need == "hyph":
            subs = [s for s in subs if s["hyph_given"] or s["hyph_fam"]]
        return subs


def hyph_gender(name, sp):
    first = name.split("-")[0].split("'")[0]
    for n, g in sp["given"]:
        if n == first or n.split()[0] == first:
            return g
    return "f" if first[-1:] in ("a", "e", "i") else "m"


def make_person(rng, pools, culture, need=None):
    """need: None, 'hyph_given', 'hyph_fam' or 'hyph' (either)."""
    subs = pools.subpools(culture, need)
    sp = rng.choice(subs)
    style = sp["style"]
    if need == "hyph":
        need = rng.choice([k for k in ("hyph_given", "hyph_fam") if sp[k] and (sp["family"] if k == "hyph_given" else sp["given"])])
    if need == "hyph_given":
        g = rng.choice(sp["hyph_given"])
        gender = hyph_gender(g, sp)
    else:
        g, gender = rng.choice(sp["given"])
    fam_pair = rng.choice(sp["family"]) if sp["family"] else (None, None)
    fam = None if fam_pair[0] is None else (fam_pair[1] if gender == "f" else fam_pair[0])
    if need == "hyph_fam":
        fam = rng.choice(sp["hyph_fam"])
    p = {"culture": culture, "source": sp["id"], "gender": gender, "nick": None, "hyph": need is not None}
    given_call, target, family_real = g, "family", fam
    if style == "western":
        if sp["id"] == "casual:ro_RO":
            given_call = g.split()[0]
        full = f"{g} {fam}"
        if culture == "filipino" and rng.random() < 0.25 and need is None:
            full = f"{g} {rng.choice('ABCDEGLMRST')}. {fam}"
    elif style == "spanish":
        full = f"{g} {fam}"
        if rng.random() < 0.4 and need is None:
            second = rng.choice([f for f, _ in sp["family"] if f != fam])
            full += f" {second}"
    elif style == "portuguese":
        if need is None and rng.random() < 0.15:
            part = {"Silva": "da", "Santos": "dos", "Costa": "da", "Rocha": "da"}.get(fam, "de")
            full = f"{g} {part} {fam}"
        elif need is None and rng.random() < 0.35:
            first = rng.choice([f for f, _ in sp["family"] if f != fam])
            full = f"{g} {first} {fam}"
        else:
            full = f"{g} {fam}"
    elif style == "arabic":
        full = f"{g} {fam}"
        if need is None and rng.random() < 0.2 and gender == "m":
            father = rng.choice([n for n, gg in sp["given"] if gg == "m" and n != g])
            full = f"{g} {father} {fam}"
    elif style == "south_indian":
        if need is None and rng.random() < 0.3:
            full = f"{rng.choice('ABCGKMNPRSTV')}. {g}"
            target = "given"
        else:
            full = f"{g} {fam}"
    elif style in ("chinese", "japanese", "korean"):
        western_order = {"chinese": 0.55, "japanese": 0.7, "korean": 0.6}[style]
        full = f"{g} {fam}" if rng.random() < western_order else f"{fam} {g}"
    elif style == "vietnamese":
        mid = rng.choice(sp["mid_f"] if gender == "f" else sp["mid_m"])
        if rng.random() < 0.2:
            full = f"{g} {fam}"
        else:
            full = f"{fam} {mid} {g}"
        if rng.random() < 0.35:
            full, g, fam = ascii_fold(full), ascii_fold(g), ascii_fold(fam)
            given_call, family_real = g, fam
        target = "given"
    elif style == "thai":
        full = f"{g} {fam}"
        target = "given"
        if sp["nick"]:
            p["nick"] = rng.choice(sp["nick"])
    elif style == "malay":
        full = f"{g} {'binti' if gender == 'f' else 'bin'} {fam}"
        target = "given"
    elif style == "ethiopian":
        father = fam if (fam and rng.random() < 0.2) else rng.choice([n for n, gg in sp["given"] if gg == "m" and n != g])
        full, family_real, target = f"{g} {father}", father, "given"
    elif style == "icelandic":
        family_real = fam + ("dóttir" if gender == "f" else "son")
        full, target = f"{g} {family_real}", "given"
    else:
        raise ValueError(style)
    if culture == "indonesian_malay" and sp["id"].endswith("/id"):
        target = "given"
        if need is None and rng.random() < 0.2:
            full, family_real = g, None
    p.update(full=full, given=given_call, family=family_real, target=target)
    return p


def titled_en(rng, p):
    name = p["given"] if p["target"] == "given" else p["family"]
    t = rng.choice(T.EN_TITLES[p["gender"]] + T.EN_TITLES_ANY)
    return f"{t} {name}", name


def titled_local(rng, p):
    options = [t for t in T.LOCAL_TITLES.get(p["culture"], []) if t[1] in (None, p["gender"])]
    if not options:
        return None
    title, _, pos, target = rng.choice(options)
    name = p["given"] if target == "given" or p["family"] is None else p["family"]
    if pos == "pre":
        sep = "" if title.endswith("'") else " "
        return f"{title}{sep}{name}", name
    if title.startswith("-") or title.startswith(" "):
        return f"{name}{title}", name
    return f"{name} {title}", name


def possessive(rng, name):
    if name[-1:] in "sxz":
        return name + rng.choice(["'", "'s", "’"])
    return name + rng.choice(["'s", "'s", "’s"])


def handle(rng, p):
    g = ascii_fold(p["given"]).lower().replace(" ", "").replace("'", "")
    if p["family"] and rng.random() < 0.4:
        f = ascii_fold(p["family"]).lower().replace(" ", "").replace("'", "")
        return f"{g}.{f}"
    return g


# --------------------------------------------------------------------------------------------------
# contact details and ids (no name tokens)
# --------------------------------------------------------------------------------------------------
PHONE_CC = {"english": ["44", "353"], "germanic": ["49", "43", "41"], "french_belgian": ["33", "32"], "italian": ["39"],
            "hispanic": ["34", "52", "57", "51"], "lusophone": ["351", "55"], "dutch": ["31", "32"],
            "west_slavic": ["48", "420", "421"], "east_slavic": ["380", "7"], "balkan": ["381", "385", "355", "40", "359"],
            "greek": ["30"], "turkish": ["90"], "arabic": ["971", "966", "20", "212"], "persian": ["98"],
            "hebrew": ["972"], "indian": ["91"], "pakistani_bangladeshi": ["92", "880"], "chinese": ["86", "852", "65"],
            "japanese": ["81"], "korean": ["82"], "vietnamese": ["84"], "thai": ["66"], "filipino": ["63"],
            "indonesian_malay": ["62", "60"], "nigerian": ["234"], "ghanaian": ["233"],
            "east_african": ["254", "255", "256"], "ethiopian": ["251"], "south_african": ["27"],
            "nordic": ["358", "354", "46", "47", "45"]}
EMAIL_WORDS = ["inbox", "contact", "office", "reply", "accounts", "home", "mailbox", "hello", "orders", "desk"]
EMAIL_DOMAINS = ["example.com", "example.org", "example.net", "mail.example.com", "corp.example.org"]


def phone(rng, culture):
    cc = rng.choice(PHONE_CC[culture])
    groups = [str(rng.randint(10, 99)), str(rng.randint(100, 999)), str(rng.randint(1000, 9999))]
    return f"+{cc} {' '.join(groups)}"


def email(rng):
    return f"{rng.choice(EMAIL_WORDS)}{rng.randint(10, 9999)}@{rng.choice(EMAIL_DOMAINS)}"


def fill_common(rng, text, culture):
    reps = {
        "{EMAIL_BODY}": lambda: rng.choice(T.EMAIL_BODIES),
        "{GREETING}": lambda: rng.choice(T.GREETINGS),
        "{CLOSING}": lambda: rng.choice(T.CLOSINGS),
        "{ROLE}": lambda: rng.choice(T.ROLES),
        "{COMPANY}": lambda: rng.choice(T.COMPANIES),
        "{AGENT_LINE}": lambda: rng.choice(T.AGENT_LINES),
        "{AGENT_LINE_LC}": lambda: (lambda s: s[0].lower() + s[1:])(rng.choice(T.AGENT_LINES)),
        "{CUSTOMER_LINE}": lambda: rng.choice(T.CUSTOMER_LINES),
        "{HR_LINE}": lambda: rng.choice(T.HR_LINES),
        "{REVIEW_LINE}": lambda: rng.choice(T.REVIEW_LINES),
        "{EMAIL}": lambda: email(rng),
        "{PHONE}": lambda: phone(rng, culture),
        "{ORDER}": lambda: f"#{rng.randint(100000, 999999)}",
        "{TIME}": lambda: f"{rng.randint(8, 18)}:{rng.choice(['00', '15', '30', '45'])}",
        "{DATE}": lambda: f"{rng.randint(1940, 2015)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
    }
    for k, f in reps.items():
        while k in text:
            text = text.replace(k, f(), 1)
    return text


def rid(rng, prefix, n=6):
    return f"{prefix}{rng.randint(10 ** (n - 1), 10 ** n - 1)}"


def hexid(rng, n=8):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


# --------------------------------------------------------------------------------------------------
# document shapes: shape -> (document, path of the text)
# --------------------------------------------------------------------------------------------------
APPS = ["Parcel tracker", "Budget app", "Food delivery app", "Banking app", "Fitness tracker", "Ride app"]


def shape_doc(rng, shape, text):
    if shape in ("ticket", "ticket_subject"):
        doc = {"ticket_id": rid(rng, "TCK-"), "channel": rng.choice(["email", "web", "phone"]),
               "priority": rng.choice(["low", "normal", "high"]), "subject": rng.choice(T.TICKET_SUBJECTS),
               "description": text}
        if shape == "ticket_subject":
            doc["subject"], doc["description"] = text, "Customer called twice, see previous notes."
            return doc, "$.subject"
        return doc, "$.description"
    if shape in ("email", "email_subject"):
        doc = {"message_id": f"<{hexid(rng, 12)}@mail.example.net>", "thread_id": rid(rng, "th-", 7),
               "subject": rng.choice(T.EMAIL_SUBJECTS), "body": text}
        if shape == "email_subject":
            doc["subject"], doc["body"] = text, rng.choice(T.EMAIL_BODIES)
            return doc, "$.subject"
        return doc, "$.body"
    if shape in ("chat_customer", "chat_agent"):
        channel = rng.choice(["web_chat", "whatsapp", "in_app"])
        msgs = []
        if rng.random() < 0.35:
            msgs.append({"role": "agent", "text": "Hi, how can I help you today?"})
        if shape == "chat_customer":
            msgs.append({"role": "customer", "text": text})
            idx = len(msgs) - 1
            msgs.append({"role": "agent", "text": rng.choice(T.CHAT_AGENT_FILLERS)})
        else:
            msgs.append({"role": "customer", "text": rng.choice(T.CHAT_CUSTOMER_FILLERS)})
            msgs.append({"role": "agent", "text": text})
            idx = len(msgs) - 1
        return {"conversation_id": f"{hexid(rng, 8)}-{hexid(rng, 4)}", "channel": channel, "messages": msgs}, \
            f"$.messages[{idx}].text"
    if shape == "chat_team":
        return {"channel": rng.choice(["#support-escalations", "#ops", "#billing-help", "#team-emea"]),
                "ts": f"{rng.randint(1700000000, 1730000000)}.{rng.randint(100000, 999999)}",
                "user": "U" + hexid(rng, 8).upper(), "text": text}, "$.text"
    if shape in ("llm_prompt", "llm_response"):
        prompt, resp = (text, rng.choice(T.LLM_RESPONSES)) if shape == "llm_prompt" else (rng.choice(T.LLM_PROMPTS), text)
        doc = {"request_id": f"req_{hexid(rng, 12)}", "model": rng.choice(["assist-large-2", "assist-mini-1", "draft-7b"]),
               "messages": [{"role": "system", "content": rng.choice(T.SYSTEM_PROMPTS)},
                            {"role": "user", "content": prompt}],
               "response": {"content": resp, "finish_reason": "stop"}}
        return doc, ("$.messages[1].content" if shape == "llm_prompt" else "$.response.content")
    if shape == "crm":
        return {"account_id": rid(rng, "ACC-", 5), "stage": rng.choice(["prospect", "negotiation", "renewal", "won"]),
                "activity": rng.choice(["call", "meeting", "note"]), "note": text}, "$.note"
    if shape == "hr":
        return {"case_id": rid(rng, "HR-", 4), "category": rng.choice(["leave", "conduct", "onboarding", "offboarding"]),
                "confidential": True, "summary": text}, "$.summary"
    if shape == "clinical":
        return {"encounter_id": rid(rng, "ENC-", 7), "dept": rng.choice(["ORTHO", "GP", "PAED", "RESP", "CARD"]),
                "note_type": rng.choice(["progress", "telephone", "discharge", "referral"]), "text": text}, "$.text"
    if shape == "minutes":
        return {"meeting_id": rid(rng, "mtg-", 4), "title": rng.choice(["Weekly ops sync", "Board meeting", "Sprint review",
                                                                          "Project kickoff", "Team retro"]),
                "notes": text}, "$.notes"
    if shape == "review":
        return {"review_id": rid(rng, "r", 7), "app": rng.choice(APPS), "rating": rng.randint(1, 5), "body": text}, "$.body"
    if shape == "delivery":
        return {"shipment_id": f"SHP{rng.randint(10 ** 9, 10 ** 10 - 1)}",
                "status": rng.choice(["out_for_delivery", "delivered", "exception", "ready_for_pickup"]),
                "notification": text}, "$.notification"
    if shape == "sms":
        return {"message_sid": "SM" + hexid(rng, 16), "template": rng.choice(["reminder", "otp", "update"]),
                "body": text}, "$.body"
    raise ValueError(shape)


# --------------------------------------------------------------------------------------------------
# PERSON corpus
# --------------------------------------------------------------------------------------------------
FORM_LINES = {"full_name": 160, "given_in_context": 150, "title": 140, "title_local": 140, "salutation": 150,
              "signature": 150, "possessive": 140, "hyphen_apostrophe": 170, "caps": 140, "lower": 150, "list": 110,
              "field": 200, "sentence_start": 140, "with_contact": 140, "mention": 110, "last_first": 110}
HYPHEN_SOURCE_FORMS = ["full_name", "given_in_context", "title", "salutation", "signature", "sentence_start",
                       "possessive"]
SLOT_RE = re.compile(r"\{([A-D])(T|L|N|H|P|G|FR|U|I|PNR)?\}|\{([a-d])\}")


class Cycler:
    """Balanced, deterministic draws: each item once per shuffled round."""

    def __init__(self, rng, items):
        self.rng, self.items, self.queue = rng, list(items), []

    def next(self, ok=None):
        for _ in range(2 * len(self.items) + 2):
            if not self.queue:
                self.queue = list(self.items)
                self.rng.shuffle(self.queue)
            item = self.queue.pop()
            if ok is None or ok(item):
                return item
        raise RuntimeError("no acceptable item")


def letters_in(text):
    return sorted({(m.group(1) or m.group(3)).upper() for m in SLOT_RE.finditer(text)})


def render(rng, text, persons, form, slot_hint=None):
    """Replaces person slots; returns (text, [(value, slot)]) or None if a slot cannot be filled."""
    ents = []

    def rep(m):
        letter = (m.group(1) or m.group(3)).upper()
        kind = m.group(2) if m.group(1) else "given"
        p = persons[letter]
        if kind is None:
            ents.append((p["full"], "full"))
            return p["full"]
        if kind == "given":
            name = p["given"]
            if p["nick"] and form in ("given_in_context", "lower", "mention") and rng.random() < 0.3:
                name = p["nick"]
            ents.append((name, "given"))
            return name
        if kind == "T":
            s, v = titled_en(rng, p)
            ents.append((v, "title_en"))
            return s
        if kind == "L":
            r = titled_local(rng, p)
            if r is None:
                raise KeyError("no local title")
            ents.append((r[1], "title_local"))
            return r[0]
        if kind == "N":
            if not p["family"]:
                raise KeyError("no family")
            fam = p["family"].upper() if rng.random() < 0.25 else p["family"]
            given_part = p["full"].replace(p["family"], "").strip() if p["family"] in p["full"] else p["given"]
            given_part = re.sub(r"\s+", " ", re.sub(r"\b(bin|binti)\b", " ", given_part)).strip()
            v = f"{fam}, {given_part}"
            ents.append((v, "last_first"))
            return v
        if kind == "H":
            h = handle(rng, p)
            ents.append((h, "handle"))
            return h
        if kind == "P":
            name = p["given"]
            ents.append((name, "given"))
            return possessive(rng, name)
        raise KeyError(kind)

    try:
        out = SLOT_RE.sub(rep, text)
    except KeyError:
        return None
    return out, ents


def tokens_ok(text, values):
    expected = Counter()
    for v in values:
        expected.update(name_tokens(v))
    norm = unicodedata.normalize("NFKC", text)
    return all(count_word(t, norm) == n for t, n in expected.items())


def distinct_people(persons):
    seen = set()
    for p in persons.values():
        toks = set(name_tokens(p["full"])) | set(name_tokens(p["given"])) | set(name_tokens(p["nick"] or ""))
        if toks & seen:
            return False
        seen |= toks
    return True


def person_line(rng, pools, form, template, culture_cycle, cyclers):
    shape, text = template
    letters = letters_in(text) or ["A"]
    for _ in range(200):
        persons = {}
        for i, letter in enumerate(letters):
            need = None
            if form == "hyphen_apostrophe" and i == 0:
                if re.search(r"\{A(T|L)\}", text):
                    need = "hyph_fam"
                elif re.search(r"\{a\}|\{AP\}", text):
                    need = "hyph_given"
                else:
                    need = "hyph"
                key = (form, need)
                if key not in cyclers:
                    cyclers[key] = Cycler(rng, [c for c in pools.cultures if pools.subpools(c, need)])
                culture = cyclers[key].next()
            elif form == "title_local" and i == 0:
                if form not in cyclers:
                    cyclers[form] = Cycler(rng, [c for c in pools.cultures if c in T.LOCAL_TITLES])
                culture = cyclers[form].next()
            else:
                culture = culture_cycle.next()
            persons[letter] = make_person(rng, pools, culture, need)
        if not distinct_people(persons):
            continue
        a = persons["A"]
        if form == "last_first" and any(not p["family"] for p in persons.values()):
            continue
        if form == "sentence_start" and not a["full"][:1].isupper():
            continue
        if form == "title_local" and titled_local(rng, a) is None:
            continue
        filled = fill_common(rng, text, a["culture"])
        if "{PNR}" in filled:
            if not a["family"]:
                continue
            v = f"{ascii_fold(a['family']).upper().replace(' ', '')}/{ascii_fold(a['given']).upper().replace(' ', '')}"
            filled = filled.replace("{PNR}", f"{v} {'MS' if a['gender'] == 'f' else 'MR'}")
            pnr_ent = [(v, "pnr")]
        else:
            pnr_ent = []
        r = render(rng, filled, persons, form)
        if r is None:
            continue
        out, ents = r
        ents = pnr_ent + ents
        if form == "caps":
            out = out.upper()
            ents = [(v.upper(), s) for v, s in ents]
        elif form == "lower":
            out = lower(out)
            ents = [(lower(v), s) for v, s in ents]
        if not tokens_ok(out, [v for v, _ in ents]):
            continue
        doc, path = shape_doc(rng, shape, out)
        # person letters in entity order: follow the order of slots in the text
        order = [(m.group(1) or m.group(3)).upper() for m in SLOT_RE.finditer(filled)]
        if pnr_ent:
            order = ["A"] + order
        entities = []
        for (v, slot), letter in zip(ents, order):
            p = persons[letter]
            entities.append({"type": "PERSON", "value": v, "path": path, "form": form, "slot": slot,
                             "culture": p["culture"], "source": p["source"]})
        return doc, entities
    raise RuntimeError(f"could not fill {form}: {text}")


FIELD_SLOT_RE = re.compile(r"^\{([A-D])(T|G|FR|U|I|PNR)?\}$")


def field_line(rng, pools, record, culture_cycle):
    letters = sorted(set(re.findall(r"\{([A-D])(?:T|G|FR|U|I|PNR)?\}", json.dumps(record))))
    for _ in range(200):
        persons = {l: make_person(rng, pools, culture_cycle.next()) for l in letters}
        if not distinct_people(persons):
            continue
        if any(not p["family"] for p in persons.values()) and ("FR}" in json.dumps(record) or "PNR}" in json.dumps(record)):
            continue
        entities = []
        a_culture = persons["A"]["culture"]

        def walk(node, path):
            if isinstance(node, dict):
                return {k: walk(v, f"{path}.{k}") for k, v in node.items()}
            if isinstance(node, list):
                return [walk(v, f"{path}[{i}]") for i, v in enumerate(node)]
            if not isinstance(node, str):
                return node
            s = fill_common(rng, node, a_culture)
            for key, gen in (("{TICKET}", lambda: rid(rng, "TCK-")), ("{ENC}", lambda: rid(rng, "ENC-", 7)),
                             ("{SHIP}", lambda: f"SHP{rng.randint(10 ** 9, 10 ** 10 - 1)}"),
                             ("{REVIEW}", lambda: rid(rng, "r", 7)), ("{PAY}", lambda: f"pay_{hexid(rng, 10)}"),
                             ("{ACC}", lambda: rid(rng, "ACC-", 5)), ("{TRIP}", lambda: f"trip_{hexid(rng, 8)}"),
                             ("{BOOK}", lambda: rid(rng, "BK", 8)), ("{POL}", lambda: rid(rng, "POL-", 8)),
                             ("{LEASE}", lambda: rid(rng, "L-", 6)),
                             ("{PNRCODE}", lambda: "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6)))):
                if key in s:
                    s = s.replace(key, gen())
            m = re.search(r"\{([A-D])(T|G|FR|U|I|PNR)?\}", s)
            while m:
                p = persons[m.group(1)]
                kind = m.group(2)
                if kind is None:
                    rep, val, slot = p["full"], p["full"], "full"
                elif kind == "G":
                    rep, val, slot = p["given"], p["given"], "given"
                elif kind == "FR":
                    rep, val, slot = p["family"], p["family"], "family"
                elif kind == "U":
                    rep = ascii_fold(p["full"]).upper() if rng.random() < 0.5 else p["full"].upper()
                    val, slot = rep, "full"
                elif kind == "I":
                    rep, val, slot = (p["family"] or "X")[0].upper(), None, None
                elif kind == "T":
                    rep, val = titled_en(rng, p)
                    slot = "title_en"
                elif kind == "PNR":
                    v = f"{ascii_fold(p['family']).upper().replace(' ', '')}/{ascii_fold(p['given']).upper().replace(' ', '')}"
                    rep, val, slot = f"{v} {'MS' if p['gender'] == 'f' else 'MR'}", v, "pnr"
                s = s[:m.start()] + rep + s[m.end():]
                if val is not None:
                    entities.append({"type": "PERSON", "value": val, "path": path, "form": "field", "slot": slot,
                                     "culture": p["culture"], "source": p["source"]})
                m = re.search(r"\{([A-D])(T|G|FR|U|I|PNR)?\}", s)
            return s

        doc = walk(record, "$")
        ok = True
        by_path = {}
        for e in entities:
            by_path.setdefault(e["path"], []).append(e["value"])
        for path, values in by_path.items():
            from_doc = get_path(doc, path)
            if not tokens_ok(from_doc, values):
                ok = False
        if ok:
            return doc, entities
    raise RuntimeError("field")


def get_path(doc, path):
    cur = doc
    for key, idx in re.findall(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]", path):
        cur = cur[key] if key else cur[int(idx)]
    return cur


def person_corpus(rng, pools):
    culture_cycle = Cycler(rng, pools.cultures)
    cyclers = {}
    lines = []
    for form, n in FORM_LINES.items():
        if form == "field":
            cyc = Cycler(rng, range(len(T.FIELD_RECORDS)))
            for _ in range(n):
                lines.append(field_line(rng, pools, T.FIELD_RECORDS[cyc.next()], culture_cycle))
            continue
        if form == "hyphen_apostrophe":
            templates = [t for f in HYPHEN_SOURCE_FORMS for t in T.PERSON_TEMPLATES[f]]
        else:
            templates = T.PERSON_TEMPLATES[form]
        cyc = Cycler(rng, range(len(templates)))
        for _ in range(n):
            lines.append(person_line(rng, pools, form, templates[cyc.next()], culture_cycle, cyclers))
    rng.shuffle(lines)
    return lines


# --------------------------------------------------------------------------------------------------
# look-alike corpus
# --------------------------------------------------------------------------------------------------
SLOT_CATEGORY = {"weekday": "weekday", "month": "month", "product": "product", "brand": "brand", "tech": "tech",
                 "city": "city", "country": "country", "team": "team", "plan": "plan", "project": "project",
                 "initial": "initial", "ui": "ui_label", "heading": "heading", "holiday": "holiday",
                 "org": "organisation", "drug": "drug", "street": "street", "work": "work_title",
                 "dept": "department", "lang": "language", "assistant": "assistant"}
LA_SLOT_RE = re.compile(r"\{([a-z]+?)(2)?\}")
NAMELIKE_P = {"brand": 0.16, "tech": 0.18, "city": 0.12, "street": 0.22, "work": 0.3, "assistant": 0.45}
LOOKALIKE_LINES = 1100
RECORD_SHARE, CAPS_SHARE, NAME_SHARE = 0.15, 0.08, 0.10


def fill_lookalikes(rng, text, caps=False):
    keeps = []
    used = set()

    def rep(m):
        slot = m.group(1)
        cat = SLOT_CATEGORY[slot]
        if slot in NAMELIKE_P and rng.random() < NAMELIKE_P[slot]:
            cat = T.NAMELIKE_OF[slot]
        for _ in range(50):
            v = rng.choice(T.LOOKALIKES[cat])
            if v not in used:
                break
        used.add(v)
        keeps.append((v, cat))
        return v

    out = LA_SLOT_RE.sub(rep, text)
    return out, keeps


def lookalike_counts_ok(text, keeps, names=()):
    norm = unicodedata.normalize("NFKC", text)
    planted = Counter(v.lower() for v, _ in keeps)
    for v, n in planted.items():
        if count_word(v, norm) != n:
            return False
    # no look-alike inside another one at the same path ("Monday" in "Cyber Monday")
    vals = [v for v, _ in keeps]
    for a in vals:
        for b in vals:
            if a != b and count_word(a, b) > 0:
                return False
    return tokens_ok(text, names) if names else True


def lookalike_line(rng, pools, culture_cycle, kind, template):
    for _ in range(300):
        if kind == "record":
            record = template
            keeps_all, entities = [], []

            def walk(node, path):
                if isinstance(node, dict):
                    return {k: walk(v, f"{path}.{k}") for k, v in node.items()}
                if isinstance(node, list):
                    return [walk(v, f"{path}[{i}]") for i, v in enumerate(node)]
                if node == "{CUST}":
                    return rid(rng, "C-", 7)
                if isinstance(node, str) and LA_SLOT_RE.search(node):
                    s, keeps = fill_lookalikes(rng, node)
                    keeps_all.extend((v, c, path) for v, c in keeps)
                    return s
                return node

            doc = walk(record, "$")
            vals = [v for v, _, _ in keeps_all]
            if len(set(vals)) != len(vals):
                continue
            keep = [{"value": v, "path": p, "category": c, "form": "field"} for v, c, p in keeps_all]
            return doc, entities, keep
        shape, text = template
        out, keeps = fill_lookalikes(rng, text)
        names, entities = [], []
        add_name = kind == "name"
        caps = kind == "caps"
        person = None
        if add_name:
            person = make_person(rng, pools, culture_cycle.next())
            if rng.random() < 0.5:
                closing = rng.choice(T.CLOSINGS)
                who = person["full"] if rng.random() < 0.5 else person["given"]
                out = f"{out}\n\n{closing}\n{who}"
                form = "signature"
            else:
                who = person["given"]
                out = f"{rng.choice(['Hi', 'Hello', 'Dear'])} {who},\n\n{out}"
                form = "salutation"
            names = [who]
        if caps:
            out = out.upper()
            keeps = [(v.upper(), c) for v, c in keeps]
        if not lookalike_counts_ok(out, keeps, names):
            continue
        if person is not None and any(t in {x.lower() for v, _ in keeps for x in re.findall(r"[^\W\d_]+", v)}
                                      for t in name_tokens(person["full"])):
            continue
        doc, path = shape_doc(rng, shape, out)
        keep = [{"value": v, "path": path, "category": c, "form": "caps" if caps else "plain"} for v, c in keeps]
        if person is not None:
            entities.append({"type": "PERSON", "value": names[0], "path": path, "form": form,
                             "slot": "full" if names[0] == person["full"] else "given",
                             "culture": person["culture"], "source": person["source"]})
        return doc, entities, keep
    raise RuntimeError(f"lookalike: {template}")


def lookalike_corpus(rng, pools):
    culture_cycle = Cycler(rng, pools.cultures)
    tcyc = Cycler(rng, range(len(T.LOOKALIKE_TEMPLATES)))
    rcyc = Cycler(rng, range(len(T.LOOKALIKE_RECORDS)))
    lines = []
    for i in range(LOOKALIKE_LINES):
        r = rng.random()
        if r < RECORD_SHARE:
            lines.append(lookalike_line(rng, pools, culture_cycle, "record", T.LOOKALIKE_RECORDS[rcyc.next()][0]))
        elif r < RECORD_SHARE + CAPS_SHARE:
            lines.append(lookalike_line(rng, pools, culture_cycle, "caps", T.LOOKALIKE_TEMPLATES[tcyc.next()]))
        elif r < RECORD_SHARE + CAPS_SHARE + NAME_SHARE:
            lines.append(lookalike_line(rng, pools, culture_cycle, "name", T.LOOKALIKE_TEMPLATES[tcyc.next()]))
        else:
            lines.append(lookalike_line(rng, pools, culture_cycle, "plain", T.LOOKALIKE_TEMPLATES[tcyc.next()]))
    return lines


# --------------------------------------------------------------------------------------------------
def banned_tokens():
    """Lower-case words that no name token may be: every look-alike word and every word of the fixed texts
    (so that a surviving name token can only be the planted one)."""
    words = set()
    for vals in T.LOOKALIKES.values():
        for v in vals:
            words.update(t.lower() for t in re.findall(r"[^\W\d_]+", v))
    fixed = []
    for templates in T.PERSON_TEMPLATES.values():
        fixed += [re.sub(r"\{[^}]*\}", " ", t) for _, t in templates]
    fixed += [re.sub(r"\{[^}]*\}", " ", t) for _, t in T.LOOKALIKE_TEMPLATES]
    def values(node):
        if isinstance(node, dict):
            return [x for v in node.values() for x in values(v)]
        if isinstance(node, list):
            return [x for v in node for x in values(v)]
        return [node] if isinstance(node, str) else []
    fixed += values(T.FIELD_RECORDS)  # string values only: keys never share a string with a name
    for lst in (T.EMAIL_BODIES, T.GREETINGS, T.CLOSINGS, T.ROLES, T.COMPANIES, T.AGENT_LINES, T.CUSTOMER_LINES,
                T.HR_LINES, T.REVIEW_LINES, T.TICKET_SUBJECTS, T.EMAIL_SUBJECTS, T.CHAT_AGENT_FILLERS,
                T.CHAT_CUSTOMER_FILLERS, T.SYSTEM_PROMPTS, T.LLM_RESPONSES, T.LLM_PROMPTS, APPS, EMAIL_WORDS):
        fixed += lst
    for s in fixed:
        words.update(t.lower() for t in re.findall(r"[^\W\d_]+", re.sub(r"\{[^}]*\}", " ", s)) if len(t) >= 2)
    return words


def write(out_dir, name, lines):
    with open(os.path.join(out_dir, f"{name}.input.jsonl"), "w", encoding="utf-8") as fi, \
            open(os.path.join(out_dir, f"{name}.labels.jsonl"), "w", encoding="utf-8") as fl:
        for i, (doc, entities, *rest) in enumerate(lines, 1):
            keep = rest[0] if rest else []
            fi.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n")
            fl.write(json.dumps({"line": i, "entities": entities, "keep": keep}, ensure_ascii=False,
                                separators=(",", ":")) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "corpora"))
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    pools = Pools(banned_tokens())
    rng = random.Random(args.seed)
    person = person_corpus(rng, pools)
    looks = lookalike_corpus(rng, pools)
    os.makedirs(args.out, exist_ok=True)
    write(args.out, "holdout2_person", person)
    write(args.out, "holdout2_lookalikes", looks)
    ents = [e for _, es in person for e in es]
    keeps = [k for _, _, ks in looks for k in ks]
    print(f"holdout2_person: {len(person)} lines, {len(ents)} PERSON; "
          f"holdout2_lookalikes: {len(looks)} lines, {len(keeps)} look-alikes, "
          f"{sum(len(es) for _, es, _ in looks)} PERSON (casual {N.casual_version()})")
    if args.check:
        for key in ("form", "culture", "slot"):
            print(key, sorted(Counter(e[key] for e in ents).items()))
        print("source", sorted(Counter(e["source"].split(":")[0] for e in ents).items()))
        cats = Counter(k["category"] for k in keeps)
        print("category", sorted(cats.items()))
        nl = sum(v for c, v in cats.items() if c.endswith("_namelike"))
        print(f"namelike share {nl}/{len(keeps)} = {nl / len(keeps):.3f}")


if __name__ == "__main__":
    main()
