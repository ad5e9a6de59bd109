#!/usr/bin/env python3
"""Fill in the expected-output comments of a shell test script.

usage: expect.py PROGRAM SOURCE.sql OUT.sql

SOURCE is a script in the tests/shell format without its `-- =>`/`-- !!`
lines; a line that is exactly `-- @` marks where the output produced so far
is to be written down. PROGRAM (e.g. /usr/bin/sqlite3, or dist/bin/sqlink
for sqlink-only behaviour) runs the script from the repository root, once
per marker on the text written so far, so `near line N` numbers count the
inserted comments. Review the result before committing it: the expected
output is only as right as PROGRAM.
"""
import re
import shlex
import subprocess
import sys


def show(b: bytes) -> str:
    out = []
    while b:
        try:
            out.append(b.decode())
            break
        except UnicodeDecodeError as e:
            out.append(b[: e.start].decode())
            out.append("".join(f"\\x{c:02x}" for c in b[e.start : e.end]))
            b = b[e.end :]
    return "".join(out)


def lines(b: bytes):
    if not b:
        return []
    if b.endswith(b"\n"):
        b = b[:-1]
    return [show(x) for x in b.split(b"\n")]


def run(prog, args, text):
    p = subprocess.run([prog] + args, input=text.encode(), capture_output=True)
    return lines(p.stdout), lines(p.stderr), p.returncode


def expect_line(marker, text):
    if marker == "=>" and text.endswith("\r"):
        return "-- ~> " + re.sub(r"([\\.+*?()|\[\]{}^$])", r"\\\1", text[:-1]) + "\\r"
    return f"-- {marker} {text}".rstrip(" ") if text == "" else f"-- {marker} {text}"


def main():
    prog, src, dst = sys.argv[1:4]
    source = open(src).read().split("\n")
    if source and source[-1] == "":
        source.pop()
    args = []
    for l in source:
        if l.startswith("-- args:"):
            args += shlex.split(l[len("-- args:"):])
        elif not l.startswith("--"):
            break
    out, seen_out, seen_err = [], 0, 0
    for l in source:
        if l != "-- @":
            out.append(l)
            continue
        o, e, _ = run(prog, args, "\n".join(out) + "\n")
        out += [expect_line("=>", t) for t in o[seen_out:]]
        out += [expect_line("!!", t) for t in e[seen_err:]]
        seen_out, seen_err = len(o), len(e)
    o, e, code = run(prog, args, "\n".join(out) + "\n")
    if (o[seen_out:], e[seen_err:]) != ([], []):
        sys.exit(f"output after the last `-- @` marker: {o[seen_out:]} {e[seen_err:]}")
    declared = [l for l in out if l.startswith("-- exit:")]
    want = int(declared[0][len("-- exit:"):]) if declared else 0
    if code != want:
        sys.exit(f"exit status {code}: put `-- exit: {code}` in the header")
    open(dst, "w").write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
