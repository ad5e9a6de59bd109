// The extension's side of the `vtab` interface (wit/extension/vtab.wit),
// whatever serves a module: a table-valued function (lib/tables.js) or a
// table of `modules` (lib/modules.js). It keeps the tables and cursors
// SQLite holds handles to, checks plans, and packs rows into the
// contract's batches, as the Rust SDK's vtab/runtime.rs and rows.rs do.
// Extension code never sees it, but for the planning vocabulary it
// re-exports: ConstraintOp, Columns, IndexPlan.
//
// A module (an entry of the list whose positions are the manifest's ids)
// is { name, manifest, connect(args), create(args) }; connecting gives a
// table { schema, bestIndex(info), scan(scan, wanted), update(change, context),
// event(name, arg), destroy(), disconnect() } (all but scan optional),
// and a scan is { row(batch) }: it writes one row's wanted cells with
// batch.value / batch.variant and returns its rowid (a BigInt), null to
// number it by its place in the scan, or DONE.

import { SqlError, fromResult, encoder } from './values.js';
import { errorOf } from './abi.js';
import { columns as schemaColumns } from './schema.js';

/** What a scan's `row` returns when it has no more rows. */
export const DONE = Symbol('done');

/**
 * SQLite's SQLITE_INDEX_CONSTRAINT_* codes, the `op` of a constraint
 * `bestIndex` is offered.
 */
export const ConstraintOp = Object.freeze({
  EQ: 2,
  GT: 4,
  LE: 8,
  LT: 16,
  GE: 32,
  MATCH: 64,
  LIKE: 65,
  GLOB: 66,
  REGEXP: 67,
  NE: 68,
  ISNOT: 69,
  ISNOTNULL: 70,
  ISNULL: 71,
  IS: 72,
  LIMIT: 73,
  OFFSET: 74,
  FUNCTION: 150,
});

/**
 * A set of columns, as SQLite's colUsed mask (a BigInt): bit N is column
 * N for N below 63, and bit 63 stands for every column from 63 on.
 */
export class Columns {
  constructor(mask = 0n) {
    this.mask = BigInt.asUintN(64, BigInt(mask));
  }
  /** Whether column `column` (its index in the schema) is in the set. */
  contains(column) {
    return ((this.mask >> BigInt(Math.min(column, 63))) & 1n) === 1n;
  }
  /** The columns of a table `width` columns wide in the set, in order. */
  of(width) {
    return Array.from({ length: width }, (_, c) => c).filter((c) => this.contains(c));
  }
  static ALL = new Columns(2n ** 64n - 1n);
}

/**
 * A plan: `bestIndex`'s answer, later passed to `scan` as its idxNum and
 * idxStr. The defaults are what SQLite presets before asking a C virtual
 * table: no constraint used, a very high cost, 25 rows. A plain object
 * with some of these fields is a plan too.
 */
export class IndexPlan {
  static DEFAULT_COST = 5e98;
  static DEFAULT_ROWS = 25;
  /** One { argvIndex, omit, allAtOnce } per offered constraint; missing ones are unused. */
  usage = [];
  idxNum = 0;
  idxStr = null;
  orderByConsumed = false;
  estimatedCost = IndexPlan.DEFAULT_COST;
  estimatedRows = IndexPlan.DEFAULT_ROWS;
  unique = false;

  constructor(fields = {}) {
    Object.assign(this, fields);
  }

  /**
   * Passes constraint `constraint` (its index in info.constraints) to the
   * scan as its next argument, and returns that argvIndex (1-based).
   * `omit`: SQLite need not check it again.
   */
  pass(constraint, omit = false) {
    const argvIndex = this.usage.filter((u) => u?.argvIndex > 0).length + 1;
    this.usage[constraint] = { argvIndex, omit: !!omit, allAtOnce: false };
    return argvIndex;
  }

  /**
   * As `pass`, for a constraint with `inList` (an `=` standing for
   * `col IN (...)`) whose values the scan takes all at once, instead of
   * SQLite running one scan per value: its argument is NULL and the
   * scan's `inLists` holds the values.
   */
  passList(constraint, omit = false) {
    const argvIndex = this.pass(constraint, omit);
    this.usage[constraint].allAtOnce = true;
    return argvIndex;
  }
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

/** The contract's `err` of anything thrown. */
export const err = (e) => ({ tag: 'err', val: errorOf(e) });

/** Runs f, giving its value or the contract's `err`. */
function attempt(f) {
  try {
    return f();
  } catch (e) {
    return err(e);
  }
}

/**
 * The `vtab` exports serving `modules` (module id = position). `modules`
 * is read when called, so it may still grow while the extension is
 * declared.
 */
export function vtabExports(modules) {
  const tables = new Handles();
  const cursors = new Handles();
  const moduleOf = (id) => {
    const m = modules[id];
    if (!m) throw new SqlError(`no virtual table module with id ${id}`);
    return m;
  };
  const tableArgs = (m, args) => ({ module: m.name, database: args.database, table: args.table, arguments: [...args.arguments] });
  const keep = (table) => {
    const schema = table.schema;
    if (typeof schema !== 'string') throw new SqlError(`${table.name ?? 'a virtual table'}: its schema must be a CREATE TABLE statement, got ${typeof schema}`);
    table.width = schemaColumns(schema).length;
    return { table: tables.insert(table), schema };
  };
  const table = (handle) => tables.get(handle, 'virtual table');
  const cursor = (handle) => cursors.get(handle, 'virtual table cursor');
  return {
    create: (id, args) =>
      attempt(() => {
        const m = moduleOf(id);
        if (m.manifest.eponymousOnly) throw new SqlError(`no such module: ${m.name} (it is a table-valued function only)`);
        const a = tableArgs(m, args);
        return keep(m.create ? m.create(a) : m.connect(a));
      }),
    connect: (id, args) =>
      attempt(() => {
        const m = moduleOf(id);
        return keep(m.connect(tableArgs(m, args)));
      }),
    bestIndex: (handle, info) => attempt(() => checkedPlan(table(handle), info)),
    disconnect(handle) {
      const t = tables.items.get(handle);
      tables.items.delete(handle);
      try {
        t?.disconnect?.();
      } catch {
        // disconnect cannot fail (xDisconnect's result is ignored).
      }
    },
    destroy: (handle) =>
      attempt(() => {
        const t = table(handle);
        tables.items.delete(handle);
        t.destroy?.();
      }),
    open: (handle) => attempt(() => cursors.insert({ table: table(handle), scan: null })),
    close: (handle) => void cursors.items.delete(handle),
    filter: (handle, idxNum, idxStr, args, argSubtypes, inLists, columns, maxRows) =>
      attempt(() => {
        const c = cursor(handle);
        // A new scan replaces the last one.
        c.scan = null;
        const mask = new Columns(columns);
        const wanted = Array.from({ length: c.table.width }, (_, i) => mask.contains(i));
        const source = c.table.scan({ idxNum, idxStr: idxStr ?? null, args, argSubtypes, inLists, columns: mask }, wanted);
        c.scan = { source, count: 0n, done: false, error: null };
        return nextBatch(c.scan, maxRows);
      }),
    fetch: (handle, maxRows) =>
      attempt(() => {
        const c = cursor(handle);
        if (!c.scan) throw new SqlError('fetch before filter');
        return nextBatch(c.scan, maxRows);
      }),
    update: (handle, change, context) =>
      attempt(() => {
        const t = table(handle);
        if (!t.update) throw new SqlError(`table ${t.name} may not be modified`);
        return t.update(change, context);
      }),
    begin: (handle) => attempt(() => void table(handle).event?.('begin')),
    sync: (handle) => attempt(() => void table(handle).event?.('sync')),
    commit: (handle) => attempt(() => void table(handle).event?.('commit')),
    rollback: (handle) => attempt(() => void table(handle).event?.('rollback')),
    rename: (handle, newName) => attempt(() => void table(handle).event?.('rename', newName)),
  };
}

/**
 * The table's plan in the contract's form, checked: one usage entry per
 * offered constraint, argv indexes 1, 2, 3... each once, only usable
 * constraints passed, and only passed IN lists taken all at once (SQLite
 * calls a plan breaking these an "xBestIndex malfunction"; the messages
 * say which rule, as the Rust SDK's do).
 */
function checkedPlan(table, info) {
  const plan = table.bestIndex ? table.bestIndex(info) : new IndexPlan();
  const offered = info.constraints.length;
  const given = plan?.usage ?? [];
  if (!Array.isArray(given)) throw new SqlError('best_index: usage must be an array');
  if (given.length > offered) throw new SqlError(`best_index: ${given.length} constraint uses for ${offered} constraints`);
  const usage = Array.from({ length: offered }, (_, i) => {
    const u = given[i];
    const argvIndex = Number(u?.argvIndex ?? 0);
    if (!Number.isInteger(argvIndex) || argvIndex < 0) throw new SqlError(`best_index: argv index ${u?.argvIndex} of constraint ${i} is not a count`);
    return { argvIndex, omit: !!u?.omit, allAtOnce: !!u?.allAtOnce };
  });
  const passed = usage.map((u) => u.argvIndex).filter((a) => a > 0).sort((a, b) => a - b);
  if (passed.some((a, i) => a !== i + 1)) throw new SqlError(`best_index: argv indexes must be 1, 2, 3... each used once, got [${passed.join(', ')}]`);
  const unusable = usage.findIndex((u, i) => u.argvIndex > 0 && !info.constraints[i].usable);
  if (unusable >= 0) throw new SqlError(`best_index: constraint ${unusable} is not usable but is passed`);
  const notList = usage.findIndex((u, i) => u.allAtOnce && (u.argvIndex === 0 || !info.constraints[i].inList));
  if (notList >= 0) throw new SqlError(`best_index: constraint ${notList} is taken all at once but is not an IN list passed to the scan`);
  const idxNum = plan?.idxNum ?? 0;
  if (!Number.isInteger(idxNum) || idxNum < -(2 ** 31) || idxNum >= 2 ** 31) throw new SqlError(`best_index: idxNum must be a 32-bit integer, got ${idxNum}`);
  const rows = plan?.estimatedRows ?? IndexPlan.DEFAULT_ROWS;
  return {
    usage,
    idxNum,
    idxStr: plan?.idxStr == null ? undefined : String(plan.idxStr),
    orderByConsumed: !!plan?.orderByConsumed,
    estimatedCost: Number(plan?.estimatedCost ?? IndexPlan.DEFAULT_COST),
    estimatedRows: BigInt.asIntN(64, BigInt(typeof rows === 'number' ? Math.round(rows) : rows)),
    unique: !!plan?.unique,
  };
}

const KIND = { integer: 1, real: 2, text: 3, blob: 4, null: 5 };
const NUL = new Uint8Array(1);
const bits = new DataView(new ArrayBuffer(8));

/** A row-batch being filled: the contract's four lists, growing. */
export class Batch {
  rowids = [];
  kinds = [];
  values = [];
  chunks = [];
  size = 0;

  /** A cell from a value variant ({tag, val}). */
  variant(v) {
    switch (v.tag) {
      case 'integer':
        return this.cell(1, BigInt.asIntN(64, v.val));
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

  /** A cell from a JavaScript value (as a function's result), the common kinds first. */
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
      subtypes: [],
      done,
    };
  }
}

/**
 * Up to maxRows rows of a scan ({ source, count, done, error }), packed
 * into a row-batch. An error ends the batch: it is the call's error when
 * no row came before it, and waits for the next fetch otherwise (so the
 * rows before it arrive first, as they would one at a time in SQLite).
 */
export function nextBatch(s, maxRows) {
  if (s.error) {
    const e = s.error;
    s.error = null;
    throw e;
  }
  const batch = new Batch();
  while (!s.done && batch.rowids.length < maxRows) {
    const mark = batch.mark();
    let rowid;
    try {
      rowid = s.source.row(batch);
    } catch (e) {
      batch.truncate(mark);
      s.done = true;
      if (!batch.rowids.length) throw e;
      s.error = e;
      break;
    }
    if (rowid === DONE) {
      batch.truncate(mark);
      s.done = true;
      break;
    }
    s.count++;
    batch.rowids.push(rowid ?? s.count);
  }
  return batch.finish(s.done && !s.error);
}
