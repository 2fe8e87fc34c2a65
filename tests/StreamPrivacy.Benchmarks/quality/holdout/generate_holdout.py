#!/usr/bin/env python3
"""Generates the held-out PERSON corpora (fixed seed, deterministic).

usage: python3 generate_holdout.py [--out corpora]

Writes holdout_person.{input,labels}.jsonl and holdout_lookalikes.{input,labels}.jsonl in the label
schema of ../corpora (see ../README.md), so ../score.py scores them unchanged (`--names`).
Needs Debian's faker and php-faker (apt-get install -y faker php-faker); only their name lists are
read. See README.md in this folder for the sources and the forms.
"""
import argparse
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(1, os.path.dirname(HERE))

import holdout_pools as pools  # noqa: E402
import holdout_texts as T  # noqa: E402
from corpus_util import Line, get_path  # noqa: E402

SEED = 0x5EED_2A17
# lines per form of the person corpus
PERSON_FORMS = {
    "full_name": 150, "given_in_context": 150, "sentence_start": 140, "title": 120, "title_foreign": 150,
    "salutation": 150, "signature": 160, "possessive": 150, "hyphen_apostrophe": 170, "caps": 140,
    "lower": 150, "list": 110, "field": 200, "quoted": 140, "last_first": 130, "with_contact": 150,
}
LOOKALIKE_LINES = 1100
PHONE_PREFIX = {
    "nordic": ["+358 40 ### ####", "+46 70 ### ## ##", "+47 ### ## ###", "+45 ## ## ## ##", "+354 ### ####"],
    "baltic": ["+370 6## #####", "+371 2### ####", "+372 5### ####"],
    "hungarian_romanian": ["+36 30 ### ####", "+40 7## ### ###"],
    "south_slavic_slovak": ["+386 41 ### ###", "+421 9## ### ###", "+381 6# ### ####", "+382 67 ### ###"],
    "greek_bulgarian": ["+30 69# ### ####", "+359 88 ### ####"],
    "caucasus_central_asian": ["+995 5## ## ## ##", "+374 9# ######", "+7 70# ### ####", "+976 99## ####"],
    "southeast_asian": ["+62 81# #### ####", "+66 8# ### ####", "+60 1#-### ####", "+63 9## ### ####"],
    "southern_african": ["+27 8# ### ####"],
    "east_african": ["+256 7## ######", "+254 7## ######", "+255 7## ### ###", "+251 9# ### ####", "+252 61 #######"],
    "south_asian": ["+94 7# ### ####", "+91 9#### #####", "+880 17##-######", "+977 98#-#######"],
    "west_asian": ["+93 7# ### ####", "+98 912 ### ####"],
    "pacific": ["+64 21 ### ####", "+685 7# #####", "+676 7## ####", "+679 9## ####"],
}
MAIL_DOMAINS = ["example.com", "example.net", "example.org", "mail.example.com", "corp.example.net"]


class Gen:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        vocab = set()
        for values in T.LOOKALIKES.values():
            for v in values:
                vocab.update(pools._word_tokens(v))
        pools.EXTRA_EXCLUDED.update(vocab)
        self.sources = pools.build_sources()
        self.by_culture = {}
        for s in self.sources:
            if s.key == "hand:apostrophe":
                continue
            self.by_culture.setdefault(s.culture, []).append(s)
        self.cultures = sorted(self.by_culture)
        self.apostrophe_src = next(s for s in self.sources if s.key == "hand:apostrophe")
        self.uid = 0

    # ----------------------------------------------------------------------------- helpers
    def person(self, ok=None):
        for _ in range(200):
            culture = self.rng.choice(self.cultures)
            src = self.rng.choice(self.by_culture[culture])
            p = src.draw(self.rng)
            if ok is None or ok(p):
                return p
        raise RuntimeError("no person matches")

    def digits(self, pattern):
        return "".join(str(self.rng.randrange(10)) if c == "#" else c for c in pattern)

    def phone(self, culture):
        return self.digits(self.rng.choice(PHONE_PREFIX[culture]))

    def email(self, p):
        local = self.rng.choice([
            f"{p.given[0].lower()}.{p.family[0].lower()}.{self.rng.randrange(10, 99)}",
            f"{p.given[0].lower()}{p.family[0].lower()}{self.rng.randrange(100, 9999)}",
            f"user{self.rng.randrange(1000, 99999)}", f"contact{self.rng.randrange(10, 999)}"])
        local = re.sub(r"[^a-z0-9.]", "x", local)
        return f"{local}@{self.rng.choice(MAIL_DOMAINS)}"

    def company(self):
        return f"{self.rng.choice(T.COMPANY_STEMS)} {self.rng.choice(T.COMPANY_KINDS)}"

    def order(self):
        return f"{self.rng.choice(['ORD', 'INV', 'CASE', 'TCK'])}-{self.rng.randrange(10000, 999999)}"

    def uuid(self):
        h = "%032x" % self.rng.getrandbits(128)
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def ts(self):
        return f"2024-{self.rng.randrange(1, 13):02d}-{self.rng.randrange(1, 29):02d}T" \
               f"{self.rng.randrange(24):02d}:{self.rng.randrange(60):02d}:{self.rng.randrange(60):02d}Z"

    def pos(self, name):
        if name[-1].lower() in "sxz":
            return name + self.rng.choice(["'s", "’s", "'", "’"])
        return name + self.rng.choice(["'s", "'s", "’s"])

    # ----------------------------------------------------------------------------- containers
    def container(self, text, kind=None, text2=None):
        """Wraps free text in one of the document shapes; returns (doc, path of the text)."""
        r = self.rng
        kind = kind or r.choice(["ticket", "chat_user", "chat_assistant", "completion", "email", "crm", "meeting",
                                 "review"])
        if kind == "ticket":
            doc = {"ticket_id": f"HD-{r.randrange(100000, 999999)}", "queue": r.choice(["billing", "tech", "sales"]),
                   "status": "open", "subject": r.choice(["Question about my order", "Login issue", "Refund",
                                                          "Account change", "Delivery problem"]),
                   "description": text}
            return doc, "$.description"
        if kind == "chat_user":
            doc = {"conversation_id": self.uuid(), "turn": r.randrange(1, 12),
                   "messages": [{"role": "user", "content": text},
                                {"role": "assistant", "content": text2 or "Thanks, I'll look into it."}]}
            return doc, "$.messages[0].content"
        if kind == "chat_assistant":
            doc = {"conversation_id": self.uuid(), "turn": r.randrange(1, 12),
                   "messages": [{"role": "user", "content": text2 or r.choice(
                       ["Draft a reply for me.", "What did the customer say?", "Summarise the last message.",
                        "Rewrite this more politely."])},
                                {"role": "assistant", "content": text}]}
            return doc, "$.messages[1].content"
        if kind == "completion":
            doc = {"request_id": f"req_{r.randrange(10**7, 10**8)}",
                   "model": {"name": r.choice(["support-drafter", "note-summariser", "triage-small"]),
                             "version": f"{r.randrange(1, 4)}.{r.randrange(10)}.{r.randrange(10)}"},
                   "completion": text}
            return doc, "$.completion"
        if kind == "email":
            doc = {"message_id": f"<{r.getrandbits(48):x}@mail.example.com>", "direction": r.choice(["inbound", "outbound"]),
                   "subject": r.choice(["Re: your request", "Follow-up", "Documents", "Update", "Fwd: schedule"]),
                   "body": text}
            return doc, "$.body"
        if kind == "crm":
            doc = {"account": {"id": f"ACC-{r.randrange(10000, 99999)}", "segment": r.choice(["smb", "mid", "ent"])},
                   "note": {"created_at": self.ts(), "text": text}}
            return doc, "$.note.text"
        if kind == "meeting":
            doc = {"meeting_id": f"mtg-{r.randrange(1000, 9999)}", "duration_min": r.choice([15, 30, 45, 60]),
                   "notes": text}
            return doc, "$.notes"
        if kind == "chat_room":
            doc = {"channel": r.choice(["#ops", "#support", "#random", "#eng-backend"]),
                   "user_id": f"U{r.randrange(10**7, 10**8)}", "ts": self.ts(), "text": text}
            return doc, "$.text"
        if kind == "sms":
            doc = {"sms": {"received_at": self.ts(), "body": text}}
            return doc, "$.sms.body"
        # review comment
        doc = {"repo": r.choice(["billing-api", "mobile-app", "infra"]), "pr": r.randrange(100, 9999),
               "comment": {"body": text}}
        return doc, "$.comment.body"

    # ----------------------------------------------------------------------------- rendering
    def render(self, template, people, form, extra=None):
        """Fills a person template. Returns (text, [(value, slot, person)])."""
        r = self.rng
        ents = []
        extra = extra or {}
        p0 = people[0]

        def title_for(p, kind):
            g = p.gender if p.gender in ("m", "f") else r.choice("mf")
            if kind == "en":
                return r.choice(T.TITLES_EN[g]), False
            native = T.TITLES_NATIVE.get(p.source)
            given_t = T.GIVEN_TITLES.get(p.source)
            if given_t and r.random() < 0.7:
                return r.choice(given_t[g]), True
            if native and r.random() < 0.6:
                return r.choice(native[g]), False
            return r.choice(T.TITLES_EU[g]), False

        state = {"by_given": False}

        def repl(m):
            key = m.group(1)
            idx = int(m.group(2)) - 1 if m.group(2) else 0
            if key in extra:
                return extra[key]
            p = people[idx] if idx < len(people) else None
            if key == "full":
                ents.append((p.full(), "full", p)); return p.full()
            if key == "given":
                ents.append((p.given, "given", p)); return p.given
            if key == "addr":
                v = p.given if state["by_given"] else p.addr()
                ents.append((v, "addr", p)); return v
            if key in ("full_pos", "given_pos", "addr_pos"):
                v = {"full_pos": p.full(), "given_pos": p.given, "addr_pos": p.addr()}[key]
                ents.append((v, key[:-4], p)); return self.pos(v)
            if key in ("last_first", "last_first_caps"):
                fam = p.family.upper() if key == "last_first_caps" else p.family
                v = f"{fam}, {p.given}"
                ents.append((v, "last_first", p)); return v
            if key == "title":
                t, _ = title_for(p0, "en"); return t
            if key == "ftitle":
                t, by_given = title_for(p0, "foreign")
                state["by_given"] = by_given or p0.addressed_by_given
                return t
            if key == "de_title":
                return "Herr" if p0.gender == "m" else "Frau"
            if key == "r_de":
                return "r" if p0.gender == "m" else ""
            if key == "es_title":
                return "Sr." if p0.gender == "m" else "Sra."
            if key == "o_es":
                return "o" if p0.gender == "m" else "a"
            if key == "given_title":
                return "Pak" if p0.gender == "m" else "Ibu"
            if key in ("pron", "pron_cap", "obj"):
                w = {"pron": {"m": "he", "f": "she"}, "pron_cap": {"m": "He", "f": "She"},
                     "obj": {"m": "him", "f": "her"}}[key][p0.gender if p0.gender in "mf" else "f"]
                return w
            if key == "day":
                return r.choice(T.DAYS)
            if key == "time":
                return r.choice(T.TIMES)
            if key in ("order", "num"):
                return self.order()
            if key == "ext":
                return str(r.randrange(100, 9999))
            if key == "email":
                return self.email(p0)
            if key == "phone":
                return self.phone(p0.culture)
            if key == "job":
                return r.choice(T.JOBS)
            if key == "company":
                return self.company()
            if key == "closing":
                return r.choice(T.CLOSINGS)
            if key == "body":
                return r.choice(T.SIGNATURE_BODIES)
            raise KeyError(key)

        # a foreign title decides whether {addr} is the given name, so titles are resolved first
        text = re.sub(r"\{(\w+?)(\d)?\}", repl, template)
        return text, ents

    # ----------------------------------------------------------------------------- person lines
    def hyphen_person(self):
        r = self.rng
        kind = r.choice(["pool", "pool", "compound_given", "double_family", "apostrophe"])
        if kind == "apostrophe":
            return self.apostrophe_src.draw(r)
        if kind == "pool":
            def has(p):
                return any(c in p.full() for c in "-'")
            for _ in range(400):
                p = self.person()
                if has(p):
                    return p
            return self.apostrophe_src.draw(r)
        if kind == "compound_given":
            cultures = ["nordic", "baltic", "hungarian_romanian", "greek_bulgarian", "south_slavic_slovak"]
            src = r.choice([s for c in cultures for s in self.by_culture[c] if not s.patronymic])
            p = src.draw(r)
            second = src.draw(r, p.gender).given
            if second != p.given and " " not in second:
                p.given = f"{p.given}-{second}"
            return p
        cultures = ["nordic", "south_slavic_slovak", "southern_african", "hungarian_romanian"]
        src = r.choice([s for c in cultures for s in self.by_culture[c] if not s.patronymic])
        p = src.draw(r)
        other = src.draw(r, p.gender).family
        if other != p.family:
            p.family = f"{p.family}-{other}"
        return p

    def person_line(self, form):
        r = self.rng
        if form == "field":
            return self.field_line()
        n_people = 1
        template_pool = {
            "full_name": T.FULL_NAME, "given_in_context": T.GIVEN_IN_CONTEXT, "sentence_start": T.SENTENCE_START,
            "title": T.TITLE_EN, "title_foreign": T.TITLE_FOREIGN, "salutation": T.SALUTATION,
            "possessive": T.POSSESSIVE, "caps": T.CAPS, "lower": T.LOWER, "list": T.LIST, "quoted": T.QUOTED,
            "last_first": T.LAST_FIRST, "with_contact": T.WITH_CONTACT, "signature": T.SIGNATURE_SHAPES,
            "hyphen_apostrophe": T.FULL_NAME + T.SENTENCE_START + T.POSSESSIVE + T.TITLE_EN,
        }[form]
        template = r.choice(template_pool)
        n_people = max([1] + [int(d) for d in re.findall(r"\{\w+?(\d)\}", template)])
        if form == "hyphen_apostrophe":
            people = [self.hyphen_person()]
        elif form == "last_first":
            people = [self.person(lambda p: not p.particle and not p.family_first and not p.addressed_by_given)
                      for _ in range(n_people)]
        else:
            people = [self.person() for _ in range(n_people)]
        text, ents = self.render(template, people, form)
        if form == "caps":
            text = text.upper()
            ents = [(v.upper(), s, p) for v, s, p in ents]
        elif form == "lower":
            text = text.lower()
            ents = [(v.lower(), s, p) for v, s, p in ents]
        kinds = {"salutation": ["email", "email", "ticket", "chat_assistant", "completion"],
                 "signature": ["email", "email", "email", "ticket", "completion"],
                 "lower": ["chat_room", "chat_user", "sms"],
                 "caps": ["ticket", "sms", "email", "crm"],
                 "with_contact": ["email", "crm", "ticket", "chat_user", "completion"]}.get(form)
        doc, path = self.container(text, r.choice(kinds) if kinds else None)
        return doc, [(path, v, s, p) for v, s, p in ents]

    def field_line(self):
        r = self.rng
        shape = r.choice(T.FIELD_SHAPES)
        p = self.person()
        meta = {"record_id": f"rec_{r.randrange(10**6, 10**7)}", "updated_at": self.ts()}
        e = []
        if shape == "customer_name":
            doc = {**meta, "customer_name": p.full(), "plan": "annual", "seats": r.randrange(1, 50)}
            e = [("$.customer_name", p.full(), "full", p)]
        elif shape == "contact_split":
            doc = {**meta, "contact": {"first_name": p.given, "last_name": p.family, "role": "billing"}}
            e = [("$.contact.first_name", p.given, "given", p), ("$.contact.last_name", p.family, "family", p)]
        elif shape in ("assignee", "reviewer", "signatory", "recipient", "requested_by", "approver", "driver_name",
                       "tenant_name", "beneficiary_name", "caller_name"):
            v = p.given if shape == "reviewer" and r.random() < 0.3 else p.full()
            doc = {**meta, shape: v, "state": r.choice(["pending", "done", "in_review"])}
            e = [(f"$.{shape}", v, "given" if v == p.given else "full", p)]
        elif shape == "owner_obj":
            doc = {**meta, "owner": {"name": p.full(), "team": "platform"}}
            e = [("$.owner.name", p.full(), "full", p)]
        elif shape == "patient_obj":
            doc = {**meta, "patient": {"name": p.full(), "mrn": f"MRN{r.randrange(10**6, 10**7)}", "ward": "4B"}}
            e = [("$.patient.name", p.full(), "full", p)]
        elif shape == "passenger_name":
            v = f"{p.family.upper()}/{p.given.upper()} {'MR' if p.gender == 'm' else 'MS'}"
            doc = {**meta, "pnr": self.digits("######"), "passenger_name": v}
            e = [("$.passenger_name", f"{p.family.upper()}/{p.given.upper()}", "last_first", p)]
        elif shape == "emergency_contact":
            doc = {**meta, "emergency_contact": {"full_name": p.full(), "relation": r.choice(["sister", "spouse",
                                                                                              "father", "friend"])}}
            e = [("$.emergency_contact.full_name", p.full(), "full", p)]
        elif shape == "attendees":
            q = self.person()
            doc = {**meta, "attendees": [p.full(), q.full()]}
            e = [("$.attendees[0]", p.full(), "full", p), ("$.attendees[1]", q.full(), "full", q)]
        elif shape == "author_obj":
            doc = {**meta, "author": {"display_name": p.full(), "id": r.randrange(1000, 99999)}}
            e = [("$.author.display_name", p.full(), "full", p)]
        elif shape == "guest_split":
            doc = {**meta, "guest": {"given_name": p.given, "family_name": p.family, "nights": r.randrange(1, 9)}}
            e = [("$.guest.given_name", p.given, "given", p), ("$.guest.family_name", p.family, "family", p)]
        elif shape == "preferred_name":
            doc = {**meta, "employee": {"preferred_name": p.given, "grade": "L4"}}
            e = [("$.employee.preferred_name", p.given, "given", p)]
        elif shape == "name_on_card":
            v = p.full().upper()
            doc = {**meta, "billing": {"name_on_card": v, "last4": self.digits("####")}}
            e = [("$.billing.name_on_card", v, "full", p)]
        elif shape == "applicant_split":
            doc = {**meta, "applicant": {"surname": p.family, "forenames": p.given}}
            e = [("$.applicant.surname", p.family, "family", p), ("$.applicant.forenames", p.given, "given", p)]
        elif shape == "vorname_nachname":
            doc = {**meta, "kunde": {"vorname": p.given, "nachname": p.family}}
            e = [("$.kunde.vorname", p.given, "given", p), ("$.kunde.nachname", p.family, "family", p)]
        elif shape == "nombre_completo":
            doc = {**meta, "cliente": {"nombre_completo": p.full()}}
            e = [("$.cliente.nombre_completo", p.full(), "full", p)]
        else:  # nom_prenom
            doc = {**meta, "client": {"nom": p.family, "prenom": p.given}}
            e = [("$.client.nom", p.family, "family", p), ("$.client.prenom", p.given, "given", p)]
        return doc, e

    # ----------------------------------------------------------------------------- look-alike lines
    def lookalike_line(self):
        r = self.rng
        keeps, ents = [], []
        if r.random() < 0.18:
            cat = r.choice(sorted(T.LOOKALIKE_FIELDS))
            value = r.choice(T.LOOKALIKES[cat])
            key = T.LOOKALIKE_FIELDS[cat]
            doc = {"record_id": f"rec_{r.randrange(10**6, 10**7)}", key: value,
                   "status": r.choice(["active", "archived", "draft"])}
            keeps.append({"value": value, "path": f"$.{key}", "category": cat, "form": "field"})
            return doc, ents, keeps
        template = r.choice(T.LOOKALIKE_TEMPLATES)
        planted = []

        def repl(m):
            cat = m.group(1)
            if cat == "num":
                return str(r.randrange(10, 999))
            used = {v for _, v in planted}
            value = r.choice([v for v in T.LOOKALIKES[cat] if v not in used])
            planted.append((cat, value))
            return value

        text = re.sub(r"\{(\w+)(?::\d)?\}", repl, template)
        form = "plain"
        person = None
        x = r.random()
        if x < 0.08:
            text, form = text.upper(), "caps"
        elif x < 0.22:
            person = self.person()
            if r.random() < 0.5:
                text = f"Hi {person.given},\n" + text
                ents.append(("given", person.given))
            else:
                text = text + f"\n\n— {person.full()}"
                ents.append(("full", person.full()))
        doc, path = self.container(text)
        for cat, value in planted:
            v = value.upper() if form == "caps" else value
            keeps.append({"value": v, "path": path, "category": cat, "form": form})
        ents = [(path, v, s, person) for s, v in ents]
        return doc, ents, keeps

    # ----------------------------------------------------------------------------- assembly
    def labelled(self, doc, ents, keeps, form, n):
        line = Line()
        for path, value, slot, p in ents:
            line.entities.append({"type": "PERSON", "value": value, "path": path, "form": form, "slot": slot,
                                  "culture": p.culture, "source": p.source})
        line.keep = [dict(k) for k in keeps]
        if not line.consistent(doc):
            return None
        for e in line.entities:
            text = get_path(doc, e["path"])
            if not isinstance(text, str) or e["value"] not in text:
                raise AssertionError(f"label not in text: {e} / {text!r}")
        return {"line": n, "entities": line.entities, "keep": line.keep}

    def build_person(self):
        plan = [f for f, k in PERSON_FORMS.items() for _ in range(k)]
        self.rng.shuffle(plan)
        out = []
        for form in plan:
            for _ in range(50):
                doc, ents = self.person_line(form)
                lab = self.labelled(doc, ents, [], form, len(out) + 1)
                if lab:
                    out.append((doc, lab))
                    break
            else:
                raise RuntimeError(f"could not place a consistent {form} line")
        return out

    def build_lookalikes(self):
        out = []
        while len(out) < LOOKALIKE_LINES:
            doc, ents, keeps = self.lookalike_line()
            lab = self.labelled(doc, ents, keeps, "lookalike", len(out) + 1)
            if lab:
                out.append((doc, lab))
        return out


def write(out_dir, name, rows):
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, f"{name}.input.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for doc, _ in rows:
            f.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n")
    with open(os.path.join(out_dir, f"{name}.labels.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for _, lab in rows:
            f.write(json.dumps(lab, ensure_ascii=False, separators=(",", ":")) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(HERE, "corpora"))
    args = ap.parse_args()
    g = Gen(SEED)
    person = g.build_person()
    lookalikes = g.build_lookalikes()
    write(args.out, "holdout_person", person)
    write(args.out, "holdout_lookalikes", lookalikes)
    n_ent = sum(len(l["entities"]) for _, l in person)
    n_keep = sum(len(l["keep"]) for _, l in lookalikes)
    print(f"holdout_person: {len(person)} lines, {n_ent} PERSON; holdout_lookalikes: {len(lookalikes)} lines, "
          f"{n_keep} look-alikes, {sum(len(l['entities']) for _, l in lookalikes)} PERSON", file=sys.stderr)


if __name__ == "__main__":
    main()
