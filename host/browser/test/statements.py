"""Splits a tests/shell script into what a shell runs, for the browser's
differential test: SQL statements (each whole, cut where SQLite's
sqlite3_complete says one ends) and `.load` lines, as JSON on stdout.

    python3 statements.py tests/shell/NAME.sql
"""
import json
import sqlite3
import sys


def items(path):
    out, pending, start = [], "", 0
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        lines = f.read().split("\n")
    for number, line in enumerate(lines, 1):
        if not pending and line.startswith("."):
            out.append({"dot": line.split(), "line": number})
            continue
        if not pending and (not line.strip() or line.lstrip().startswith("--")):
            continue
        if not pending:
            start = number
        pending += line + "\n"
        # One line may end several statements: cut each as it completes.
        while pending and sqlite3.complete_statement(pending):
            cut = next(i + 1 for i in range(len(pending)) if pending[i] == ";" and sqlite3.complete_statement(pending[: i + 1]))
            sql, pending = pending[:cut], pending[cut:]
            if sql.strip(" \n\t;"):
                out.append({"sql": sql.strip("\n"), "line": start})
            if not pending.strip():
                pending = ""
    return out


if __name__ == "__main__":
    json.dump(items(sys.argv[1]), sys.stdout, ensure_ascii=False)
