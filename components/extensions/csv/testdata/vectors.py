"""Runs CREATE VIRTUAL TABLE cases through a reference module and writes
what it answers as reference vectors, one case per line:

    arguments<TAB>file<TAB>columns<TAB>rows

* arguments: the module arguments, each `t:HEX` (UTF-8), space-separated;
  `@FILE@` in them stands for the path of the case's file.
* file: `-`, or `t:HEX`, the bytes of a file the case reads.
* columns: the column names (pragma table_info), each `t:HEX`, or `e:HEX`,
  the error message of CREATE VIRTUAL TABLE.
* rows: `SELECT rowid, * FROM t`, rows separated by `;`, values by spaces,
  each `kind:payload`: n: (NULL), i:INTEGER, r:REAL (Python repr),
  t:HEX (text), b:HEX (blob). A last item `e:HEX` is the error that ended
  the scan.

Used by gen.py in csv/testdata (SQLite's csv.c) and vsv/testdata (sqlean's
vsv); the crates' tests read the vectors back (src/vectors.rs)."""
import os
import tempfile


def hexs(b):
    if isinstance(b, str):
        b = b.encode()
    return b.hex()


class Text(bytes):
    """A text value (the connection's text_factory), told from blobs."""


def value(v):
    if v is None:
        return "n:"
    if isinstance(v, bool):
        raise TypeError(v)
    if isinstance(v, int):
        return f"i:{v}"
    if isinstance(v, float):
        return f"r:{v!r}"
    if isinstance(v, Text):
        return f"t:{bytes(v).hex()}"
    if isinstance(v, bytes):
        return f"b:{v.hex()}"
    raise TypeError(v)


def message(e):
    # Python's sqlite3 raises SQLITE_NOMEM as a MemoryError without text;
    # SQLite's message for it is "out of memory".
    return "e:" + hexs("out of memory" if isinstance(e, MemoryError) else str(e))


def run(connect, module, cases, out):
    """connect() gives a connection with the module; cases are
    (arguments, file bytes or None) pairs."""
    tmp = tempfile.mkdtemp(prefix="sqlink-vectors-")
    for n, (arguments, content) in enumerate(cases):
        path = os.path.join(tmp, f"case{n}.csv")
        if content is not None:
            with open(path, "wb") as f:
                f.write(content)
        real = [a.replace("@FILE@", path) for a in arguments]
        db = connect()
        db.text_factory = Text
        fields = [" ".join("t:" + hexs(a) for a in arguments), "-" if content is None else "t:" + content.hex()]
        try:
            db.execute(f"CREATE VIRTUAL TABLE temp.t USING {module}({', '.join(real)})")
        except Exception as e:
            fields += [message(e), ""]
            out.write("\t".join(fields) + "\n")
            continue
        names = [r[0] for r in db.execute("SELECT name FROM pragma_table_info('t')")]
        fields.append(" ".join("t:" + bytes(x).hex() for x in names))
        rows = []
        try:
            for row in db.execute("SELECT rowid, * FROM t"):
                rows.append(" ".join(value(v) for v in row))
        except Exception as e:
            rows.append(message(e))
        fields.append(";".join(rows))
        out.write("\t".join(fields) + "\n")
        db.close()
