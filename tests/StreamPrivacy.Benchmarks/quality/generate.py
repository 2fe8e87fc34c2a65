#!/usr/bin/env python3
"""Generates the labelled evaluation corpora in corpora/ (fixed seed, byte-identical on every run).

usage: python3 generate.py [--out corpora]

Needs Debian's `faker` (Python Faker) and `php-faker` packages for the person names (see names.py);
everything else (numbers, templates, look-alikes) is generated here. Each corpus NAME is written as
NAME.input.jsonl (what a redactor sees) and NAME.labels.jsonl (one label line per input line):
  {"line": n, "entities": [{"type", "value", "path", ...}], "keep": [{"value", "path", "category"}]}
Optional entity fields: "digits" (the digit/alphanumeric sequence that must not survive, when the
written value is not a plain rendering of it), "form" (how it was planted), "culture" (PERSON).
"""
import argparse
import json
import os
import random
import re
import string
import sys

import names as name_sources
from corpus_util import Line, get_path, luhn_digit, luhn_ok  # noqa: F401

SEED = 20261123
HERE = os.path.dirname(os.path.abspath(__file__))

# ----------------------------------------------------------------------------------------------
# helpers


# ----------------------------------------------------------------------------------------------
# value generators (structured PII)


class Values:
    AREA_CODES = [int(x) for x in """201 202 203 205 206 207 208 209 210 212 213 214 215 216 217 218 219 224 225 228
    229 231 234 239 240 248 251 252 253 254 256 260 262 267 269 270 276 281 301 302 303 304 305 307 308 309 310 312
    313 314 315 316 317 318 319 320 321 323 325 330 334 336 337 339 347 351 352 360 361 386 401 402 404 405 406 407
    408 409 410 412 413 414 415 417 419 423 425 430 432 434 435 440 443 469 478 479 480 484 501 502 503 504 505 507
    508 509 510 512 513 515 516 517 518 520 530 540 541 551 559 561 562 563 567 570 571 573 574 575 580 585 586 601
    602 603 605 606 607 608 609 610 612 614 615 616 617 618 619 620 623 626 630 631 636 641 646 650 651 660 661 662
    678 682 701 702 703 704 706 707 708 712 713 714 715 716 717 718 719 720 724 727 731 732 734 740 754 757 760 763
    765 770 772 773 774 775 781 785 786 801 802 803 804 805 806 808 810 812 813 814 815 816 817 818 828 830 831 832
    843 845 847 848 850 856 857 858 859 860 862 863 864 865 870 872 878 901 903 904 906 907 908 909 910 912 913 914
    915 916 917 918 919 920 925 928 931 936 937 940 941 947 949 951 952 954 956 970 971 972 973 978 979 980 985
    989""".split()]

    CARD_BRANDS = [  # (name, prefixes, lengths, grouping)
        ("visa", ["4"], [16], (4, 4, 4, 4)),
        ("mastercard", ["51", "52", "53", "54", "55", "2221", "2300", "2720"], [16], (4, 4, 4, 4)),
        ("amex", ["34", "37"], [15], (4, 6, 5)),
        ("discover", ["6011", "65", "644"], [16], (4, 4, 4, 4)),
        ("jcb", ["3528", "3530", "3566", "3589"], [16], (4, 4, 4, 4)),
        ("diners", ["36", "38"], [14], (4, 6, 4)),
        ("unionpay", ["62"], [16, 19], (4, 4, 4, 4, 3)),
        ("maestro", ["6759", "5018"], [16], (4, 4, 4, 4)),
        ("visa13", ["4"], [13], (4, 4, 5)),
    ]

    IBAN_SPECS = {  # country: BBAN layout (n digit, a upper letter, c alphanumeric)
        "DE": "n" * 18, "GB": "aaaa" + "n" * 14, "FR": "n" * 10 + "c" * 11 + "nn", "ES": "n" * 20,
        "IT": "a" + "n" * 10 + "c" * 12, "NL": "aaaa" + "n" * 10, "BE": "n" * 12, "CH": "n" * 5 + "c" * 12,
        "PL": "n" * 24, "AT": "n" * 16, "IE": "aaaa" + "n" * 14, "PT": "n" * 21, "SE": "n" * 20,
        "NO": "n" * 11, "DK": "n" * 14, "FI": "n" * 14, "LU": "nnn" + "c" * 13, "TR": "n" * 5 + "0" + "c" * 16,
    }

    EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.co.uk", "icloud.com", "proton.me",
                     "gmx.de", "web.de", "orange.fr", "libero.it", "wp.pl", "yandex.ru", "mail.ru", "rediffmail.com",
                     "yahoo.co.in", "naver.com", "qq.com", "163.com", "acme-logistics.com", "northwind.io",
                     "contoso.de", "fabrikam.co.uk", "globex-corp.com", "initech.net", "umbrella-health.org",
                     "cs.uni-heidelberg.de", "student.unimelb.edu.au", "nhs.net", "city.gov.uk", "lagosfintech.ng",
                     "tatva.in", "sakura-soft.co.jp", "hanbit.co.kr", "example-shop.fr", "aol.com", "fastmail.fm"]

    def __init__(self, rng, people):
        self.r = rng
        self.people = people

    def digits(self, n):
        return "".join(self.r.choice(string.digits) for _ in range(n))

    # cards
    def card_number(self, brand=None):
        r = self.r
        name, prefixes, lengths, grouping = brand or r.choice(self.CARD_BRANDS)
        prefix = r.choice(prefixes)
        length = r.choice(lengths)
        payload = prefix + self.digits(length - len(prefix) - 1)
        return payload + luhn_digit(payload), grouping

    def card(self, sep=None):
        number, grouping = self.card_number()
        if sep is None:
            sep = self.r.choice([" ", " ", "-", ""])
        return self.group(number, grouping, sep), number

    @staticmethod
    def group(number, grouping, sep):
        parts, i = [], 0
        for g in grouping:
            if i >= len(number):
                break
            parts.append(number[i:i + g])
            i += g
        if i < len(number):
            parts[-1] += number[i:]
        return sep.join(parts)

    def luhn_failing(self, length=16):
        while True:
            n = self.r.choice("3456") + self.digits(length - 1)
            if not luhn_ok(n):
                return n

    # IBAN
    def iban(self, country=None, valid=True):
        r = self.r
        country = country or r.choice(list(self.IBAN_SPECS))
        bban = "".join(
            r.choice(string.digits) if c == "n" else r.choice(string.ascii_uppercase) if c == "a"
            else "0" if c == "0" else r.choice(string.digits + string.ascii_uppercase) for c in self.IBAN_SPECS[country])
        check = 98 - int("".join(str(int(ch, 36)) for ch in bban + country + "00")) % 97
        if not valid:
            check = (check + r.randint(1, 50)) % 97 + 2
            if check > 98:
                check = 3
        return f"{country}{check:02d}{bban}"

    @staticmethod
    def iban_print(compact, sep=" "):
        return sep.join(compact[i:i + 4] for i in range(0, len(compact), 4))

    # SSN
    def ssn(self):
        r = self.r
        while True:
            area = r.randint(1, 899)
            if area == 666:
                continue
            s = f"{area:03d}{r.randint(1, 99):02d}{r.randint(1, 9999):04d}"
            if s not in ("078051120", "219099999", "123456789"):
                return s

    def invalid_ssn(self):
        r = self.r
        kind = r.choice(["000", "666", "9xx", "g00", "s0000"])
        if kind == "000":
            return f"000-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
        if kind == "666":
            return f"666-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
        if kind == "9xx":
            return f"{r.randint(900, 999)}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
        if kind == "g00":
            return f"{r.randint(1, 665):03d}-00-{r.randint(1, 9999):04d}"
        return f"{r.randint(1, 665):03d}-{r.randint(1, 99):02d}-0000"

    # phones
    def us_parts(self):
        r = self.r
        while True:
            exch = r.randint(200, 999)
            if exch % 100 != 11 and exch != 555:
                return str(r.choice(self.AREA_CODES)), str(exch), self.digits(4)

    def phone(self, region=None):
        """Returns (written, digits) for a phone number in a common written format."""
        r = self.r
        region = region or r.choices(["US", "GB", "DE", "FR", "IN", "INTL"], [40, 15, 10, 10, 10, 15])[0]
        if region == "US":
            a, e, n = self.us_parts()
            fmt = r.choice(["({a}) {e}-{n}", "{a}-{e}-{n}", "{a}.{e}.{n}", "+1 {a} {e} {n}", "+1-{a}-{e}-{n}",
                            "{a}{e}{n}", "1-{a}-{e}-{n}", "+1{a}{e}{n}", "({a}) {e}-{n}", "+1 ({a}) {e}-{n}"])
            s = fmt.format(a=a, e=e, n=n)
        elif region == "GB":
            kind = r.choice(["london", "mobile", "mobile_intl", "london_intl", "manchester"])
            if kind == "london":
                s = f"020 {r.choice('378')}{self.digits(3)} {self.digits(4)}"
            elif kind == "london_intl":
                s = f"+44 20 {r.choice('378')}{self.digits(3)} {self.digits(4)}"
            elif kind == "manchester":
                s = f"0161 {r.randint(200, 999)} {self.digits(4)}"
            elif kind == "mobile":
                s = f"07{r.choice('456789')}{self.digits(2)} {self.digits(6)}"
            else:
                s = f"+44 7{r.choice('456789')}{self.digits(2)} {self.digits(6)}"
        elif region == "DE":
            kind = r.choice(["berlin", "mobile", "intl", "munich"])
            if kind == "berlin":
                s = f"030 {r.randint(2, 9)}{self.digits(7)}"
            elif kind == "munich":
                s = f"089 {r.randint(2, 9)}{self.digits(3)} {self.digits(4)}"
            elif kind == "mobile":
                s = f"01{r.choice(['51', '52', '57', '60', '70', '76'])} {r.randint(1, 9)}{self.digits(7)}"
            else:
                s = f"+49 30 {r.randint(2, 9)}{self.digits(7)}"
        elif region == "FR":
            first = r.choice(["1", "6", "7", "4", "5"])
            pairs = " ".join(f"{r.randint(10, 99)}" for _ in range(4))
            s = r.choice([f"0{first} {pairs}", f"+33 {first} {pairs}", f"0{first}.{pairs.replace(' ', '.')}"])
        elif region == "IN":
            m = f"{r.choice('6789')}{self.digits(4)} {self.digits(5)}"
            s = r.choice([f"+91 {m}", f"+91-{m.replace(' ', '')}", f"0{m}"])
        else:
            s = r.choice([
                f"+55 11 9{self.digits(4)}-{self.digits(4)}", f"+81 3-{self.digits(4)}-{self.digits(4)}",
                f"+81 90-{self.digits(4)}-{self.digits(4)}", f"+61 2 9{self.digits(3)} {self.digits(4)}",
                f"+61 4{self.digits(2)} {self.digits(3)} {self.digits(3)}", f"+34 6{self.digits(2)} {self.digits(2)} {self.digits(2)} {self.digits(2)}",
                f"+234 803 {self.digits(3)} {self.digits(4)}", f"+52 55 {self.digits(4)} {self.digits(4)}",
                f"+353 87 {self.digits(3)} {self.digits(4)}", f"+48 {r.choice('5678')}{self.digits(2)} {self.digits(3)} {self.digits(3)}",
                f"+90 5{self.digits(2)} {self.digits(3)} {self.digits(2)} {self.digits(2)}",
                f"+27 82 {self.digits(3)} {self.digits(4)}", f"+971 50 {self.digits(3)} {self.digits(4)}",
            ])
        return s, re.sub(r"\D", "", s)

    # network
    def ipv4(self):
        r = self.r
        kind = r.random()
        if kind < 0.15:
            return f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
        if kind < 0.25:
            return f"192.168.{r.randint(0, 255)}.{r.randint(1, 254)}"
        while True:
            a = r.randint(11, 223)
            if a not in (127, 169, 172, 192):
                return f"{a}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"

    def ipv6(self):
        r = self.r
        groups = [r.choice(["2001:db8", "2a02:c7f", "2600:1700", "2406:da18", "2a01:4f8", "2001:470", "fe80:0"])]
        prefix = groups[0].split(":")
        rest = [f"{r.randint(0, 0xffff):x}" for _ in range(8 - len(prefix))]
        full = prefix + rest
        kind = r.random()
        if kind < 0.3:
            return ":".join(g.zfill(4) for g in full)
        if kind < 0.75:
            i = r.randint(len(prefix), 5)
            j = r.randint(i + 2, 7)
            return ":".join(full[:i]) + "::" + ":".join(full[j:])
        if kind < 0.85:
            return "::ffff:" + self.ipv4()
        return ":".join(full)

    def mac(self):
        r = self.r
        octets = [r.randint(0, 255) for _ in range(6)]
        octets[0] &= 0xFE
        kind = r.choice(["colon_lower", "colon_upper", "dash_upper", "dash_lower", "cisco"])
        if kind == "cisco":
            h = "".join(f"{o:02x}" for o in octets)
            return f"{h[0:4]}.{h[4:8]}.{h[8:12]}"
        hx = [f"{o:02x}" for o in octets]
        if kind.endswith("upper"):
            hx = [h.upper() for h in hx]
        return (":" if kind.startswith("colon") else "-").join(hx)

    def email(self, person=None):
        r = self.r
        given, family = person or self.people.ascii_pair()
        g, f = given.lower(), family.lower()
        local = r.choice([f"{g}.{f}", f"{g[0]}{f}", f"{g}_{f}", f"{g}{r.randint(1, 99)}", f"{f}.{g}",
                          f"{g}.{f}+{r.choice(['orders', 'news', 'support', 'shop'])}", f"{g}{f[0]}",
                          f"{g}-{f}", f"{f}{r.randint(70, 99)}"])
        return f"{local}@{r.choice(self.EMAIL_DOMAINS)}"


# ----------------------------------------------------------------------------------------------
# people


TITLES = {"m": ["Mr.", "Mr", "Dr.", "Prof.", "Sir"], "f": ["Mrs.", "Ms.", "Ms", "Miss", "Dr.", "Prof."],
          None: ["Dr.", "Dr", "Prof."]}


class Person:
    def __init__(self, culture, tag, given, family, order, middle=None, gender=None):
        self.culture, self.tag, self.given, self.family, self.order, self.middle = culture, tag, given, family, order, middle
        self.gender = gender

    @property
    def full(self):
        if self.order == "fg":
            return " ".join(x for x in (self.family, self.middle, self.given) if x)
        return f"{self.given} {self.family}"


class People:
    CULTURE_WEIGHTS = {"western": 26, "hispanic": 13, "slavic": 11, "arabic": 8, "turkish": 7, "west_african": 10,
                       "south_asian": 12, "east_asian": 13}

    def __init__(self, rng):
        self.r = rng
        self.pools = name_sources.build_pools()
        self.apostrophe = [n for subs in self.pools.values() for s in subs for n in s[1] + s[2]
                           if "'" in n or "’" in n]
        self.hyphen_given = [n for subs in self.pools.values() for s in subs for n in s[1] if "-" in n]
        self.male, self.female = name_sources.gender_sets()

    def draw(self, culture=None, special=None):
        p = self._draw(culture, special)
        p.gender = "m" if p.given in self.male else "f" if p.given in self.female else None
        return p

    def _draw(self, culture=None, special=None):
        r = self.r
        culture = culture or r.choices(list(self.CULTURE_WEIGHTS), list(self.CULTURE_WEIGHTS.values()))[0]
        tag, given, family, order, middle = r.choice(self.pools[culture])
        g, f = r.choice(given), r.choice(family)
        m = r.choice(middle) if middle and r.random() < 0.8 else None
        if special == "hyphen_given" and self.hyphen_given:
            return Person("western", "hyphenated given", r.choice(self.hyphen_given), f, "gf")
        if special == "hyphen_family":
            f2 = r.choice(family)
            return Person(culture, tag + " double-barrelled", g, f"{f}-{f2}" if f2 != f else f, order, m)
        if special == "apostrophe" and self.apostrophe:
            a = r.choice(self.apostrophe)
            return Person(culture, tag + " + apostrophe surname", g, a, "gf")
        return Person(culture, tag, g, f, order, m)

    def ascii_pair(self):
        import unicodedata
        while True:
            p = self.draw(self.r.choice(["western", "hispanic", "slavic", "south_asian", "west_african", "turkish"]))
            fold = [unicodedata.normalize("NFKD", x).encode("ascii", "ignore").decode() for x in (p.given, p.family)]
            fold = [re.sub(r"[^A-Za-z]", "", x) for x in fold]
            if all(len(x) >= 2 for x in fold):
                return fold[0], fold[1]


# ----------------------------------------------------------------------------------------------
# template filling
#
# Slots: {full:a} {given:a} {family:a} {tfull:a} (title + full name) {tfam:a} (title + family name)
#        {possg:a} (given's) {possf:a} (full name's); a, b, c are different people of the line.
#        {kw:CATEGORY} a look-alike word of that category (labelled keep).

SLOT = re.compile(r"\{(full|given|family|tfull|tfam|possg|possf|kw):([a-z_0-9]+)\}")


class Filler:
    def __init__(self, rng, people, lookalikes):
        self.r = rng
        self.people = people
        self.lookalikes = lookalikes

    def fill(self, template, persons, path, line, form, used_kw):
        r = self.r
        out = []
        pos = 0
        for m in SLOT.finditer(template):
            out.append(template[pos:m.start()])
            pos = m.end()
            kind, var = m.groups()
            if kind == "kw":
                choices = [w for w in self.lookalikes[var] if w.lower() not in used_kw]
                word = r.choice(choices)
                used_kw.add(word.lower())
                out.append(word)
                line.keep.append({"value": word, "path": path, "category": var})
                continue
            p = persons[var]
            if kind == "full":
                text, value = p.full, p.full
            elif kind == "given":
                text, value = p.given, p.given
            elif kind == "family":
                text, value = p.family, p.family
            elif kind == "tfull":
                title = r.choice(TITLES[p.gender])
                text, value = f"{title} {p.full}", p.full
            elif kind == "tfam":
                title = r.choice([t for t in TITLES[p.gender] if t != "Sir"])
                text, value = f"{title} {p.family}", p.family
            elif kind == "possg":
                text, value = p.given + r.choice(["'s", "'s", "’s"]), p.given
            else:
                text, value = p.full + "'s", p.full
            out.append(text)
            line.entities.append({"type": "PERSON", "value": value, "path": path, "form": form,
                                  "slot": kind, "culture": p.culture})
        out.append(template[pos:])
        return "".join(out)


# ----------------------------------------------------------------------------------------------
# writer


def write_corpus(out_dir, name, rows):
    with open(os.path.join(out_dir, f"{name}.input.jsonl"), "w", encoding="utf-8", newline="\n") as fi, \
            open(os.path.join(out_dir, f"{name}.labels.jsonl"), "w", encoding="utf-8", newline="\n") as fl:
        for n, (doc, line) in enumerate(rows, start=1):
            text = doc if isinstance(doc, str) else json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
            fi.write(text + "\n")
            fl.write(json.dumps({"line": n, "entities": line.entities, "keep": line.keep}, ensure_ascii=False,
                                separators=(",", ":")) + "\n")
    ents = sum(len(line.entities) for _, line in rows)
    keeps = sum(len(line.keep) for _, line in rows)
    print(f"{name:18} lines={len(rows):5} entities={ents:5} keep={keeps:5}")


from templates import (PERSON_TEMPLATES, LOOKALIKE_WORDS, LOOKALIKE_TEMPLATES,  # noqa: E402
                       build_structured, build_hostile, build_adjacent, build_realistic)


def build_person(rng, people, filler, target=3300):
    rows = []
    n = 0
    forms = list(PERSON_TEMPLATES)
    while sum(len(l.entities) for _, l in rows) < target:
        n += 1
        form = forms[n % len(forms)]
        for _attempt in range(50):
            spec = rng.choice(PERSON_TEMPLATES[form])
            special = {"hyphen_apostrophe": rng.choice(["hyphen_given", "hyphen_family", "apostrophe"])}.get(form)
            persons = {v: people.draw(special=special if v == "a" else None) for v in "abc"}
            line = Line()
            doc = spec(rng, persons, filler, line, form)
            if line.consistent(doc):
                rows.append((doc, line))
                break
    return rows


def build_lookalikes(rng, people, filler, target=2200):
    rows = []
    while sum(len(l.keep) for _, l in rows) < target:
        for _attempt in range(50):
            spec = rng.choice(LOOKALIKE_TEMPLATES)
            persons = {v: people.draw() for v in "abc"}
            line = Line()
            doc = spec(rng, persons, filler, line, "lookalike")
            if line.consistent(doc):
                rows.append((doc, line))
                break
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "corpora"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(SEED)
    people = People(rng)
    values = Values(rng, people)
    filler = Filler(rng, people, LOOKALIKE_WORDS)
    write_corpus(args.out, "person", build_person(rng, people, filler))
    write_corpus(args.out, "person_lookalikes", build_lookalikes(rng, people, filler))
    write_corpus(args.out, "structured", build_structured(rng, values, people))
    write_corpus(args.out, "hostile", build_hostile(rng, values, people))
    write_corpus(args.out, "adjacent", build_adjacent(rng, values, people))
    write_corpus(args.out, "realistic", build_realistic(rng, values, people, filler))


if __name__ == "__main__":
    main()
