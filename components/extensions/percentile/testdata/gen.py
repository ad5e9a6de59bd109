#!/usr/bin/python3
"""Writes reference.tsv: the percentile family over many inputs, as SQLite
3.54.1 computes them.

SQLite: the amalgamation of npm better-sqlite3 13.2.0 (SQLite 3.54.1, its
`deps/sqlite3/sqlite3.c`), compiled with
  gcc -O1 -shared -fPIC -DSQLITE_ENABLE_PERCENTILE -o libsqlite3.so.0 sqlite3.c -lm
and run as LD_LIBRARY_PATH=DIR /usr/bin/python3 gen.py > reference.tsv.

Line: function<TAB>P<TAB>Y values separated by spaces<TAB>result, where the
result is repr() of the real, NULL, or `Error: message`.
"""
import random
import sqlite3

assert sqlite3.sqlite_version == "3.54.1", sqlite3.sqlite_version
db = sqlite3.connect(":memory:")
db.execute("create table t(y)")


def sql(v):
    if v is None:
        return "NULL"
    if isinstance(v, bytes):
        return "x'" + v.hex() + "'"
    if isinstance(v, str):
        return "'" + v + "'"
    return repr(v)


MEDIAN = object()


def run(fn, p, ys):
    db.execute("delete from t")
    db.executemany("insert into t values(?)", [(y,) for y in ys])
    args = "y" if p is MEDIAN else "y, " + sql(p)
    try:
        (r,) = db.execute(f"select {fn}({args}) from t").fetchone()
        out = "NULL" if r is None else repr(r)
    except sqlite3.Error as e:
        out = f"Error: {e}"
    ys_text = " ".join(sql(y) for y in ys)
    print(f"{fn}\t{'' if p is MEDIAN else sql(p)}\t{ys_text}\t{out}")


print("# function\tP\tY values\tresult (SQLite 3.54.1, see gen.py)")
rng = random.Random(20261207)
base = [1, 4, 6, 7, 8, 9, 11, 11, 11]
sets = [
    base,
    base + [None, None],
    [None],
    [12345],
    [2.5, -1, 0, 3],
    [0.1, 0.2, 0.3],
    [-5.5, 1e300, -1e300, 7],
    [9223372036854775807, -9223372036854775808, 0],
]
for _ in range(12):
    n = rng.randint(1, 15)
    sets.append([rng.choice([rng.randint(-100, 100), round(rng.uniform(-1e3, 1e3), 3), None]) for _ in range(n)])
for ys in sets:
    run("median", MEDIAN, ys)
    for p in [0, 12.5, 15, 20, 33.3, 50, 80, 89, 99.9, 100]:
        run("percentile", p, ys)
    for p in [0, 0.125, 0.15, 0.2, 0.5, 0.75, 0.89, 0.999, 1]:
        run("percentile_cont", p, ys)
        run("percentile_disc", p, ys)
# Bad arguments.
for fn, p in [("percentile", 100.0000001), ("percentile", -0.0000001), ("percentile", "fifty"),
              ("percentile", b"50"), ("percentile", None), ("percentile", "50"), ("percentile", " 25 "),
              ("percentile_cont", 1.0000001), ("percentile_cont", b"0"), ("percentile_disc", -1),
              ("percentile_disc", "0.5"), ("percentile_cont", 1)]:
    run(fn, p, base)
for fn, p in [("median", MEDIAN), ("percentile", 50), ("percentile_cont", 0.5), ("percentile_disc", 0.5)]:
    run(fn, p, [1, "50"])
    run(fn, p, [1, b"50"])
    run(fn, p, [1, 1e308 * 10])
    run(fn, p, [-1e308 * 10])
