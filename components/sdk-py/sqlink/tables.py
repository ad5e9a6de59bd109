"""Virtual tables declared as classes (``@extension.vtab``), as the Rust
SDK's ``#[vtab]`` types (components/sdk/src/vtab.rs): the vocabulary a
table's methods see, and how a class is read.

What a class defines decides what the manifest declares, as the Rust
traits it implements do: ``scan`` alone is a read-only table usable both
eponymously and with ``CREATE VIRTUAL TABLE`` (Rust's ``Table``); ``create``
or ``destroy`` makes it created before use (``CreateTable``); ``insert``,
``update`` or ``delete`` makes it writable (``UpdateTable``), and a
writable table may take part in transactions and renames (``begin``,
``sync``, ``commit``, ``rollback``, ``rename``: ``TransactionTable``).

This module needs no bindings: ``sqlink-py-build`` imports it on the host.
"""

import inspect

from .values import Error

__all__ = ["TableArgs", "Scan", "Row", "Columns", "Op", "Constraint", "OrderBy", "IndexInfo",
           "ConstraintUse", "IndexPlan", "schema_columns"]


class TableArgs:
    """Where a table is connected or created: ``module`` (the SQL name the
    statement used), ``database`` ("main", "temp", an attached name),
    ``table`` (the module's name for an eponymous use) and ``arguments``
    (those of ``CREATE VIRTUAL TABLE t USING module(args...)`` as written;
    empty for an eponymous use)."""

    __slots__ = ("module", "database", "table", "arguments")

    def __init__(self, module, database, table, arguments):
        self.module, self.database, self.table, self.arguments = module, database, table, list(arguments)

    def __repr__(self):
        return f"TableArgs(module={self.module!r}, database={self.database!r}, table={self.table!r}, arguments={self.arguments!r})"


class Columns:
    """A set of columns as SQLite's ``colUsed`` mask: bit N is column N for
    N below 63, and bit 63 stands for every column from 63 on.
    ``column in columns`` asks about one."""

    __slots__ = ("mask",)

    def __init__(self, mask):
        self.mask = int(mask)

    def __contains__(self, column):
        return bool(self.mask >> min(column, 63) & 1)

    def of(self, width):
        """The columns of a table ``width`` wide that are in the set, in order."""
        return [c for c in range(width) if c in self]

    def __eq__(self, other):
        return isinstance(other, Columns) and other.mask == self.mask

    def __repr__(self):
        return f"Columns({self.mask:#x})"


Columns.ALL = Columns((1 << 64) - 1)


class Scan:
    """One scan SQLite starts: the plan ``best_index`` chose (``idx_num``,
    ``idx_str``), the values of the constraints it passed (``args``, in
    ``argv_index`` order), the columns SQLite reads (``columns``: rows may
    hold anything, None say, in the others), ``arguments``: under the
    default plan, the values given to HIDDEN columns, by column name,
    ``subtypes``: the SQLite subtypes of the ``args`` that have one, by
    position, and ``in_lists``: the values of each ``IN (...)`` the plan
    took all at once (``IndexPlan.use_list``), by position in ``args``
    (where it is None), sorted and without duplicates as SQLite gives
    them."""

    __slots__ = ("idx_num", "idx_str", "args", "columns", "arguments", "subtypes", "in_lists")

    def __init__(self, idx_num=0, idx_str=None, args=(), columns=Columns.ALL, arguments=None, subtypes=None,
                 in_lists=None):
        self.idx_num, self.idx_str, self.args, self.columns = idx_num, idx_str, list(args), columns
        self.arguments = arguments if arguments is not None else {}
        self.subtypes = subtypes if subtypes is not None else {}
        self.in_lists = in_lists if in_lists is not None else {}

    def in_list(self, i):
        """The values of ``args[i]`` when it is an ``IN (...)`` taken all at
        once, else None."""
        return self.in_lists.get(i)

    def __repr__(self):
        return f"Scan(idx_num={self.idx_num}, idx_str={self.idx_str!r}, args={self.args!r}, columns={self.columns!r})"


class Row:
    """A row with its own rowid. A scan's other items are rows numbered 1,
    2, 3... in scan order: a tuple or list holds one value per declared
    column (hidden ones included; a short row is padded with NULLs, values
    past the last column are ignored), anything else is a one-column row."""

    __slots__ = ("rowid", "values")

    def __init__(self, rowid, values):
        self.rowid, self.values = rowid, values

    def __eq__(self, other):
        return isinstance(other, Row) and (other.rowid, list(other.values)) == (self.rowid, list(self.values))

    def __repr__(self):
        return f"Row({self.rowid!r}, {self.values!r})"


class Op:
    """SQLite's ``SQLITE_INDEX_CONSTRAINT_*`` codes, the ``op`` of a
    ``Constraint``."""

    EQ = 2
    GT = 4
    LE = 8
    LT = 16
    GE = 32
    MATCH = 64
    LIKE = 65
    GLOB = 66
    REGEXP = 67
    NE = 68
    ISNOT = 69
    ISNOTNULL = 70
    ISNULL = 71
    IS = 72
    LIMIT = 73
    OFFSET = 74
    FUNCTION = 150


class Constraint:
    """One WHERE-clause constraint offered to ``best_index``: ``column``
    (-1 for the rowid), ``op`` (an ``Op``), ``usable`` (SQLite offers a
    constraint whose value comes from a table scanned later as unusable),
    ``rhs``: its value when SQLite knows it while planning (literals,
    bound parameters), with ``has_rhs`` telling a known NULL from none, and
    ``in_list``: an ``=`` that stands for ``column IN (...)``, whose values
    a plan may take together in one scan (``IndexPlan.use_list``) instead
    of SQLite running one scan per value."""

    __slots__ = ("column", "op", "usable", "rhs", "has_rhs", "in_list")

    def __init__(self, column, op, usable=True, rhs=None, has_rhs=None, in_list=False):
        self.column, self.op, self.usable, self.rhs = column, op, usable, rhs
        self.has_rhs = rhs is not None if has_rhs is None else has_rhs
        self.in_list = bool(in_list)

    def __repr__(self):
        rhs = f", rhs={self.rhs!r}" if self.has_rhs else ""
        in_list = ", in_list=True" if self.in_list else ""
        return f"Constraint(column={self.column}, op={self.op}, usable={self.usable}{rhs}{in_list})"


class OrderBy:
    """One ORDER BY term: ``column`` (-1 for the rowid) and ``desc``."""

    __slots__ = ("column", "desc")

    def __init__(self, column, desc=False):
        self.column, self.desc = column, bool(desc)

    def __eq__(self, other):
        return isinstance(other, OrderBy) and (other.column, other.desc) == (self.column, self.desc)

    def __repr__(self):
        return f"OrderBy({self.column}, desc={self.desc})"


class IndexInfo:
    """The question SQLite asks when planning a query: ``constraints``,
    ``order_by`` (when every term concerns this table), ``columns_used``
    (a ``Columns``) and ``distinct`` (0 when the order matters, 1 for GROUP
    BY, 2 for DISTINCT, 3 for both)."""

    __slots__ = ("constraints", "order_by", "columns_used", "distinct")

    def __init__(self, constraints=(), order_by=(), columns_used=Columns.ALL, distinct=0):
        self.constraints, self.order_by = list(constraints), list(order_by)
        self.columns_used, self.distinct = columns_used, distinct

    def __repr__(self):
        return f"IndexInfo(constraints={self.constraints!r}, order_by={self.order_by!r}, columns_used={self.columns_used!r}, distinct={self.distinct})"


class ConstraintUse:
    """How a plan uses one offered constraint: its value goes to
    ``Scan.args`` at ``argv_index - 1`` (0: not passed), with ``omit``
    SQLite does not check it again, and with ``all_at_once`` an
    ``in_list`` constraint's values all come in one scan
    (``Scan.in_list``), not one scan per value."""

    __slots__ = ("argv_index", "omit", "all_at_once")

    def __init__(self, argv_index=0, omit=False, all_at_once=False):
        self.argv_index, self.omit, self.all_at_once = argv_index, bool(omit), bool(all_at_once)

    def __eq__(self, other):
        return isinstance(other, ConstraintUse) and (
            (other.argv_index, other.omit, other.all_at_once) == (self.argv_index, self.omit, self.all_at_once))

    def __repr__(self):
        all_at_once = ", all_at_once=True" if self.all_at_once else ""
        return f"ConstraintUse({self.argv_index}, omit={self.omit}{all_at_once})"


class IndexPlan:
    """A table's answer to ``IndexInfo``, later passed to ``scan`` as its
    ``idx_num`` and ``idx_str``. A new plan is what SQLite presets before
    asking a C table: no constraint used, a very high cost
    (``DEFAULT_COST``) and ``DEFAULT_ROWS`` rows; set what you know better.

    ``usage`` has one ``ConstraintUse`` per offered constraint (shorter is
    fine: the rest are unused); ``use(i, omit)`` passes constraint ``i``,
    ``use_list(i, omit)`` an ``in_list`` one with all its values."""

    DEFAULT_COST = 5e98
    DEFAULT_ROWS = 25

    __slots__ = ("usage", "idx_num", "idx_str", "order_by_consumed", "estimated_cost", "estimated_rows", "unique")

    def __init__(self, idx_num=0, idx_str=None, *, order_by_consumed=False, estimated_cost=DEFAULT_COST,
                 estimated_rows=DEFAULT_ROWS, unique=False, usage=()):
        self.usage = list(usage)
        self.idx_num, self.idx_str, self.order_by_consumed = idx_num, idx_str, order_by_consumed
        self.estimated_cost, self.estimated_rows, self.unique = estimated_cost, estimated_rows, unique

    def use(self, constraint, omit=False):
        """Passes constraint ``constraint`` (its index in
        ``IndexInfo.constraints``) to the scan as the next argument and
        returns its ``argv_index``. ``omit``: SQLite need not check it."""
        while len(self.usage) <= constraint:
            self.usage.append(ConstraintUse())
        argv_index = sum(1 for u in self.usage if u.argv_index > 0) + 1
        self.usage[constraint] = ConstraintUse(argv_index, omit)
        return argv_index

    def use_list(self, constraint, omit=False):
        """As ``use``, for an ``in_list`` constraint whose values the scan
        takes all at once: its argument is None and ``Scan.in_list`` gives
        the values."""
        argv_index = self.use(constraint, omit)
        self.usage[constraint].all_at_once = True
        return argv_index

    def __repr__(self):
        return (f"IndexPlan(idx_num={self.idx_num}, idx_str={self.idx_str!r}, usage={self.usage!r}, "
                f"order_by_consumed={self.order_by_consumed}, estimated_cost={self.estimated_cost}, "
                f"estimated_rows={self.estimated_rows}, unique={self.unique})")


# ---- Schemas ----------------------------------------------------------------

def _bad_schema(schema):
    return Error(f"a virtual table's schema must be `CREATE TABLE x(columns...)`, got `{schema}`")


def _tokens(sql):
    """Words, quoted names (unquoted, flagged) and ( ) , as the Rust SDK's
    schema reader (components/sdk/src/vtab/schema.rs) splits them."""
    out, i, n = [], 0, len(sql)
    while i < n:
        c = sql[i]
        i += 1
        if c.isspace():
            continue
        if c in "\"`'[":
            close = "]" if c == "[" else c
            text = []
            while i < n:
                d = sql[i]
                i += 1
                if d == close:
                    if close != "]" and i < n and sql[i] == close:
                        i += 1  # a doubled quote stands for itself
                    else:
                        break
                text.append(d)
            out.append(("".join(text), True))
        elif c in "(),":
            out.append((c, False))
        else:
            start = i - 1
            while i < n and not sql[i].isspace() and sql[i] not in "(),\"`'[":
                i += 1
            out.append((sql[start:i], False))
    return out


_CONSTRAINT_WORDS = ("constraint", "primary", "unique", "check", "foreign")


def schema_columns(schema):
    """The columns of ``CREATE TABLE x(...)`` as (name, hidden) pairs, in
    order; table constraints are not columns. Raises Error without a
    parenthesised column list."""
    tokens = _tokens(schema)
    try:
        start = tokens.index(("(", False)) + 1
    except ValueError:
        raise _bad_schema(schema) from None
    depth, definitions, closed = 0, [[]], False
    for token in tokens[start:]:
        text, quoted = token
        if not quoted:
            if text == "(":
                depth += 1
            elif text == ")":
                if depth == 0:
                    closed = True
                    break
                depth -= 1
            elif text == "," and depth == 0:
                definitions.append([])
                continue
        definitions[-1].append(token)
    if not closed:
        raise _bad_schema(schema)
    columns = []
    for d in definitions:
        if not d:
            continue
        (name, quoted), rest = d[0], d[1:]
        if not quoted and name.lower() in _CONSTRAINT_WORDS:
            continue
        columns.append((name, any(not q and t.lower() == "hidden" for t, q in rest)))
    return columns


# ---- Declaring a class ------------------------------------------------------

_WRITES = ("insert", "update", "delete")
_EVENTS = ("begin", "sync", "commit", "rollback", "rename")


def _takes_args(fn, skip_self=False):
    """Whether ``__init__`` (skipping self) or ``create`` takes the TableArgs."""
    if fn is object.__init__:
        return False
    try:
        params = [p for p in inspect.signature(fn).parameters.values() if p.kind is not p.VAR_KEYWORD]
    except (TypeError, ValueError):
        return True
    return len(params) > int(skip_self)


class Module:
    """A virtual table module: a class whose instances are connected tables.

    ``cls(args)`` connects (``cls()`` when its ``__init__`` takes no
    arguments); the table's ``schema`` attribute (of the class or set in
    ``__init__``) is the ``CREATE TABLE x(...)`` statement declaring its
    columns. ``scan(scan)`` returns its rows; the other methods are
    optional (see this module's docstring).
    """

    def __init__(self, cls, name=None, aliases=(), eponymous_only=False):
        from .declare import _doc, _snake_case
        if not isinstance(cls, type):
            raise TypeError(f"@vtab declares a class, got {cls!r}")
        self.cls = cls
        self.names = [name or _snake_case(cls.__name__), *aliases]
        self.doc = _doc(cls)
        where = self.names[0]

        def has(method):
            return callable(getattr(cls, method, None))

        if not has("scan"):
            raise TypeError(f"{where}: a virtual table class needs a scan method")
        self.creates = has("create") or has("destroy")
        if eponymous_only and self.creates:
            raise TypeError(f"{where}: a class with create or destroy is created with CREATE VIRTUAL TABLE, "
                            "so it cannot be eponymous_only: drop one or the other")
        self.eponymous_only = bool(eponymous_only)
        self.eponymous = self.eponymous_only or not self.creates
        self.writable = any(has(m) for m in _WRITES)
        if not self.writable:
            for m in _EVENTS:
                if has(m):
                    raise TypeError(f"{where}: {m} is called only on writable tables: define insert, update or delete too")
        if has("create") and not isinstance(inspect.getattr_static(cls, "create"), (classmethod, staticmethod)):
            raise TypeError(f"{where}: create makes the table, so it must be a @classmethod (or @staticmethod)")
        self.plans = has("best_index")
        self.connect_takes_args = _takes_args(cls.__init__, skip_self=True)
        self.create_takes_args = has("create") and _takes_args(cls.create)

    def connect(self, args):
        return self.cls(args) if self.connect_takes_args else self.cls()

    def create(self, args):
        if not callable(getattr(self.cls, "create", None)):
            return self.connect(args)
        return self.cls.create(args) if self.create_takes_args else self.cls.create()
