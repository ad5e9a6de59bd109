"""Write SQLite extensions in Python that any sqlink host loads as one
``.wasm`` component (built with componentize-py by ``sqlink-py-build``).

Declare everything on one ``Extension``; signatures are the declaration::

    \"\"\"Small string helpers.\"\"\"
    from sqlink import Extension, Error

    extension = Extension("demo", "0.1.0")

    @extension.function(deterministic=True)
    def reverse(s: str) -> str:
        \"\"\"Reverses a string.\"\"\"
        return s[::-1]

    @extension.aggregate(deterministic=True)
    class SumSquares:
        \"\"\"Sum of squares.\"\"\"
        def __init__(self):
            self.total = 0.0
        def step(self, x: float):
            self.total += x * x
        def finalize(self):
            return self.total

Arguments follow the Rust SDK's rules (``int``, ``float``, ``bool``,
``str``, ``bytes``, ``RawText``, ``Value``, ``Optional[T]``): a parameter
that cannot be ``None`` never sees NULL (a scalar returns NULL without
running, an aggregate skips the row). Results: ``None`` is NULL, ``int`` and
``bool`` INTEGER, ``float`` REAL (NaN is NULL), ``str`` and ``RawText`` TEXT,
``bytes`` BLOB. Raise ``Error(message, code)`` to fail with a SQLite code;
other exceptions fail with SQLITE_ERROR and name the function.

Virtual tables are classes (``@extension.vtab``, see ``sqlink.tables``)::

    @extension.vtab(name="kv")
    class KeyValues:
        \"\"\"Pairs kept in memory.\"\"\"
        schema = "CREATE TABLE x(key TEXT, value)"
        def __init__(self, args):
            self.rows = {}
        def scan(self, scan):
            return (Row(rowid, kv) for rowid, kv in self.rows.items())
        def insert(self, rowid, values):
            rowid = rowid if rowid is not None else max(self.rows, default=0) + 1
            self.rows[rowid] = values
            return rowid
"""

from .declare import Extension
from .tables import (Columns, Constraint, ConstraintUse, IndexInfo, IndexPlan, Op, OrderBy, Row, Scan,
                     TableArgs)
from .values import Error, RawText, Value, format_real

__all__ = ["Extension", "Error", "RawText", "Value", "format_real", "Subtyped",
           "TableArgs", "Scan", "Row", "Columns", "Op", "Constraint", "OrderBy", "IndexInfo", "ConstraintUse",
           "IndexPlan"]


def __getattr__(name):
    # Subtyped lives with the exports, which need componentize-py's bindings.
    if name == "Subtyped":
        from .exports import Subtyped
        return Subtyped
    raise AttributeError(name)
