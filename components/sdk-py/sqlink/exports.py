"""The contract's exports for one ``Extension``, over componentize-py's
bindings (``wit_world``), and the hot-call encoding (``arg``, ``outcome``
and ``overflow`` in wit/extension): short text and blobs arrive and leave
inline as three little-endian u64 words, and what an outcome cannot carry
(a long result, an error's message) waits for ``overflow.take``.

``export_classes`` is what the entry module sqlink-py-build writes calls;
extension code never sees this module.
"""

import struct

from wit_world.imports import types as t

from .values import Error, RawText, format_real, from_python

_pack, _unpack = struct.Struct("<QQQ").pack, struct.Struct("<QQQ").unpack
_ZEROS = bytes(24)
_overflow = b""


# ---- Arguments and outcomes -------------------------------------------------

def _short(s):
    if s.len > 24:
        # A host sending more than 24 bytes inline broke the contract.
        raise RuntimeError("short-bytes longer than 24 bytes")
    return _pack(s.w0, s.w1, s.w2)[:s.len]


_ShortText, _Integer, _Real, _Null, _ShortBlob, _Text = (
    t.Arg_ShortText, t.Arg_Integer, t.Arg_Real, t.Arg_Null, t.Arg_ShortBlob, t.Arg_Text)


def value_of(a):
    """An ``arg`` as a SQL value (None, int, float, RawText or bytes)."""
    c = type(a)
    if c is _ShortText:
        s = a.value
        return RawText(_pack(s.w0, s.w1, s.w2)[:s.len]) if s.len <= 24 else RawText(_short(s))
    if c is _Integer or c is _Real:
        return a.value
    if c is _Null:
        return None
    if c is _ShortBlob:
        return _short(a.value)
    if c is _Text:
        return RawText(a.value)
    return bytes(a.value)


def plain_value_of(v):
    """A ``value`` (vtab arguments, subtyped arguments) as a SQL value."""
    c = type(v)
    if c is t.Value_Null:
        return None
    if c is t.Value_Text:
        return RawText(v.value)
    if c is t.Value_Blob:
        return bytes(v.value)
    return v.value


def _leave(data):
    global _overflow
    _overflow = bytes(data)
    return len(data)


_ShortBytes = t.ShortBytes


def _short_bytes(b):
    n = len(b)
    w0, w1, w2 = _unpack(b + _ZEROS[n:])
    return _ShortBytes(n, w0, w1, w2)


def outcome(v):
    """A SQL value as an outcome: short text and blobs inline."""
    if v is None:
        return t.Outcome_Null()
    c = type(v)
    if c is RawText:
        return t.Outcome_ShortText(_short_bytes(v)) if len(v) <= 24 else t.Outcome_LongText(_leave(v))
    if c is int:
        return t.Outcome_Integer(v)
    if c is float:
        return t.Outcome_Real(v)
    return t.Outcome_ShortBlob(_short_bytes(v)) if len(v) <= 24 else t.Outcome_LongBlob(_leave(v))


def as_error(e, where):
    """Any exception as an Error: an Error as it is, others led by where it
    was raised (``f()`` for a function, a module's name for a table) and
    the exception's type."""
    if isinstance(e, Error):
        return e
    if isinstance(e, MemoryError):
        return Error(f"{where}: out of memory", Error.NOMEM)
    return Error(f"{where}: {type(e).__name__}: {e}" if str(e) else f"{where}: {type(e).__name__}")


def error_outcome(e):
    """An error as an outcome; its message waits for ``overflow.take``."""
    _leave(e.message.encode("utf-8", "replace"))
    return t.Outcome_Error(e.code)


def status(e):
    """A ``step`` status: the error's code (never 0) with its message left."""
    _leave(e.message.encode("utf-8", "replace"))
    return e.code or Error.ERROR


def sql_error(e):
    return t.SqlError(e.code, e.message)


class Overflow:
    def take(self):
        global _overflow
        data, _overflow = _overflow, b""
        return data


# ---- Scalar functions -------------------------------------------------------

class Subtyped:
    """A result with a SQLite subtype (for functions flagged
    ``result_subtype``): ``Subtyped(text, ord('J'))``."""

    __slots__ = ("value", "subtype")

    def __init__(self, value, subtype):
        self.value, self.subtype = value, subtype


def _scalar_export(functions):
    """The ``scalar`` export: ids index the manifest's function list."""
    ids = []
    for f in functions:
        ids.extend([f] * (len(f.signature.arities()) * len(f.names)))

    def run(id, args):
        try:
            f = ids[id]
        except IndexError:
            return error_outcome(Error(f"no scalar function with id {id}"))
        try:
            result = f.call(args)
            if type(result) is Subtyped:
                result = result.value
            return outcome(from_python(result, f.names[0]))
        except Exception as e:
            return error_outcome(as_error(e, f"{f.names[0]}()"))

    class Scalar:
        def invoke(self, id, args):
            return run(id, [value_of(a) for a in args])

        def invoke0(self, id):
            return run(id, [])

        def invoke1(self, id, a):
            return run(id, [value_of(a)])

        def invoke2(self, id, a, b):
            return run(id, [value_of(a), value_of(b)])

        def invoke3(self, id, a, b, c):
            return run(id, [value_of(a), value_of(b), value_of(c)])

        def invoke_subtyped(self, id, args):
            if id >= len(ids):
                return t.SubtypedOutcome(error_outcome(Error(f"no scalar function with id {id}")), 0)
            f = ids[id]
            try:
                result = f.call([plain_value_of(a.value) for a in args])
                subtype = 0
                if type(result) is Subtyped:
                    result, subtype = result.value, result.subtype
                return t.SubtypedOutcome(outcome(from_python(result, f.names[0])), subtype)
            except Exception as e:
                return t.SubtypedOutcome(error_outcome(as_error(e, f"{f.names[0]}()")), 0)

    return Scalar


# ---- Aggregates -------------------------------------------------------------

def _aggregate_export(aggregates):
    """The ``aggregate`` export: one state object per group, created on its
    first row and dropped by ``finalize``."""
    ids = []
    for k, a in enumerate(aggregates):
        ids.extend([(k, a)] * (len(a.signature.arities()) * len(a.names)))
    groups = {}

    def find(id):
        if id >= len(ids):
            raise Error(f"no aggregate with id {id}")
        return ids[id]

    def moving(id, group, count, width, args, method):
        name = "?"
        try:
            k, a = find(id)
            name = a.names[0]
            if method == "inverse" and not a.window:
                raise Error(f"aggregate {id} is not a window function")
            state = groups.get((k, group))
            if state is None:
                state = groups[(k, group)] = a.cls()
            fn, convert = getattr(state, method), a.signature.convert
            for r in range(count):
                row = convert(name, [value_of(x) for x in args[r * width:(r + 1) * width]])
                if row is not None:  # the NULL rule: the row is skipped
                    fn(*row)
            return 0
        except Exception as e:
            return status(as_error(e, f"{name}()"))

    def result(id, group, final):
        name = "?"
        try:
            k, a = find(id)
            name = a.names[0]
            if final:
                state = groups.pop((k, group), None)
                if state is None:
                    state = a.cls()
                value = state.finalize() if callable(getattr(state, "finalize", None)) else state.value()
            else:
                if not a.window:
                    raise Error(f"aggregate {id} is not a window function")
                state = groups.get((k, group))
                value = (a.cls() if state is None else state).value()
            subtype = 0
            if type(value) is Subtyped:
                value, subtype = value.value, value.subtype
            return t.SubtypedOutcome(outcome(from_python(value, name)), subtype)
        except Exception as e:
            return t.SubtypedOutcome(error_outcome(as_error(e, f"{name}()")), 0)

    class Aggregate:
        def step(self, id, group, rows, width, args, subtypes):
            return moving(id, group, rows, width, args, "step")

        def inverse(self, id, group, rows, width, args, subtypes):
            return moving(id, group, rows, width, args, "inverse")

        def value(self, id, group):
            return result(id, group, False)

        def finalize(self, id, group):
            return result(id, group, True)

    return Aggregate


# ---- Collations -------------------------------------------------------------

def _collation_text(a):
    """A collation's argument as its bytes (numbers as text)."""
    v = value_of(a)
    if type(v) is int:
        return str(v).encode()
    if type(v) is float:
        return format_real(v).encode()
    return v or b""


def _collation_export(collations):
    def arg(c, a):
        b = _collation_text(a)
        return b.decode("utf-8", "replace") if c.takes_str else RawText(b)

    class Collation:
        def compare(self, id, a, b):
            if id >= len(collations) or collations[id].keyed:
                x, y = _collation_text(a), _collation_text(b)
                return (x > y) - (x < y)
            c = collations[id]
            r = c.fn(arg(c, a), arg(c, b))
            return (r > 0) - (r < 0)

        def sort_key(self, id, text):
            if id >= len(collations) or not collations[id].keyed:
                return outcome(bytes(_collation_text(text)))
            c = collations[id]
            try:
                key = c.fn(arg(c, text))
                return outcome(key.encode("utf-8") if isinstance(key, str) else bytes(key))
            except Exception as e:
                return error_outcome(as_error(e, f"{c.name}()"))

    return Collation


# ---- Everything ---------------------------------------------------------------

def export_classes(extension, kinds=None):
    """The classes componentize-py calls, by interface name, for the
    interfaces ``extension`` exports (or the worlds in ``kinds``)."""
    from .manifest import manifest_export
    kinds = kinds or extension.exports()
    classes = {"Manifest": manifest_export(extension)}
    if set(kinds) & {"functions", "aggregates", "collations"}:
        classes["Overflow"] = Overflow
    if "functions" in kinds:
        classes["Scalar"] = _scalar_export(extension.functions)
    if "aggregates" in kinds:
        classes["Aggregate"] = _aggregate_export(extension.aggregates)
    if "collations" in kinds:
        classes["Collation"] = _collation_export(extension.collations)
    if "tables" in kinds:
        from .vtab import vtab_export
        classes["Vtab"] = vtab_export(extension.tables)
    return classes
