#!/usr/bin/env python3
"""Prints the SQL that fills the table `inputs(url)` of vectors.sql: every
"input" and "base" string of WHATWG's urltestdata.json (the path given;
the copy the `url` crate 2.5.8 ships), then RFC 3986's examples: section
5.4's references appended to its base's directory, so curl's removal of dot
segments runs on them, and 5.2.4's. Each as a hex literal, decoded as UTF-8
text, in file order, duplicates dropped."""
import json
import sys

seen = []
def add(s):
    if s not in seen:
        seen.append(s)

for item in json.load(open(sys.argv[1], encoding="utf-8")):
    if isinstance(item, dict):
        add(item["input"])
        if item.get("base"):
            add(item["base"])

base = "http://a/b/c/d;p?q"
add(base)
refs = ["g:h", "g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "g?y#s", ";x", "g;x", "g;x?y#s", "", ".", "./",
        "..", "../", "../g", "../..", "../../", "../../g", "../../../g", "../../../../g", "/./g", "/../g", "g.", ".g", "g..",
        "..g", "./../g", "./g/.", "g/./h", "g/../h", "g;x=1/./y", "g;x=1/../y", "g?y/./x", "g?y/../x", "g#s/./x", "g#s/../x"]
for r in refs:
    add("http://a/b/c/" + r)
for p in ["/a/b/c/./../../g", "mid/content=5/../6", "/./", "/../", "/a/..", "/a/.", "/.", "/..", "/a/b/../../..", "/a//../b"]:
    add("http://h" + (p if p.startswith("/") else "/" + p))

print("create temp table inputs(url);")
for s in seen:
    b = s.encode("utf-8", "surrogatepass")
    print("insert into inputs values (cast(x'%s' as text));" % b.hex())
