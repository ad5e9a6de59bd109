#!/usr/bin/env python3
"""Writes rfc3492.tsv: the sample strings of RFC 3492 section 7.1 (A-S),
as `punycode_decode<TAB>encoded<TAB>decoded`, taken from the JSON list of
punycode vectors that the `idna` crate 1.1.0 ships (tests/punycode_tests.json,
itself from punycode.js), keeping the entries that are the RFC's samples.
Run: python3 gen.py ~/.cargo/registry/src/*/idna-1.1.0/tests/punycode_tests.json"""
import json, sys

RFC = ["Arabic (Egyptian)", "Chinese (simplified)", "Chinese (traditional)", "Czech",
       "Hebrew", "Hindi (Devanagari)", "Japanese (kanji and hiragana)",
       "Korean (Hangul syllables)", "Russian (Cyrillic)", "Spanish", "Vietnamese"]
EXTRA = [
    ("3\u5e74B\u7d44\u91d1\u516b\u5148\u751f", "3B-ww4c5e180e575a65lsy2b", "L Japanese"),
    ("\u5b89\u5ba4\u5948\u7f8e\u6075-with-SUPER-MONKEYS", "-with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n", "M Japanese"),
    ("Hello-Another-Way-\u305d\u308c\u305e\u308c\u306e\u5834\u6240", "Hello-Another-Way--fc4qua05auwb3674vfr0b", "N Japanese"),
    ("\u3072\u3068\u3064\u5c4b\u6839\u306e\u4e0b2", "2-u9tlzr9756bt3uc0v", "O Japanese"),
    ("Maji\u3067Koi\u3059\u308b5\u79d2\u524d", "MajiKoi5-783gue6qz075azm5e", "P Japanese"),
    ("\u30d1\u30d5\u30a3\u30fcde\u30eb\u30f3\u30d0", "de-jg4avhby1noc0d", "Q Japanese"),
    ("\u305d\u306e\u30b9\u30d4\u30fc\u30c9\u3067", "d9juau41awczczp", "R Japanese"),
    ("-> $1.00 <-", "-> $1.00 <--", "S ASCII"),
]
rows = json.load(open(sys.argv[1], encoding="utf-8"))
with open("rfc3492.tsv", "w", encoding="utf-8") as out:
    out.write("# RFC 3492 section 7.1 samples: encoded<TAB>decoded (hex UTF-8)\n")
    for r in rows:
        d = r.get("description", "")
        if d in RFC:
            out.write(f"{r['encoded']}\t{r['decoded'].encode('utf-8').hex()}\t{d}\n")
    # Samples L-S of the RFC, not in that list (typed from the RFC's text).
    for dec, enc, d in EXTRA:
        out.write(f"{enc}\t{dec.encode('utf-8').hex()}\t{d}\n")
