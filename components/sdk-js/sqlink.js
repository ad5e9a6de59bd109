// Write sqlink extensions in JavaScript: SQLite functions, aggregates,
// collations, table-valued functions and virtual table modules, declared
// in one object, that any sqlink host loads as one WebAssembly component
// (built by build.mjs with componentize-js).
//
//   import { extension, SqlError } from '@sqlink/sdk';
//
//   export default extension({
//     name: 'demo',
//     description: 'Small string helpers.',
//     functions: {
//       reverse: { args: ['text'], deterministic: true, description: 'Reverses a string.',
//                  call: (s) => Array.from(s).reverse().join('') },
//     },
//     aggregates: {
//       total_length: { args: ['text'], init: () => 0, step: (n, s) => n + s.length },
//     },
//   });
//
// Arguments convert into the types a function declares ('text', 'integer',
// 'bigint', 'real', 'boolean', 'blob', 'any', 'value'; see TYPES in
// lib/values.js) with the Rust SDK's rules and error messages. One rule
// for NULL: an argument whose type does not end in '?' (and is not 'any'
// or 'value') never sees NULL; a scalar then returns NULL without being
// called, and an aggregate skips the row. `optional` types trailing
// arguments that may be absent (the function is registered once per
// accepted count); `variadic` types any number after those.
//
// This module implements the contract (wit/extension, sqlink:extension@0.2.0)
// in `exports`: manifest.describe, scalar.invoke*, aggregate.*,
// collation.*, vtab.* and overflow.take. The build re-exports the
// interfaces an extension's items need, and only those.

import { SqlError, Value, Subtyped, parseType, lossyText, bytesCopy, encoder, ERROR, TOOBIG, CONSTRAINT, MISMATCH, RANGE, JSON_SUBTYPE } from './lib/values.js';
import { take, resultOutcome, errorOutcome, errorStatus, keyOutcome, NULL_OUTCOME } from './lib/abi.js';
import { tableModules } from './lib/tables.js';
import { moduleEntries } from './lib/modules.js';
import { vtabExports } from './lib/vtab.js';

export { SqlError, Value, Subtyped, json, formatReal } from './lib/values.js';
export { ConstraintOp, Columns, IndexPlan } from './lib/vtab.js';
export { ERROR, TOOBIG, CONSTRAINT, MISMATCH, RANGE, JSON_SUBTYPE };

/** Returned by argument conversion when the NULL rule answers the call. */
const NULL_RULE = Symbol('null rule');
const NO_SUBTYPES = [];

/** The subtypes of the current call's arguments (functions flagged `subtype`). */
let subtypes = NO_SUBTYPES;

/**
 * The SQLite subtype of argument `i` (0-based) of the running call: 0 when
 * it has none, or when the function is not flagged `subtype`.
 */
export function argSubtype(i) {
  return subtypes[i] ?? 0;
}

const FLAGS = ['deterministic', 'directOnly', 'innocuous', 'subtype', 'resultSubtype'];

function flagsOf(item) {
  const flags = {};
  for (const f of FLAGS) flags[f] = !!item[f];
  return flags;
}

/**
 * The parameters an item declares: `args` (types, or a count of 'any'),
 * then `optional` and `variadic`. A bare function takes `fn.length`
 * arguments of type 'any'.
 */
function paramsOf(item, where) {
  const args = typeof item.args === 'number' ? Array(item.args).fill('any') : (item.args ?? []);
  if (!Array.isArray(args)) throw new TypeError(`${where}: args must be an array of types or a count`);
  const optional = item.optional ?? [];
  const fixed = [...args, ...optional].map((t) => parseType(t, where));
  const variadic = item.variadic ? parseType(item.variadic, where) : null;
  const arities = [];
  if (variadic) arities.push(-1);
  else for (let n = args.length; n <= fixed.length; n++) arities.push(n);
  return { fixed, required: args.length, variadic, arities };
}

function normalize(item, where, method) {
  const spec = typeof item === 'function' ? { [method]: item, args: item.length } : { ...item };
  if (typeof spec[method] !== 'function') throw new TypeError(`${where}: needs a ${method} function`);
  return spec;
}

/**
 * Converts a call's arguments (the contract's `arg` or `value` variants)
 * into what `item` declares, or returns NULL_RULE. Throws the SqlError of the
 * first argument that does not convert (arguments convert in order).
 */
function convert(item, args) {
  const { fixed, required, variadic } = item.params;
  const n = args.length;
  if (variadic ? n < required : n < required || n > fixed.length) {
    const want = variadic ? `at least ${required}` : `${required} to ${fixed.length}`;
    throw new SqlError(`${item.name}() takes ${want} arguments, got ${n}`);
  }
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const type = i < fixed.length ? fixed[i] : variadic;
    const a = args[i];
    if (a.tag === 'null') {
      if (!type.nulls) return NULL_RULE;
      out[i] = type.name === 'value' ? Value.null() : null;
    } else {
      out[i] = type.convert(a, item.name, i);
    }
  }
  return out;
}

/** A result as an outcome and its subtype. */
function settle(item, result) {
  if (result instanceof Subtyped) return { value: resultOutcome(result.value, item.result, item.name), subtype: result.subtype };
  return { value: resultOutcome(result, item.result, item.name), subtype: 0 };
}

/**
 * Declares an extension: one object with its `name` (required), `version`,
 * `description`, `prefix` and `namespace` (defaults from the name), and
 * its items by SQL name in `functions`, `aggregates`, `collations`,
 * `tables` and `modules`. Export the result as the module's default
 * export; the build turns it into a component.
 *
 * Functions: `{ args, optional, variadic, result, call, aliases,
 * description, deterministic, directOnly, innocuous, subtype,
 * resultSubtype }`, or a bare function. `call` returns a string (TEXT), a
 * number (INTEGER when a safe integer, else REAL; `result: 'real'` makes
 * every number REAL), a BigInt, a boolean, a Uint8Array (BLOB), null or
 * undefined (NULL), a Value, or a Subtyped / json(...) (with a subtype);
 * it throws to raise an error (a SqlError chooses its code).
 *
 * Aggregates: `{ args, optional, variadic, init, step, inverse, value,
 * finalize, ... }`. Each group's state starts as `init()` (undefined
 * without one); `step(state, ...args)` returns the new state, or undefined
 * to keep the state it changed in place; `finalize(state)` gives the result
 * (the state itself without one). `inverse` and `value` together make a
 * window function.
 *
 * Collations: `(a, b) => number`, or `{ compare }`, or `{ key }` (a sort
 * key, string or bytes, whose bytewise order is the collation's: the host
 * then sorts natively and caches keys). Texts arrive as strings (invalid
 * UTF-8 replaced by U+FFFD), or as Uint8Arrays with `bytes: true`.
 *
 * Tables: table-valued functions, see lib/tables.js. Modules: virtual
 * tables (CREATE VIRTUAL TABLE, writable, transactions), see
 * lib/modules.js.
 */
export function extension(spec) {
  if (!spec || typeof spec.name !== 'string' || !spec.name) throw new TypeError('extension(): needs a name');
  const functions = [];
  const functionEntries = [];
  for (const [name, raw] of Object.entries(spec.functions ?? {})) {
    const where = `function ${name}`;
    const item = normalize(raw, where, 'call');
    Object.assign(item, { name, params: paramsOf(item, where) });
    if (item.result !== undefined) parseType(item.result, where);
    const kinds = item.params.fixed.map((t) => t.kind);
    for (const arity of item.params.arities) {
      for (const sqlName of [name, ...(item.aliases ?? [])]) {
        functions.push(item);
        functionEntries.push({
          name: sqlName,
          arity,
          flags: flagsOf(item),
          argTypes: kinds.slice(0, arity < 0 ? kinds.length : arity),
          resultType: item.result === undefined ? undefined : parseType(item.result, where).kind,
          description: item.description ?? '',
        });
      }
    }
  }

  const aggregates = [];
  const aggregateEntries = [];
  for (const [name, raw] of Object.entries(spec.aggregates ?? {})) {
    const where = `aggregate ${name}`;
    const item = normalize(raw, where, 'step');
    if (!item.inverse !== !item.value) throw new TypeError(`${where}: a window function needs both inverse and value`);
    Object.assign(item, { name, params: paramsOf(item, where), groups: new Map() });
    for (const arity of item.params.arities) {
      for (const sqlName of [name, ...(item.aliases ?? [])]) {
        aggregates.push(item);
        aggregateEntries.push({ name: sqlName, arity, flags: flagsOf(item), window: !!item.inverse, description: item.description ?? '' });
      }
    }
  }

  const collations = Object.entries(spec.collations ?? {}).map(([name, raw]) => {
    const item = typeof raw === 'function' ? { compare: raw } : { ...raw };
    if (typeof item.compare !== 'function' && typeof item.key !== 'function') throw new TypeError(`collation ${name}: needs a compare or key function`);
    return Object.assign(item, { name });
  });

  // Table-valued functions and modules share the manifest's vtabs (ids
  // are positions in it) and one vtab export.
  const vtabs = [...tableModules(spec.tables ?? {}), ...moduleEntries(spec.modules ?? {})];
  const seen = new Set();
  for (const m of vtabs) {
    if (seen.has(m.name)) throw new TypeError(`module ${m.name}: declared twice (in tables or modules, or as an alias)`);
    seen.add(m.name);
  }

  const manifest = {
    describe: () => ({
      name: spec.name,
      version: spec.version ?? '0.1.0',
      description: spec.description ?? '',
      prefix: spec.prefix ?? spec.name,
      namespace: spec.namespace ?? `https://sqlink.dev/ns/${spec.name}#`,
      functions: functionEntries,
      aggregates: aggregateEntries,
      collations: collations.map((c) => ({ name: c.name, keyed: typeof c.key === 'function' })),
      vtabs: vtabs.map((m) => m.manifest),
      dotCommands: [],
      hooks: {},
      authorizer: false,
      capabilities: [],
    }),
  };

  const exports = { manifest, overflow: { take } };
  const worlds = ['base'];
  if (functions.length) {
    exports.scalar = scalarExports(functions);
    worlds.push('functions');
  }
  if (aggregates.length) {
    exports.aggregate = aggregateExports(aggregates);
    worlds.push('aggregates');
  }
  if (collations.length) {
    exports.collation = collationExports(collations);
    worlds.push('collations');
  }
  if (vtabs.length) {
    exports.vtab = vtabExports(vtabs);
    worlds.push('tables');
  }
  return { name: spec.name, exports, worlds, spec };
}

/** `scalar`: every form calls the same dispatch. */
function scalarExports(functions) {
  function call(id, args) {
    const item = functions[id];
    if (item === undefined) return errorOutcome(new SqlError(`no scalar function with id ${id}`));
    try {
      const values = convert(item, args);
      if (values === NULL_RULE) return NULL_OUTCOME;
      let result = item.call.apply(undefined, values);
      if (result instanceof Subtyped) result = result.value;
      return resultOutcome(result, item.result, item.name);
    } catch (e) {
      return errorOutcome(e);
    }
  }
  return {
    invoke: (id, args) => call(id, args),
    invoke0: (id) => call(id, []),
    invoke1: (id, a) => call(id, [a]),
    invoke2: (id, a, b) => call(id, [a, b]),
    invoke3: (id, a, b, c) => call(id, [a, b, c]),
    invokeSubtyped(id, args) {
      const item = functions[id];
      if (!item) return { value: errorOutcome(new SqlError(`no scalar function with id ${id}`)), subtype: 0 };
      subtypes = args.map((a) => a.subtype);
      try {
        const values = convert(item, args.map((a) => a.value));
        if (values === NULL_RULE) return { value: NULL_OUTCOME, subtype: 0 };
        return settle(item, item.call.apply(undefined, values));
      } catch (e) {
        return { value: errorOutcome(e), subtype: 0 };
      } finally {
        subtypes = NO_SUBTYPES;
      }
    },
  };
}

/** `aggregate`: rows in batches, a state per group number. */
function aggregateExports(aggregates) {
  function entry(id) {
    const item = aggregates[id];
    if (!item) throw new SqlError(`no aggregate with id ${id}`);
    return item;
  }
  function stateOf(item, group) {
    return item.groups.has(group) ? item.groups.get(group) : item.init?.();
  }
  function rows(id, group, count, width, args, argSubtypes, inverse) {
    let item;
    let state;
    try {
      item = entry(id);
      const fn = inverse ? item.inverse : item.step;
      if (!fn) throw new SqlError(`aggregate ${item.name} is not a window function`);
      if (count * width !== args.length) throw new SqlError(`${item.name}(): the host sent ${args.length} arguments for ${count} rows of ${width}`);
      state = stateOf(item, group);
      for (let row = 0; row < count; row++) {
        const at = row * width;
        subtypes = argSubtypes.length === args.length ? Array.prototype.slice.call(argSubtypes, at, at + width) : NO_SUBTYPES;
        const values = convert(item, args.slice(at, at + width));
        if (values === NULL_RULE) continue;
        const next = fn(state, ...values);
        if (next !== undefined) state = next;
      }
      item.groups.set(group, state);
      return 0;
    } catch (e) {
      if (item && state !== undefined) item.groups.set(group, state);
      return errorStatus(e);
    } finally {
      subtypes = NO_SUBTYPES;
    }
  }
  function finish(id, group, final) {
    let item;
    try {
      item = entry(id);
      const state = stateOf(item, group);
      if (final) item.groups.delete(group);
      else if (!item.value) throw new SqlError(`aggregate ${item.name} is not a window function`);
      return settle(item, final ? (item.finalize ? item.finalize(state) : state) : item.value(state));
    } catch (e) {
      if (final) item?.groups.delete(group);
      return { value: errorOutcome(e), subtype: 0 };
    }
  }
  return {
    step: (id, group, count, width, args, st) => rows(id, group, count, width, args, st, false),
    inverse: (id, group, count, width, args, st) => rows(id, group, count, width, args, st, true),
    value: (id, group) => finish(id, group, false),
    finalize: (id, group) => finish(id, group, true),
  };
}

/** `collation`: compare, or sort keys for keyed collations. */
function collationExports(collations) {
  // Texts arrive as text (short or not); anything else is read as text.
  const text = (c, a) => {
    const bytes = a.tag === 'null' ? new Uint8Array(0) : typeof a.val === 'object' ? bytesCopy(a) : encoder.encode(String(a.val));
    return c.bytes ? bytes : lossyText(bytes);
  };
  return {
    compare(id, a, b) {
      const c = collations[id];
      if (!c) return 0;
      if (!c.compare) return compareBytes(keyBytes(c.key(text(c, a))), keyBytes(c.key(text(c, b))));
      const order = Number(c.compare(text(c, a), text(c, b)));
      return order < 0 ? -1 : order > 0 ? 1 : 0;
    },
    sortKey(id, t) {
      const c = collations[id];
      try {
        if (!c?.key) throw new SqlError(`collation ${id} is not keyed`);
        return keyOutcome(keyBytes(c.key(text(c, t))));
      } catch (e) {
        return errorOutcome(e);
      }
    },
  };
}

function keyBytes(key) {
  return typeof key === 'string' ? encoder.encode(key) : key;
}

function compareBytes(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}
