"""Table-valued functions (``@extension.table``) served as eponymous-only
virtual tables, as the Rust SDK's ``#[table]`` (components/sdk/src/vtab/
function.rs): the parameters are HIDDEN columns after the outputs, an
equality constraint on one is its argument, each item is a row, rowids
count from 1, and rows cross the boundary in batches (``row-batch``).
"""

import struct

from componentize_py_types import Err
from wit_world.imports import vtab_types as vt

from .exports import as_error, plain_value_of, sql_error
from .values import Error, RawText, from_python

_EQ = 2
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
_real_bits = struct.Struct("<d").pack
_as_s64 = struct.Struct("<q").unpack


def missing_argument(name, index):
    """SQLite's generate_series wording: ``first argument to "f()" missing or unusable``."""
    ordinal = f"{_ORDINALS[index]} argument" if index < len(_ORDINALS) else f"argument {index + 1}"
    return Error(f'{ordinal} to "{name}()" missing or unusable')


def declare(columns, hidden):
    """The schema SQLite is given: ``CREATE TABLE x("n", "start" HIDDEN)``."""
    quoted = ['"' + c.replace('"', '""') + '"' for c in columns]
    quoted += ['"' + c.replace('"', '""') + '" HIDDEN' for c in hidden]
    return f"CREATE TABLE x({', '.join(quoted)})"


class _Scan:
    """One call's rows: the function's items, then its arguments."""

    def __init__(self, table, name, items, arguments):
        self.items, self.arguments, self.name = items, arguments, name
        self.width = len(table.columns)
        self.rowid, self.done, self.error = 0, items is None, None

    def next_row(self):
        """The next row's values, or None at the end."""
        try:
            item = next(self.items)
        except StopIteration:
            self.done = True
            return None
        values = list(item) if isinstance(item, (tuple, list)) else [item]
        if len(values) != self.width:
            raise Error(f"{self.name}(): a row has {len(values)} values for {self.width} columns")
        self.rowid += 1
        return [from_python(v, self.name) for v in values] + self.arguments


def _batch(scan, wanted, max_rows):
    rowids, kinds, values, data = [], bytearray(), [], bytearray()
    if scan.error is not None:
        error, scan.error = scan.error, None
        raise error
    while not scan.done and len(rowids) < max_rows:
        try:
            row = scan.next_row()
        except Exception as e:
            scan.done = True
            if not rowids:
                raise
            scan.error = e  # reported by the next fetch
            break
        if row is None:
            break
        rowids.append(scan.rowid)
        for c, v in enumerate(row):
            if not wanted[c]:
                continue
            k = type(v)
            if v is None:
                kinds.append(5), values.append(0)
            elif k is int:
                kinds.append(1), values.append(v)
            elif k is float:
                kinds.append(2), values.append(_as_s64(_real_bits(v))[0])
            elif k is RawText:
                kinds.append(3), values.append(len(v))
                data += v
                data.append(0)
            else:
                kinds.append(4), values.append(len(v))
                data += v
    return vt.RowBatch(rowids, bytes(kinds), values, bytes(data), scan.done and scan.error is None)


def vtab_export(tables):
    """The ``vtab`` export: module ids index the manifest's vtab list."""
    modules = [(tb, name) for tb in tables for name in tb.names]
    opened, cursors = {}, {}
    counter = [0]

    def handle():
        counter[0] += 1
        return counter[0]

    def fail(e, name="?"):
        raise Err(sql_error(as_error(e, name)))

    def table_of(h):
        if h not in opened:
            fail(Error(f"no open table with handle {h}"))
        return opened[h]

    def call(tb, name, idx_num, args):
        """The function's items (None: a NULL means no rows), and the
        values of the hidden columns."""
        given, kwargs, hidden = iter(args), {}, []
        sig = tb.signature
        for p, param in enumerate(sig.fixed):
            if not idx_num & (1 << p):
                hidden.append(None)
                continue
            v = plain_value_of(next(given))
            hidden.append(v)
            if v is None and not param.nullable:
                return None, hidden
            try:
                kwargs[param.name] = None if v is None else param.convert(v)
            except Exception as e:
                raise Error(f"{name}(): argument {p + 1} {e}", Error.MISMATCH) from None
        return iter(tb.fn(**kwargs)), hidden

    class Vtab:
        def connect(self, module, args):
            if module >= len(modules):
                fail(Error(f"no virtual table module with id {module}"))
            tb, name = modules[module]
            h = handle()
            opened[h] = (tb, name)
            return vt.DeclaredTable(h, declare(tb.columns, [p.name for p in tb.signature.fixed]))

        def create(self, module, args):
            name = modules[module][1] if module < len(modules) else "?"
            fail(Error(f"no such module: {name} (it is a table-valued function only)"))

        def best_index(self, table, info):
            tb, name = table_of(table)
            first, count = len(tb.columns), len(tb.signature.fixed)
            chosen, unusable = [None] * count, [False] * count
            for i, c in enumerate(info.constraints):
                p = c.column - first
                if not 0 <= p < count:
                    continue
                if not c.usable:
                    unusable[p] = True
                elif c.op == _EQ and chosen[p] is None:
                    chosen[p] = i
            usage = [vt.ConstraintUse(0, False) for _ in info.constraints]
            idx_num, argv = 0, 0
            for p, i in enumerate(chosen):
                if i is not None:
                    argv += 1
                    usage[i] = vt.ConstraintUse(argv, True)
                    idx_num |= 1 << p
                elif unusable[p]:
                    fail(Error("unusable argument", Error.CONSTRAINT))
                elif p < tb.signature.required:
                    fail(missing_argument(name, p))
            return vt.IndexPlan(usage, idx_num, None, False, 1000.0, 1000, False)

        def disconnect(self, table):
            opened.pop(table, None)

        def destroy(self, table):
            opened.pop(table, None)

        def open(self, table):
            tb, name = table_of(table)
            h = handle()
            cursors[h] = [tb, name, None, None]
            return h

        def close(self, cursor):
            cursors.pop(cursor, None)

        def filter(self, cursor, idx_num, idx_str, args, columns, max_rows):
            if cursor not in cursors:
                fail(Error(f"no open cursor with handle {cursor}"))
            state = cursors[cursor]
            tb, name = state[0], state[1]
            try:
                items, hidden = call(tb, name, idx_num, args)
                scan = _Scan(tb, name, items, hidden)
                width = len(tb.columns) + len(hidden)
                state[2] = scan
                state[3] = [bool(columns >> min(c, 63) & 1) for c in range(width)]
                return _batch(scan, state[3], max_rows)
            except Err:
                raise
            except Exception as e:
                fail(e, name)

        def fetch(self, cursor, max_rows):
            state = cursors.get(cursor)
            if state is None or state[2] is None:
                fail(Error("fetch before filter"))
            try:
                return _batch(state[2], state[3], max_rows)
            except Exception as e:
                fail(e, state[1])

        def update(self, table, change):
            fail(Error(f"{table_of(table)[1]} is read-only"))

        def begin(self, table):
            pass

        def sync(self, table):
            pass

        def commit(self, table):
            pass

        def rollback(self, table):
            pass

        def rename(self, table, new_name):
            fail(Error(f"{table_of(table)[1]} cannot be renamed"))

    return Vtab
