"""Virtual table classes of the Python SDK (tests/shell/py-sdk-tables.sql):
a key-value table made with CREATE VIRTUAL TABLE (writable, in
transactions, renamed and dropped, its storage outliving connections), a
table declared from its arguments (eponymous too), an eponymous-only range
whose HIDDEN columns are arguments under the default plan, a planned table
(constraints, argv positions, omit, ORDER BY, costs), 70 columns, and
errors. py_log lists what the tables were asked to do."""

from sqlink import Error, Extension, IndexPlan, Op, Row

extension = Extension("pytables", "0.1.0")

LOG = []

# Each py_kv table's rows, by (database, table): the storage a table keeps
# beyond its connections, which create makes, connect finds, rename moves
# and destroy drops (SQLite connects again after a rename, for one).
STORES = {}


@extension.vtab(name="py_log", eponymous_only=True)
class Log:
    """What the tables were asked to do since the last look (reading empties it)."""

    schema = "CREATE TABLE x(event TEXT)"

    def scan(self, scan):
        events = LOG[:]
        del LOG[:]
        return [(e,) for e in events]


def _where(args):
    if args.arguments:
        raise Error(f"py_kv takes no arguments, got {', '.join(args.arguments)}")
    return (args.database, args.table)


@extension.vtab(name="py_kv")
class KeyValues:
    """Key-value pairs made with CREATE VIRTUAL TABLE: writable, looked up
    by rowid or key, ordered by rowid either way, in transactions."""

    schema = "CREATE TABLE x(key TEXT, value)"

    def __init__(self, args):
        self.where = _where(args)
        if self.where not in STORES:
            raise Error(f"py_kv: {args.database}.{args.table} has no storage")
        self.saved = None
        LOG.append(f"connect {args.module} {args.database}.{args.table}")

    @classmethod
    def create(cls, args):
        STORES[_where(args)] = {}
        LOG.append(f"create {args.database}.{args.table}")
        return cls(args)

    def destroy(self):
        LOG.append(f"destroy {self.where[1]} with {len(self.rows)} rows")
        del STORES[self.where]

    @property
    def rows(self):
        return STORES[self.where]

    def best_index(self, info):
        plan = IndexPlan(estimated_cost=10.0 + len(self.rows), estimated_rows=max(len(self.rows), 1))
        for i, c in enumerate(info.constraints):
            if c.usable and c.op == Op.EQ and c.column == -1:
                plan.usage = []
                plan.use(i, omit=True)
                plan.idx_num, plan.unique = 1, True
                plan.estimated_cost, plan.estimated_rows = 1.0, 1
                break
            if c.usable and c.op == Op.EQ and c.column == 0 and plan.idx_num == 0:
                plan.use(i, omit=False)  # SQLite checks the key again
                plan.idx_num, plan.estimated_cost = 2, 5.0
        if len(info.order_by) == 1 and info.order_by[0].column == -1:
            plan.order_by_consumed = True
            plan.idx_str = "desc" if info.order_by[0].desc else "asc"
        return plan

    def scan(self, scan):
        rowids = sorted(self.rows, reverse=scan.idx_str == "desc")
        if scan.idx_num == 1:
            rowids = [r for r in rowids if r == scan.args[0]]
        elif scan.idx_num == 2:
            rowids = [r for r in rowids if self.rows[r][0] == scan.args[0]]
        return [Row(r, self.rows[r]) for r in rowids]

    def insert(self, rowid, values):
        if rowid is None:
            rowid = max(self.rows, default=0) + 1
        elif rowid in self.rows:
            raise Error(f"UNIQUE constraint failed: {self.where[1]}.rowid", Error.CONSTRAINT)
        self.rows[rowid] = values
        return rowid

    def update(self, old_rowid, new_rowid, values):
        if new_rowid != old_rowid and new_rowid in self.rows:
            raise Error(f"UNIQUE constraint failed: {self.where[1]}.rowid", Error.CONSTRAINT)
        del self.rows[old_rowid]
        self.rows[new_rowid] = values

    def delete(self, rowid):
        del self.rows[rowid]

    def begin(self):
        LOG.append("begin")
        self.saved = dict(self.rows)

    def sync(self):
        LOG.append("sync")
        for key, value in self.rows.values():
            if value == "poison":
                raise Error(f"py_kv: the value of {key} may not be committed")

    def commit(self):
        LOG.append("commit")
        self.saved = None

    def rollback(self):
        LOG.append("rollback")
        STORES[self.where] = self.saved if self.saved is not None else {}
        self.saved = None

    def rename(self, new_name):
        if new_name.startswith("bad"):
            raise Error(f"py_kv refuses the name {new_name}")
        LOG.append(f"rename {self.where[1]} to {new_name}")
        new = (self.where[0], new_name)
        STORES[new] = STORES.pop(self.where)
        self.where = new


@extension.vtab(name="py_args", aliases=("py_args_too",))
class Arguments:
    """One row: the module, database and table, then one column per
    CREATE VIRTUAL TABLE argument holding its text (eponymous: a column x)."""

    def __init__(self, args):
        self.columns = args.arguments or ["x"]
        self.schema = f"CREATE TABLE x(module, db, tbl, {', '.join(self.columns)})"
        self.row = [args.module, args.database, args.table, *(args.arguments or ["eponymous"])]

    def scan(self, scan):
        return [self.row]


@extension.vtab(name="py_range", eponymous_only=True)
class Range:
    """The integers from start to stop (default 10), under the default
    plan: the HIDDEN columns are the arguments."""

    schema = "CREATE TABLE x(value INTEGER, start HIDDEN, stop HIDDEN)"

    def scan(self, scan):
        start = scan.arguments.get("start", 1)
        stop = scan.arguments.get("stop", 10)
        if start is None or stop is None:
            return ()
        return self.rows(start, stop)

    @staticmethod
    def rows(start, stop):
        for value in range(start, stop + 1):
            if value == -13:
                raise Error("py_range: -13 is unlucky")
            yield value, start, stop


_OPS = {Op.EQ: "eq", Op.GT: "gt", Op.GE: "ge", Op.LT: "lt", Op.LE: "le"}


@extension.vtab(name="py_squares", eponymous_only=True)
class Squares:
    """The integers 1 to 100 and their squares. Plans the comparisons on n:
    passed in the reverse of the order offered (idx_str names them in argv
    order), omitted except for >, which the scan leaves to SQLite; ORDER BY
    n or rowid is consumed both ways; each constraint passed lowers the
    cost."""

    schema = "CREATE TABLE x(n INTEGER, square INTEGER)"

    def best_index(self, info):
        plan = IndexPlan(estimated_cost=1000.0, estimated_rows=100)
        ops = []
        for i in reversed(range(len(info.constraints))):
            c = info.constraints[i]
            if c.usable and c.column == 0 and c.op in _OPS:
                plan.use(i, omit=c.op != Op.GT)
                ops.append(_OPS[c.op])
        plan.idx_str = ",".join(ops) or None
        plan.estimated_cost /= 10 ** len(ops)
        plan.estimated_rows = max(100 // 10 ** len(ops), 1)
        if len(info.order_by) == 1 and info.order_by[0].column in (-1, 0):
            plan.order_by_consumed = True
            plan.idx_num = 1 if info.order_by[0].desc else 0
        return plan

    def scan(self, scan):
        ns = range(1, 101)
        for op, v in zip((scan.idx_str or "").split(","), scan.args):
            if op == "eq":
                ns = [n for n in ns if n == v]
            elif op == "ge":
                ns = [n for n in ns if n >= v]
            elif op == "lt":
                ns = [n for n in ns if n < v]
            elif op == "le":
                ns = [n for n in ns if n <= v]
        if scan.idx_num == 1:
            ns = reversed(list(ns))
        square = 1 in scan.columns
        return (Row(n, (n, n * n if square else None)) for n in ns)


@extension.vtab(name="py_wide", eponymous_only=True)
class Wide:
    """70 columns: column c of row r holds 100 * r + c (rowids 100, 101, 102)."""

    schema = f"CREATE TABLE x({', '.join(f'c{i}' for i in range(70))})"

    def scan(self, scan):
        return (Row(100 + r, [100 * r + c for c in range(70)]) for r in range(3))


@extension.vtab(name="py_values", eponymous_only=True)
class Values:
    """One row of each kind of value, with a Python exception after them."""

    schema = "CREATE TABLE x(kind, value)"

    def best_index(self, info):
        plan = IndexPlan()
        for i, c in enumerate(info.constraints):
            if c.usable and c.column == 0 and c.op == Op.MATCH:
                plan.use(i)
                plan.use(i)  # again: argv 2 alone
            elif c.column == 0 and c.op == Op.EQ and c.rhs == "big":
                plan.idx_num = 1  # known while planning: no argument needed
        return plan

    def scan(self, scan):
        if scan.idx_num == 1:
            yield "big", 1 << 64
        yield "int", 1 << 62
        yield "real", 2.5
        yield "bool", True
        yield "text", "h\u00e9llo, a text that is longer than a short value"
        yield "raw", b"\xff\x41".decode("utf-8", "surrogateescape")
        yield "blob", b"\x00\xff"
        yield "null", None
        yield "nan", float("nan")
        yield ["short"]
        raise KeyError("the end")


@extension.vtab(name="py_broken", eponymous_only=True)
class Broken:
    """A schema without columns."""

    schema = "CREATE TABLE x"

    def scan(self, scan):
        return ()
