"""``manifest.describe``: an ``Extension`` as the contract's manifest record.

Ids are positions in these lists, one entry per (arity, name) of an item in
the Rust SDK's order, which the exports follow.
"""

from wit_world.exports import manifest as m
from wit_world.imports import types as t

_FLAG_BITS = {
    "deterministic": t.FunctionFlags.DETERMINISTIC,
    "direct_only": t.FunctionFlags.DIRECT_ONLY,
    "innocuous": t.FunctionFlags.INNOCUOUS,
    "subtype": t.FunctionFlags.SUBTYPE,
    "result_subtype": t.FunctionFlags.RESULT_SUBTYPE,
}


def _flags(names):
    bits = t.FunctionFlags(0)
    for name in names:
        bits |= _FLAG_BITS[name]
    return bits


def describe(ext):
    """The manifest record of ``ext``."""
    functions = [
        m.Function(name, arity, _flags(f.flags), [m.ValueType[v] for v in f.signature.types(arity)], None, f.doc)
        for f in ext.functions
        for arity in f.signature.arities()
        for name in f.names
    ]
    aggregates = [
        m.Aggregate(name, arity, _flags(a.flags), a.window, a.doc)
        for a in ext.aggregates
        for arity in a.signature.arities()
        for name in a.names
    ]
    collations = [m.Collation(c.name, c.keyed) for c in ext.collations]
    vtabs = [
        m.VtabModule(name, eponymous=tb.eponymous, eponymous_only=tb.eponymous_only, writable=tb.writable,
                     direct_only=False, shadow_tables=[], description=tb.doc)
        for tb in ext.tables
        for name in tb.names
    ]
    return m.Manifest(
        name=ext.name, version=ext.version, description=ext.description, prefix=ext.prefix, namespace=ext.namespace,
        functions=functions, aggregates=aggregates, collations=collations, vtabs=vtabs, dot_commands=[],
        hooks=m.HookSet(0), authorizer=False, capabilities=[],
    )


def manifest_export(ext):
    class Manifest:
        def describe(self):
            return describe(ext)

    return Manifest
