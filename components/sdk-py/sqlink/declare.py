"""Declaring an extension: one ``Extension`` holds its functions,
aggregates, collations and tables, read from plain Python signatures
(virtual table classes are read by ``tables.Module``).

The signature is the declaration, as in the Rust SDK: a parameter's
annotation says how its argument converts (``values.CONVERTERS``); a
parameter that may not be ``None`` never sees NULL (a scalar returns NULL
without being called, an aggregate skips the row); parameters with defaults
are optional (the function is registered once per accepted argument
count); ``*args`` takes any number.
"""

import inspect
import re
import sys
import types
import typing

from .tables import Module
from .values import CONVERTERS, ArgError, Error, Value

__all__ = ["Extension"]

_FLAGS = ("deterministic", "direct_only", "innocuous", "subtype", "result_subtype")


class Param:
    """How one parameter converts: ``convert`` (raises ArgError), whether it
    takes NULL, and its manifest type."""

    __slots__ = ("name", "convert", "nullable", "type")

    def __init__(self, name, annotation, where):
        self.name = name
        self.nullable = False
        if annotation is inspect.Parameter.empty or annotation in (typing.Any, object):
            annotation = Value
        origin = typing.get_origin(annotation)
        if origin is typing.Union or origin is types.UnionType:
            rest = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(rest) != 1:
                raise TypeError(f"{where}: parameter {name}: only Optional[T] unions are supported")
            annotation, self.nullable = rest[0], True
        if annotation not in CONVERTERS:
            known = ", ".join(t.__name__ for t in CONVERTERS)
            raise TypeError(f"{where}: parameter {name}: unsupported annotation {annotation!r} (use {known}, or Optional of one)")
        if annotation is Value:
            self.nullable = True  # Value includes NULL, as in Rust
        self.convert, self.type = CONVERTERS[annotation]


class Signature:
    """The SQL shape of a Python callable: its parameters and arities."""

    def __init__(self, fn, where, skip_self=False):
        try:
            hints = typing.get_type_hints(fn)
        except Exception:
            hints = getattr(fn, "__annotations__", {})
        params = list(inspect.signature(fn).parameters.values())
        if skip_self:
            params = params[1:]
        self.fixed, self.rest, self.required = [], None, 0
        for p in params:
            ann = hints.get(p.name, inspect.Parameter.empty)
            if p.kind is p.VAR_POSITIONAL:
                self.rest = Param(p.name, ann, where)
            elif p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
                self.fixed.append(Param(p.name, ann, where))
                if p.default is p.empty:
                    self.required = len(self.fixed)
            elif p.kind is p.KEYWORD_ONLY and p.default is p.empty:
                raise TypeError(f"{where}: keyword-only parameter {p.name} needs a default")

    def arities(self):
        if self.rest is not None:
            return [-1]
        return list(range(self.required, len(self.fixed) + 1))

    def types(self, arity):
        count = len(self.fixed) if arity < 0 else arity
        return [p.type for p in self.fixed[:count]]

    def convert(self, name, args):
        """The Python arguments for SQL ``args``, or None when the NULL rule
        answers. Raises Error for a bad argument."""
        n, total = len(args), len(self.fixed)
        if n < self.required or (self.rest is None and n > total):
            if self.rest is None:
                raise Error(f"{name}() takes {self.required} to {total} arguments, got {n}")
            raise Error(f"{name}() takes at least {self.required} arguments, got {n}")
        params = self.fixed if n <= total else self.fixed + [self.rest] * (n - total)
        if None not in args:  # the common case, in one pass
            try:
                return [p.convert(v) for p, v in zip(params, args)]
            except ArgError:
                pass  # the slow path below says which argument
        out = []
        for i, (p, v) in enumerate(zip(params, args)):
            if v is None:
                if not p.nullable:
                    return None
                out.append(None)
                continue
            try:
                out.append(p.convert(v))
            except ArgError as e:
                raise Error(f"{name}(): argument {i + 1} {e}", Error.MISMATCH) from None
        return out


def _doc(obj):
    return inspect.cleandoc(obj.__doc__) if obj.__doc__ else ""


def _snake_case(name):
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def _flags(options, where):
    unknown = set(options) - set(_FLAGS)
    if unknown:
        raise TypeError(f"{where}: unknown option {sorted(unknown)[0]!r}; expected name, aliases or one of {', '.join(_FLAGS)}")
    return [f for f in _FLAGS if options.get(f)]


class Function:
    """A scalar function."""

    def __init__(self, fn, name=None, aliases=(), **flags):
        self.fn = fn
        self.names = [name or fn.__name__, *aliases]
        self.flags = _flags(flags, self.names[0])
        self.doc = _doc(fn)
        self.signature = Signature(fn, f"{self.names[0]}()")

    def call(self, args):
        """The Python result for SQL arguments (None for NULL)."""
        converted = self.signature.convert(self.names[0], args)
        if converted is None:
            return None
        return self.fn(*converted)


class Aggregate:
    """An aggregate: a class whose instances are the groups' states, with
    ``step`` and ``finalize`` (a window aggregate adds ``inverse`` and
    ``value``)."""

    def __init__(self, cls, name=None, aliases=(), **flags):
        self.cls = cls
        self.names = [name or _snake_case(cls.__name__), *aliases]
        self.flags = _flags(flags, self.names[0])
        self.doc = _doc(cls)
        if not callable(getattr(cls, "step", None)):
            raise TypeError(f"{self.names[0]}: an aggregate class needs a step method")
        if not callable(getattr(cls, "finalize", None)) and not callable(getattr(cls, "value", None)):
            raise TypeError(f"{self.names[0]}: an aggregate class needs finalize (or value)")
        self.window = callable(getattr(cls, "inverse", None)) and callable(getattr(cls, "value", None))
        self.signature = Signature(cls.step, f"{self.names[0]}()", skip_self=True)


class Collation:
    """A collating sequence: ``compare(a, b)`` returning an int, or with
    ``keyed=True`` ``key(text)`` returning a sort key (bytes or str)."""

    def __init__(self, fn, name=None, keyed=False):
        self.fn = fn
        self.name = name or fn.__name__
        self.keyed = bool(keyed)
        hints = typing.get_type_hints(fn)
        params = list(inspect.signature(fn).parameters)
        self.takes_str = bool(params) and hints.get(params[0]) is str


class Table:
    """A table-valued function: its parameters are HIDDEN columns after the
    output ``columns``; each item it returns (a value, or a tuple of one
    value per column) is a row."""

    def __init__(self, fn, columns, name=None, aliases=()):
        self.fn = fn
        self.names = [name or fn.__name__, *aliases]
        self.doc = _doc(fn)
        self.columns = [c.strip() for c in columns.split(",")] if isinstance(columns, str) else list(columns)
        self.signature = Signature(fn, f"{self.names[0]}()")
        self.eponymous = self.eponymous_only = True
        self.writable = False
        if self.signature.rest is not None:
            raise TypeError(f"{self.names[0]}(): a table-valued function cannot take *args")


class Extension:
    """One extension: what ``manifest.describe`` lists, and the code behind it.

    Declare items with the decorators (``@extension.function(...)``) or pass
    them as lists of callables (``vtabs``: classes); the description
    defaults to the docstring of the module that creates the extension.
    Table-valued functions and virtual table classes share ``tables``, in
    the order declared (the manifest's vtab ids).
    """

    def __init__(self, name, version="0.1.0", description=None, *, prefix=None, namespace=None,
                 functions=(), aggregates=(), collations=(), tables=(), vtabs=()):
        if description is None:
            description = inspect.cleandoc(sys._getframe(1).f_globals.get("__doc__") or "")
        self.name, self.version, self.description = name, version, description
        self.prefix = prefix or name
        self.namespace = namespace or f"https://sqlink.dev/ns/{name}#"
        self.functions, self.aggregates, self.collations, self.tables = [], [], [], []
        for f in functions:
            self.functions.append(f if isinstance(f, Function) else Function(f))
        for a in aggregates:
            self.aggregates.append(a if isinstance(a, Aggregate) else Aggregate(a))
        for c in collations:
            self.collations.append(c if isinstance(c, Collation) else Collation(c))
        for t in tables:
            if not isinstance(t, (Table, Module)):
                raise TypeError("tables: declare each with @extension.table(columns=...)")
            self.tables.append(t)
        for v in vtabs:
            self.tables.append(v if isinstance(v, Module) else Module(v))

    def function(self, fn=None, **options):
        """Declares a scalar function: ``@extension.function(deterministic=True)``."""
        def add(fn):
            self.functions.append(Function(fn, **options))
            return fn
        return add(fn) if fn is not None else add

    def aggregate(self, cls=None, **options):
        """Declares an aggregate class: ``@extension.aggregate(deterministic=True)``."""
        def add(cls):
            self.aggregates.append(Aggregate(cls, **options))
            return cls
        return add(cls) if cls is not None else add

    def collation(self, fn=None, **options):
        """Declares a collation: ``@extension.collation(name="nocase_ascii")``."""
        def add(fn):
            self.collations.append(Collation(fn, **options))
            return fn
        return add(fn) if fn is not None else add

    def table(self, columns, **options):
        """Declares a table-valued function: ``@extension.table(columns="n")``."""
        def add(fn):
            self.tables.append(Table(fn, columns, **options))
            return fn
        return add

    def vtab(self, cls=None, **options):
        """Declares a virtual table class: ``@extension.vtab(name="kv")``;
        options ``name``, ``aliases`` and ``eponymous_only``."""
        def add(cls):
            self.tables.append(Module(cls, **options))
            return cls
        return add(cls) if cls is not None else add

    def exports(self):
        """The interfaces this extension exports (the worlds sqlink-py-build
        asks componentize-py for)."""
        kinds = [("functions", self.functions), ("aggregates", self.aggregates),
                 ("collations", self.collations), ("tables", self.tables)]
        return [k for k, items in kinds if items] or ["functions"]
