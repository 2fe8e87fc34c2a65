#!/usr/bin/env python3
"""Baseline for the speed comparison: a Python `re` pattern redactor with Luhn and IBAN validation.

Reads JSON lines, walks every string of each document, replaces emails, phone numbers, payment
cards (Luhn), IBANs (mod-97), US SSNs, IPv4/IPv6 and MAC addresses with <ENTITY_TYPE>, writes JSON
lines. Written to be a fair, ordinary implementation (compiled patterns, one pass per pattern), not
a strawman. Not part of the product.

usage: redact_baseline.py IN.jsonl OUT.jsonl
"""
import json
import re
import sys

EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")
CARD = re.compile(r"\b(?:\d[ -]?){12,18}\d\b")
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
SSN = re.compile(r"\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b")
IPV4 = re.compile(r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b")
IPV6 = re.compile(r"\b(?:[0-9A-Fa-f]{1,4}:){2,7}[0-9A-Fa-f]{0,4}\b|::(?:[0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{1,4}\b")
MAC = re.compile(r"\b(?:[0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}\b")
PHONE = re.compile(r"(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?)?\d{2,4}[ .-]?\d{3,4}[ .-]?\d{3,4}\b")


def luhn(digits):
    total, alt = 0, False
    for ch in reversed(digits):
        d = ord(ch) - 48
        if alt:
            d *= 2
            if d > 9:
                d -= 9
        total += d
        alt = not alt
    return total % 10 == 0


def iban_ok(text):
    s = text.replace(" ", "")
    s = s[4:] + s[:4]
    n = "".join(str(int(c, 36)) for c in s)
    return int(n) % 97 == 1


def card_sub(m):
    digits = re.sub(r"\D", "", m.group(0))
    return "<CREDIT_CARD>" if 13 <= len(digits) <= 19 and luhn(digits) else m.group(0)


def iban_sub(m):
    return "<IBAN_CODE>" if iban_ok(m.group(0)) else m.group(0)


def redact(text):
    text = EMAIL.sub("<EMAIL_ADDRESS>", text)
    text = IBAN.sub(iban_sub, text)
    text = CARD.sub(card_sub, text)
    text = SSN.sub("<US_SSN>", text)
    text = MAC.sub("<MAC_ADDRESS>", text)
    text = IPV4.sub("<IP_ADDRESS>", text)
    text = IPV6.sub("<IP_ADDRESS>", text)
    text = PHONE.sub("<PHONE_NUMBER>", text)
    return text


def walk(node):
    if isinstance(node, str):
        return redact(node)
    if isinstance(node, dict):
        return {k: walk(v) for k, v in node.items()}
    if isinstance(node, list):
        return [walk(v) for v in node]
    return node


def main():
    with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as dst:
        for line in src:
            line = line.strip()
            if not line:
                continue
            try:
                doc = json.loads(line)
            except ValueError:
                continue
            dst.write(json.dumps(walk(doc), ensure_ascii=False))
            dst.write("\n")


if __name__ == "__main__":
    main()
