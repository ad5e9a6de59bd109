"""The ``vtab`` export: table-valued functions (``@extension.table``) and
virtual table classes (``@extension.vtab``), as the Rust SDK serves its
``#[table]`` functions and ``#[vtab]`` types (components/sdk/src/vtab/
runtime.rs, function.rs): same handles, checks of a plan, batching and
error messages.

A table-valued function is an eponymous-only table: its parameters are
HIDDEN columns after the outputs, an equality constraint on one is its
argument, each item is a row. A class's instances are the connected
tables; its methods are called as the contract's functions arrive. Either
way a scan is an iterator, and rows cross the boundary in batches
(``row-batch``): ``filter`` and ``fetch`` pull up to ``max-rows`` of them.
"""

import struct

from componentize_py_types import Err
from wit_world.imports import vtab_types as vt

from .exports import as_error, plain_value_of, sql_error
from .tables import (Columns, Constraint, IndexInfo, IndexPlan, Op, OrderBy, Row, Scan, TableArgs,
                     schema_columns)
from .values import Error, RawText, from_python, to_value

_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
_real_bits = struct.Struct("<d").pack
_as_s64 = struct.Struct("<q").unpack
_I64, _I32 = 1 << 63, 1 << 31


def missing_argument(name, index):
    """SQLite's generate_series wording: ``first argument to "f()" missing or unusable``."""
    ordinal = f"{_ORDINALS[index]} argument" if index < len(_ORDINALS) else f"argument {index + 1}"
    return Error(f'{ordinal} to "{name}()" missing or unusable')


def declare(columns, hidden):
    """The schema SQLite is given: ``CREATE TABLE x("n", "start" HIDDEN)``."""
    quoted = ['"' + c.replace('"', '""') + '"' for c in columns]
    quoted += ['"' + c.replace('"', '""') + '" HIDDEN' for c in hidden]
    return f"CREATE TABLE x({', '.join(quoted)})"


def _python_value(v):
    """A contract ``value`` as a table's methods see it: text as ``str``
    (``RawText`` when not UTF-8), as a ``Value`` parameter does."""
    return to_value(plain_value_of(v))


# ---- Rows -------------------------------------------------------------------

class _Rows:
    """One scan: its items, how an item becomes a row, the columns kept,
    and an error waiting for the next fetch."""

    __slots__ = ("items", "row_of", "name", "wanted", "count", "done", "error")

    def __init__(self, items, row_of, name, width, columns):
        self.items, self.row_of, self.name = items, row_of, name
        self.wanted = [c for c in range(width) if columns >> min(c, 63) & 1]
        self.count, self.done, self.error = 0, False, None


def _cell(v, name, kinds, values, data):
    """Appends one value to a batch: kind, value, and any bytes."""
    k = type(v)
    if k is int and -_I64 <= v < _I64:
        kinds.append(1)
        values.append(v)
    elif v is None:
        kinds.append(5)
        values.append(0)
    elif k is str:
        b = v.encode("utf-8", "surrogateescape")
        kinds.append(3)
        values.append(len(b))
        data += b
        data.append(0)  # the contract's NUL after each text
    elif k is float:
        if v != v:  # NaN is NULL, as in SQLite
            kinds.append(5)
            values.append(0)
        else:
            kinds.append(2)
            values.append(_as_s64(_real_bits(v))[0])
    elif k is RawText:
        kinds.append(3)
        values.append(len(v))
        data += v
        data.append(0)
    elif k is bytes:
        kinds.append(4)
        values.append(len(v))
        data += v
    else:
        v = from_python(v, name)  # bool, subclasses; raises for the rest
        _cell(v, name, kinds, values, data)


def _fill(rows, max_rows):
    """Up to ``max_rows`` rows as a batch. An error ends the batch: it is
    the call's error when no row came before it, and waits for the next
    fetch otherwise (so those rows arrive first, as they would one at a
    time in SQLite)."""
    if rows.error is not None:
        error, rows.error = rows.error, None
        raise error
    rowids, kinds, values, data = [], bytearray(), [], bytearray()
    wanted, name, items, row_of = rows.wanted, rows.name, rows.items, rows.row_of
    kind, value = kinds.append, values.append
    count = rows.count
    while not rows.done and len(rowids) < max_rows:
        cells, size = len(kinds), len(data)
        try:
            item = next(items, _END)
            if item is _END:
                rows.done = True
                break
            rowid, row = row_of(item)
            n = len(row)
            for c in wanted:
                v = row[c] if c < n else None
                # The common kinds inline; _cell has the rest.
                if type(v) is int and -_I64 <= v < _I64:
                    kind(1)
                    value(v)
                elif v is None:
                    kind(5)
                    value(0)
                else:
                    _cell(v, name, kinds, values, data)
            if rowid is None:
                rowid = count + 1
            elif type(rowid) is not int or not -_I64 <= rowid < _I64:
                raise Error(f"{name}: a rowid must be a 64-bit integer, got {rowid!r}", Error.MISMATCH)
        except Exception as e:
            rows.done = True
            del kinds[cells:], values[cells:], data[size:]  # keep whole rows only
            if not rowids:
                rows.count = count
                raise
            rows.error = e
            break
        count += 1
        rowids.append(rowid)
    rows.count = count
    return vt.RowBatch(rowids, bytes(kinds), values, bytes(data), [], rows.done and rows.error is None)


_END = object()


def _class_row(item):
    """A class scan's item as (rowid or None, values)."""
    k = type(item)
    if k is tuple or k is list:
        return None, item
    if k is Row or isinstance(item, Row):
        return item.rowid, item.values
    if isinstance(item, (tuple, list)):
        return None, item
    return None, (item,)


# ---- Planning ---------------------------------------------------------------

def _index_info(info):
    constraints = []
    for c in info.constraints:
        rhs = None if c.rhs is None else _python_value(c.rhs)
        constraints.append(Constraint(c.column, c.op, c.usable, rhs, c.rhs is not None, c.in_list))
    order_by = [OrderBy(o.column, o.desc) for o in info.order_by]
    return IndexInfo(constraints, order_by, Columns(info.columns_used), info.distinct)


def _checked_plan(plan, info, name):
    """The plan as the contract's record, one usage entry per offered
    constraint. SQLite calls a plan breaking these rules an "xBestIndex
    malfunction"; say which rule instead (the Rust SDK's words)."""
    if not isinstance(plan, IndexPlan):
        raise Error(f"{name}: best_index must return an IndexPlan, got {type(plan).__name__}")
    offered = len(info.constraints)
    usage = list(plan.usage)
    if len(usage) > offered:
        raise Error(f"best_index: {len(usage)} constraint uses for {offered} constraints")
    usage += [None] * (offered - len(usage))
    uses = []
    for u in usage:
        if u is None:
            argv, omit, all_at_once = 0, False, False
        else:
            argv, omit, all_at_once = int(u.argv_index), bool(u.omit), bool(u.all_at_once)
        if not 0 <= argv < 1 << 32:
            raise Error(f"best_index: argv index {argv} is out of range")
        uses.append(vt.ConstraintUse(argv, omit, all_at_once))
    passed = sorted(u.argv_index for u in uses if u.argv_index > 0)
    if any(a != i + 1 for i, a in enumerate(passed)):
        raise Error(f"best_index: argv indexes must be 1, 2, 3... each used once, got {passed}")
    for i, u in enumerate(uses):
        if u.argv_index > 0 and not info.constraints[i].usable:
            raise Error(f"best_index: constraint {i} is not usable but is passed")
    for i, u in enumerate(uses):
        if u.all_at_once and (u.argv_index == 0 or not info.constraints[i].in_list):
            raise Error(f"best_index: constraint {i} is taken all at once but is not an IN list passed to the scan")
    idx_num, rows = int(plan.idx_num), int(plan.estimated_rows)
    if not -_I32 <= idx_num < _I32:
        raise Error(f"best_index: idx_num {idx_num} does not fit in 32 bits")
    if not -_I64 <= rows < _I64:
        raise Error(f"best_index: estimated_rows {rows} does not fit in 64 bits")
    idx_str = None if plan.idx_str is None else str(plan.idx_str)
    return vt.IndexPlan(uses, idx_num, idx_str, bool(plan.order_by_consumed), float(plan.estimated_cost),
                        rows, bool(plan.unique))


def _default_plan(hidden, info):
    """The plan of a class without ``best_index``: the whole table, as
    SQLite presets, except that HIDDEN columns are arguments (of a
    table-valued use): the first usable ``=`` on each of the first 31 is
    passed to the scan and omitted, and bit K of ``idx_num`` says the K-th
    hidden column was. An ``=`` on one offered only unusable makes the
    plan unusable (SQLITE_CONSTRAINT), so SQLite plans the join the other
    way round, as for its own table-valued functions."""
    plan = IndexPlan()
    for k, column in enumerate(hidden[:31]):
        chosen, unusable = None, False
        for i, c in enumerate(info.constraints):
            if c.column == column and c.op == Op.EQ:
                if c.usable:
                    chosen = i
                    break
                unusable = True
        if chosen is not None:
            plan.use(chosen, omit=True)
            plan.idx_num |= 1 << k
        elif unusable:
            raise Error("unusable argument", Error.CONSTRAINT)
    return plan


# ---- Connected tables -------------------------------------------------------

class _FunctionTable:
    """A connected table-valued function."""

    def __init__(self, tb, name):
        self.tb, self.name, self.table = tb, name, name
        self.width = len(tb.columns) + len(tb.signature.fixed)
        self.schema = declare(tb.columns, [p.name for p in tb.signature.fixed])

    def best_index(self, info):
        tb, name = self.tb, self.name
        first, count = len(tb.columns), len(tb.signature.fixed)
        chosen, unusable = [None] * count, [False] * count
        for i, c in enumerate(info.constraints):
            p = c.column - first
            if not 0 <= p < count:
                continue
            if not c.usable:
                unusable[p] = True
            elif c.op == Op.EQ and chosen[p] is None:
                chosen[p] = i
        usage = [vt.ConstraintUse(0, False, False) for _ in info.constraints]
        idx_num, argv = 0, 0
        for p, i in enumerate(chosen):
            if i is not None:
                argv += 1
                usage[i] = vt.ConstraintUse(argv, True, False)
                idx_num |= 1 << p
            elif unusable[p]:
                raise Error("unusable argument", Error.CONSTRAINT)
            elif p < tb.signature.required:
                raise missing_argument(name, p)
        return vt.IndexPlan(usage, idx_num, None, False, 1000.0, 1000, False)

    def scan(self, idx_num, idx_str, args, columns, subtypes=None, in_lists=()):
        """The function's items (none when a NULL argument meets the NULL
        rule), each followed by the values of the hidden columns."""
        tb, name = self.tb, self.name
        given, kwargs, hidden = iter(args), {}, []
        for p, param in enumerate(tb.signature.fixed):
            if not idx_num & (1 << p):
                hidden.append(None)
                continue
            v = plain_value_of(next(given))
            hidden.append(v)
            if v is None and not param.nullable:
                return _Rows(iter(()), None, name, 0, 0)
            try:
                kwargs[param.name] = None if v is None else param.convert(v)
            except Exception as e:
                raise Error(f"{name}(): argument {p + 1} {e}", Error.MISMATCH) from None
        try:
            items = iter(tb.fn(**kwargs))
        except Exception as e:
            raise as_error(e, f"{name}()") from None
        width = len(tb.columns)

        def row_of(item):
            values = list(item) if isinstance(item, (tuple, list)) else [item]
            if len(values) != width:
                raise Error(f"{name}(): a row has {len(values)} values for {width} columns")
            return None, values + hidden

        return _Rows(items, row_of, name, self.width, columns)

    def error(self, e):
        return as_error(e, f"{self.name}()")

    def update(self, change):
        raise Error(f"table {self.table} may not be modified")

    def event(self, method, *args):
        if method == "rename":
            raise Error(f"{self.name} cannot be renamed")

    def destroy(self):
        pass


class _ClassTable:
    """A connected instance of a virtual table class."""

    def __init__(self, module, name, obj, args):
        self.module, self.name, self.obj, self.table = module, name, obj, args.table
        schema = getattr(obj, "schema", None)
        if not isinstance(schema, str):
            raise Error(f"{name}: the table declares no schema: set schema = \"CREATE TABLE x(...)\" "
                        f"on the class or in __init__ (got {type(schema).__name__})")
        columns = schema_columns(schema)
        self.schema, self.width = schema, len(columns)
        self.hidden = [c for c, (_, hidden) in enumerate(columns) if hidden]
        self.hidden_names = [columns[c][0] for c in self.hidden]

    def error(self, e):
        return as_error(e, self.name)

    def best_index(self, info):
        info = _index_info(info)
        if self.module.plans:
            plan = self.obj.best_index(info)
        else:
            plan = _default_plan(self.hidden, info)
        return _checked_plan(plan, info, self.name)

    def scan(self, idx_num, idx_str, args, columns, subtypes=None, in_lists=()):
        args = [_python_value(a) for a in args]
        lists = {at: [_python_value(v) for v in values] for at, values in in_lists}
        arguments = {}
        if not self.module.plans:
            given = iter(args)
            for k, hidden in enumerate(self.hidden_names[:31]):
                if idx_num >> k & 1:
                    arguments[hidden] = next(given, None)
        items = self.obj.scan(Scan(idx_num, idx_str, args, Columns(columns), arguments, subtypes, lists))
        if items is None:
            raise Error(f"{self.name}: scan returned None; return an iterable of rows")
        return _Rows(iter(items), _class_row, self.name, self.width, columns)

    def update(self, change):
        if not self.module.writable:
            raise Error(f"table {self.table} may not be modified")  # SQLite's words
        k = type(change)
        if k is vt.RowChange_Delete:
            self._write("delete", "DELETE")(change.value)
            return None
        if k is vt.RowChange_Insert:
            rowid, values = change.value
            new = self._write("insert", "INSERT")(rowid, [_python_value(v) for v in values])
            if new is None and rowid is not None:
                return rowid
            if type(new) is bool or not isinstance(new, int) or not -_I64 <= new < _I64:
                raise Error(f"{self.name}: insert must return the new row's rowid (a 64-bit integer), got {new!r}")
            return int(new)
        old, new, values = change.value
        self._write("update", "UPDATE")(old, new, [_python_value(v) for v in values])
        return None

    def _write(self, method, statement):
        fn = getattr(self.obj, method, None)
        if fn is None:
            raise Error(f"table {self.table} does not support {statement}")
        return fn

    def event(self, method, *args):
        # Without the method, SQLite goes on as if it succeeded.
        fn = getattr(self.obj, method, None)
        if fn is not None:
            fn(*args)
        if method == "rename":
            self.table = args[0]

    def destroy(self):
        fn = getattr(self.obj, "destroy", None)
        if fn is not None:
            fn()


# ---- The export -------------------------------------------------------------

def vtab_export(tables):
    """The ``vtab`` export: module ids index the manifest's vtab list (one
    entry per name of each table-valued function and class, in order)."""
    from .declare import Table as Function
    modules = [(tb, name) for tb in tables for name in tb.names]
    opened, cursors = {}, {}
    counter = [0, 0]

    def fail(e):
        raise Err(sql_error(e))

    def module(id):
        if id >= len(modules):
            fail(Error(f"no virtual table module with id {id}"))
        return modules[id]

    def table(h):
        live = opened.get(h)
        if live is None:
            fail(Error(f"no open virtual table with handle {h}"))
        return live

    def keep(live):
        counter[0] += 1
        opened[counter[0]] = live
        return vt.DeclaredTable(counter[0], live.schema)

    def attach(id, args, creating):
        tb, name = module(id)
        if isinstance(tb, Function):
            if creating:
                fail(Error(f"no such module: {name} (it is a table-valued function only)"))
            return keep(_FunctionTable(tb, name))
        if creating and tb.eponymous_only:
            fail(Error(f"no such module: {name} (it is a table-valued function only)"))
        targs = TableArgs(name, args.database, args.table, args.arguments)
        try:
            obj = tb.create(targs) if creating else tb.connect(targs)
            return keep(_ClassTable(tb, name, obj, targs))
        except Exception as e:
            fail(as_error(e, name))

    def run(h, call):
        """Calls ``call(live)`` on table ``h``; any exception is the call's error."""
        live = table(h)
        try:
            return call(live)
        except Err:
            raise
        except Exception as e:
            fail(live.error(e))

    class Vtab:
        def connect(self, module, args):
            return attach(module, args, False)

        def create(self, module, args):
            return attach(module, args, True)

        def best_index(self, table, info):
            return run(table, lambda live: live.best_index(info))

        def disconnect(self, table):
            opened.pop(table, None)

        def destroy(self, table):
            live = opened.pop(table, None)
            if live is None:
                fail(Error(f"no open virtual table with handle {table}"))
            try:
                live.destroy()
            except Exception as e:
                fail(live.error(e))

        def open(self, table):
            live = opened.get(table)
            if live is None:
                fail(Error(f"no open virtual table with handle {table}"))
            counter[1] += 1
            cursors[counter[1]] = [live, None]
            return counter[1]

        def close(self, cursor):
            cursors.pop(cursor, None)

        def filter(self, cursor, idx_num, idx_str, args, arg_subtypes, in_lists, columns, max_rows):
            state = cursors.get(cursor)
            if state is None:
                fail(Error(f"no open virtual table cursor with handle {cursor}"))
            live = state[0]
            state[1] = None  # a new scan replaces the last one
            try:
                state[1] = live.scan(idx_num, idx_str, args, columns, dict(arg_subtypes), in_lists)
                return _fill(state[1], max_rows)
            except Exception as e:
                fail(live.error(e))

        def fetch(self, cursor, max_rows):
            state = cursors.get(cursor)
            if state is None:
                fail(Error(f"no open virtual table cursor with handle {cursor}"))
            if state[1] is None:
                fail(Error("fetch before filter"))
            try:
                return _fill(state[1], max_rows)
            except Exception as e:
                fail(state[0].error(e))

        def update(self, table, change, context):
            # The write's context (ON CONFLICT mode, subtypes, unchanged
            # columns) is not given to Python tables yet: they see the
            # values alone, as a plain INSERT or UPDATE gives them.
            return run(table, lambda live: live.update(change))

        def begin(self, table):
            run(table, lambda live: live.event("begin"))

        def sync(self, table):
            run(table, lambda live: live.event("sync"))

        def commit(self, table):
            run(table, lambda live: live.event("commit"))

        def rollback(self, table):
            run(table, lambda live: live.event("rollback"))

        def rename(self, table, new_name):
            run(table, lambda live: live.event("rename", new_name))

    return Vtab
