// Table-valued functions: a function served as an eponymous-only virtual
// table, as the Rust SDK's #[table] serves one (components/sdk/src/vtab/
// function.rs). Its parameters are HIDDEN columns after the output
// columns, an equality constraint on one is its argument, and each item it
// yields is a row:
//
//   tables: {
//     upto: {
//       args: { start: 'integer', stop: 'integer' },   // hidden columns, in order
//       optional: { step: 'integer' },                  // may be left out
//       columns: ['n'],                                 // default ['value']
//       description: 'The integers from start to stop.',
//       *rows(start, stop, step = 1) { for (let n = start; n <= stop; n += step) yield n; },
//     },
//   }
//
// `rows` returns an iterable (a generator, an array). An item is one value
// for a one-column table, or an array (or an object keyed by column name)
// of values; values convert as scalar results do. A NULL argument for a
// parameter whose type does not end in '?' gives no rows; a missing
// required one fails the statement with SQLite's own words ("first
// argument to "upto()" missing or unusable"). Rows cross the boundary in
// the contract's batches (vtab.wit row-batch), as many as the host asks for.

import { SqlError, CONSTRAINT, parseType, fromResult, encoder } from './values.js';
import { errorOf } from './abi.js';

const EQ = 2;
const KIND = { integer: 1, real: 2, text: 3, blob: 4, null: 5 };
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const bits = new DataView(new ArrayBuffer(8));

/** A SQL name quoted for a CREATE TABLE statement. */
const quote = (name) => `"${name.replace(/"/g, '""')}"`;

/** The error for a required argument a query did not give. */
function missingArgument(name, p) {
  const ordinal = p < ORDINALS.length ? `${ORDINALS[p]} argument` : `argument ${p + 1}`;
  return new SqlError(`${ordinal} to "${name}()" missing or unusable`);
}

/** The contract's `err` of anything thrown. */
const err = (e) => ({ tag: 'err', val: errorOf(e) });

/**
 * The modules of `spec.tables`: their manifest entries (one per SQL name)
 * and the `vtab` exports serving them.
 */
export function tableModules(tables) {
  const modules = [];
  const manifest = [];
  for (const [name, raw] of Object.entries(tables)) {
    const where = `table ${name}`;
    const item = typeof raw === 'function' ? { rows: raw } : { ...raw };
    if (typeof item.rows !== 'function') throw new TypeError(`${where}: needs a rows function`);
    if (Array.isArray(item.args) || Array.isArray(item.optional)) {
      throw new TypeError(`${where}: args and optional are objects of hidden column names and types, e.g. { start: 'integer' }`);
    }
    const args = Object.entries(item.args ?? {});
    const params = [...args, ...Object.entries(item.optional ?? {})].map(([p, t]) => ({ ...parseType(t, where), column: p }));
    const columns = item.columns ?? ['value'];
    const schema = `CREATE TABLE x(${[...columns.map(quote), ...params.map((p) => `${quote(p.column)} HIDDEN`)].join(', ')})`;
    Object.assign(item, { params, required: args.length, columns, schema });
    for (const sqlName of [name, ...(item.aliases ?? [])]) {
      modules.push({ item, name: sqlName });
      manifest.push({
        name: sqlName,
        eponymous: true,
        eponymousOnly: true,
        writable: false,
        directOnly: false,
        shadowTables: [],
        description: item.description ?? '',
      });
    }
  }
  return { manifest, exports: vtabExports(modules) };
}

/** Handles the host passes back unchanged, numbered from 1, never reused. */
class Handles {
  next = 0n;
  items = new Map();
  insert(item) {
    this.items.set(++this.next, item);
    return this.next;
  }
  get(handle, what) {
    const item = this.items.get(handle);
    if (!item) throw new SqlError(`no open ${what} with handle ${handle}`);
    return item;
  }
}

function vtabExports(modules) {
  const tables = new Handles();
  const cursors = new Handles();
  const ok = () => undefined;
  return {
    create(id) {
      const m = modules[id];
      return err(new SqlError(m ? `no such module: ${m.name} (it is a table-valued function only)` : `no virtual table module with id ${id}`));
    },
    connect(id) {
      const m = modules[id];
      if (!m) return err(new SqlError(`no virtual table module with id ${id}`));
      return { table: tables.insert(m), schema: m.item.schema };
    },
    bestIndex(handle, info) {
      try {
        return bestIndex(tables.get(handle, 'virtual table'), info);
      } catch (e) {
        return err(e);
      }
    },
    disconnect: (handle) => void tables.items.delete(handle),
    destroy: (handle) => void tables.items.delete(handle),
    open(handle) {
      try {
        return cursors.insert({ table: tables.get(handle, 'virtual table'), scan: null });
      } catch (e) {
        return err(e);
      }
    },
    close: (handle) => void cursors.items.delete(handle),
    filter(handle, idxNum, idxStr, args, columns, maxRows) {
      try {
        const cursor = cursors.get(handle, 'virtual table cursor');
        cursor.scan = null;
        cursor.scan = scan(cursor.table, idxNum, args, columns);
        return nextBatch(cursor.scan, maxRows);
      } catch (e) {
        return err(e);
      }
    },
    fetch(handle, maxRows) {
      try {
        const cursor = cursors.get(handle, 'virtual table cursor');
        if (!cursor.scan) throw new SqlError('fetch before filter');
        return nextBatch(cursor.scan, maxRows);
      } catch (e) {
        return err(e);
      }
    },
    update: () => err(new SqlError('a table-valued function is read-only')),
    begin: ok,
    sync: ok,
    commit: ok,
    rollback: ok,
    rename: ok,
  };
}

/**
 * Passes the first usable equality constraint on each parameter's column,
 * in parameter order; bit p of idxNum says parameter p is passed. A
 * parameter whose only constraints are unusable makes the plan unusable
 * (SQLite then tries another order); a required one without any is an
 * error.
 */
function bestIndex({ item, name }, info) {
  const first = item.columns.length;
  const count = item.params.length;
  const chosen = new Array(count).fill(-1);
  const unusable = new Array(count).fill(false);
  info.constraints.forEach((c, i) => {
    const p = c.column - first;
    if (p < 0 || p >= count) return;
    if (!c.usable) unusable[p] = true;
    else if (c.op === EQ && chosen[p] < 0) chosen[p] = i;
  });
  const usage = info.constraints.map(() => ({ argvIndex: 0, omit: false }));
  let idxNum = 0;
  let passed = 0;
  for (let p = 0; p < count; p++) {
    if (chosen[p] >= 0) {
      usage[chosen[p]] = { argvIndex: ++passed, omit: true };
      idxNum |= 1 << p;
    } else if (unusable[p]) {
      throw new SqlError('unusable argument', CONSTRAINT);
    } else if (p < item.required) {
      throw missingArgument(name, p);
    }
  }
  return { usage, idxNum, idxStr: undefined, orderByConsumed: false, estimatedCost: 1000, estimatedRows: 1000n, unique: false };
}

/** Starts a scan: the arguments converted, the function called. */
function scan({ item, name }, idxNum, given, columns) {
  const values = [];
  const hidden = [];
  let next = 0;
  let nullRule = false;
  for (let p = 0; p < item.params.length; p++) {
    const param = item.params[p];
    const a = idxNum & (1 << p) ? given[next++] : undefined;
    hidden.push(a ?? { tag: 'null' });
    if (a === undefined) values.push(undefined);
    else if (a.tag === 'null') {
      if (!param.nulls) nullRule = true;
      values.push(null);
    } else values.push(param.convert(a, name, p));
  }
  while (values.length && values[values.length - 1] === undefined) values.pop();
  const width = item.columns.length + item.params.length;
  const wanted = Array.from({ length: width }, (_, c) => ((columns >> BigInt(Math.min(c, 63))) & 1n) === 1n);
  const rows = nullRule ? [][Symbol.iterator]() : iterate(item.rows(...values), name);
  return { item, name, rows, hidden, wanted, rowid: 0n, done: false, error: null };
}

function iterate(items, name) {
  if (items == null || typeof items[Symbol.iterator] !== 'function') {
    throw new SqlError(`${name}(): rows must return an iterable (an array, a generator)`);
  }
  return items[Symbol.iterator]();
}

/** A row-batch being filled: the contract's four lists, growing. */
class Batch {
  rowids = [];
  kinds = [];
  values = [];
  chunks = [];
  size = 0;

  /** A cell from a value variant ({tag, val}). */
  variant(v) {
    switch (v.tag) {
      case 'integer':
        return this.cell(1, v.val);
      case 'real':
        bits.setFloat64(0, v.val, true);
        return this.cell(2, bits.getBigInt64(0, true));
      case 'text':
      case 'blob':
        return this.bytes(KIND[v.tag], typeof v.val === 'string' ? encoder.encode(v.val) : v.val);
      default:
        return this.cell(5, 0n);
    }
  }

  /** A cell from a function's value, the common kinds first. */
  value(x, name) {
    if (typeof x === 'number' && Number.isSafeInteger(x)) this.cell(1, BigInt(x));
    else if (typeof x === 'string') this.bytes(3, encoder.encode(x));
    else if (x === null || x === undefined) this.cell(5, 0n);
    else this.variant(fromResult(x, undefined, name));
  }

  cell(kind, value) {
    this.kinds.push(kind);
    this.values.push(value);
  }

  /** Text or blob bytes; each text is followed by a NUL (not counted). */
  bytes(kind, bytes) {
    this.cell(kind, BigInt(bytes.length));
    this.chunks.push(bytes);
    this.size += bytes.length;
    if (kind === 3) {
      this.chunks.push(NUL);
      this.size += 1;
    }
  }

  mark() {
    return [this.kinds.length, this.chunks.length, this.size];
  }

  /** Drops the cells after a mark (a row that failed half-way). */
  truncate([cells, chunks, size]) {
    this.kinds.length = cells;
    this.values.length = cells;
    this.chunks.length = chunks;
    this.size = size;
  }

  finish(done) {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return {
      rowids: BigInt64Array.from(this.rowids),
      kinds: Uint8Array.from(this.kinds),
      values: BigInt64Array.from(this.values),
      bytes: out,
      done,
    };
  }
}

const NUL = new Uint8Array(1);

/**
 * Up to maxRows rows, packed into a row-batch. An error ends the batch:
 * it is the call's error when no row came before it, and waits for the
 * next fetch otherwise.
 */
function nextBatch(s, maxRows) {
  if (s.error) {
    const e = s.error;
    s.error = null;
    throw e;
  }
  const batch = new Batch();
  while (!s.done && batch.rowids.length < maxRows) {
    const mark = batch.mark();
    try {
      const step = s.rows.next();
      if (step.done) {
        s.done = true;
        break;
      }
      writeRow(s, step.value, batch);
    } catch (e) {
      batch.truncate(mark);
      s.done = true;
      if (!batch.rowids.length) throw e;
      s.error = e;
      break;
    }
    batch.rowids.push(++s.rowid);
  }
  return batch.finish(s.done && !s.error);
}

/** One item's cells: the outputs the scan reads, then the arguments. */
function writeRow(s, item, batch) {
  const { columns } = s.item;
  const width = columns.length;
  const { wanted, name } = s;
  if (width === 1) {
    if (wanted[0]) batch.value(item, name);
  } else {
    let outputs;
    if (Array.isArray(item)) outputs = item;
    else if (item !== null && typeof item === 'object' && item.constructor === Object) outputs = columns.map((c) => item[c]);
    else outputs = [item];
    if (outputs.length !== width) throw new SqlError(`${name}(): a row has ${outputs.length} values for ${width} columns`);
    for (let c = 0; c < width; c++) if (wanted[c]) batch.value(outputs[c], name);
  }
  for (let p = 0; p < s.hidden.length; p++) if (wanted[width + p]) batch.variant(s.hidden[p]);
}
