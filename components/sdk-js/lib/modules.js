// Virtual table modules: `modules: { name: Module }`, the Rust SDK's
// #[vtab] ladder (components/sdk/src/vtab.rs: Table, CreateTable,
// UpdateTable, TransactionTable) in JavaScript. A module is a class (or a
// plain object of the same statics); connecting makes a table, an object
// whose methods SQLite's calls reach:
//
//   class Memory {
//     static description = 'Rows kept in memory.';
//     static create(args) { ... return new Memory(args); } // CREATE VIRTUAL TABLE (else: connect)
//     static connect(args) { return new Memory(args); }    // default: new Memory(args)
//     schema = 'CREATE TABLE x(key, value)';                // or static schema
//     bestIndex(info) { return new IndexPlan(...); }        // default: a full scan
//     *scan({ idxNum, idxStr, args, subtypes, inLists, columns }) { yield [key, value]; yield { rowid, values }; }
//     insert(rowid, values, write) { return rowid; }        // writable: any of these three
//     update(oldRowid, newRowid, values, write) {}
//     delete(rowid, write) {}
//     begin() {} sync() {} commit() {} rollback() {} rename(newName) {}
//     destroy() {}                                          // DROP TABLE
//     disconnect() {}
//   }
//
// What the module has decides what the manifest declares, as the traits
// do in Rust: `create` makes it creatable only (not eponymous), no
// `create` makes it eponymous (CREATE VIRTUAL TABLE then connects), and
// `eponymousOnly: true` refuses CREATE VIRTUAL TABLE; insert, update or
// delete on the class's prototype (or `writable: true`) make it writable.
// Values (constraint values, written rows) arrive as the type `values`
// names: 'any' (null, a number, a BigInt past 2^53, a string, a
// Uint8Array) by default, or 'value' (a Value: exact storage class and
// bytes). Rowids arrive as numbers (BigInts past 2^53). A scan's
// `subtypes` and a write's `write.subtypes` map a value's position to its
// SQLite subtype (those without one are absent); a scan's `inLists` maps
// the position of each `IN (...)` the plan took all at once
// (`plan.passList`) to its values, sorted and without duplicates (its
// entry in `args` is null); `write.onConflict` is the
// statement's ON CONFLICT mode (SQLite's code: 1 ROLLBACK, 2 IGNORE,
// 3 FAIL, 4 ABORT, 5 REPLACE) and `write.unchanged` the positions of the
// columns an UPDATE leaves as they are.

import { SqlError, parseType } from './values.js';
import { Columns, DONE } from './vtab.js';

const WRITES = ['insert', 'update', 'delete'];
const EVENTS = ['begin', 'sync', 'commit', 'rollback', 'rename'];
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A rowid for JavaScript: a number, or a BigInt past 2^53. */
const jsRowid = (r) => (r <= MAX_SAFE && r >= -MAX_SAFE ? Number(r) : r);

/** A rowid from JavaScript, as the contract's s64. */
function contractRowid(r, what) {
  if (typeof r === 'number' && Number.isSafeInteger(r)) return BigInt(r);
  if (typeof r === 'bigint' && BigInt.asIntN(64, r) === r) return r;
  throw new SqlError(`${what} must be an integer rowid, got ${typeof r === 'string' ? `'${r}'` : String(r)}`);
}

/**
 * The modules of `spec.modules`, one per SQL name (aliases too), for
 * lib/vtab.js: each with its manifest entry.
 */
export function moduleEntries(modules) {
  const out = [];
  for (const [name, spec] of Object.entries(modules)) {
    const where = `module ${name}`;
    if (spec === null || (typeof spec !== 'object' && typeof spec !== 'function')) throw new TypeError(`${where}: must be a class or an object with connect`);
    const isClass = typeof spec === 'function';
    if (!isClass && typeof spec.connect !== 'function') throw new TypeError(`${where}: needs a connect function (or be a class)`);
    if (spec.create !== undefined && typeof spec.create !== 'function') throw new TypeError(`${where}: create must be a function`);
    if (spec.eponymousOnly && spec.create) throw new TypeError(`${where}: an eponymousOnly module cannot have create`);
    const proto = isClass ? spec.prototype : null;
    const writable = spec.writable ?? (proto ? WRITES.some((m) => typeof proto[m] === 'function') : false);
    const values = parseType(spec.values ?? 'any', where);
    if (values.name !== 'any' && values.name !== 'value') throw new TypeError(`${where}: values must be 'any' or 'value', got ${JSON.stringify(spec.values)}`);
    const connect = (args) => (typeof spec.connect === 'function' ? spec.connect(args) : new spec(args));
    const create = spec.create ? (args) => spec.create(args) : undefined;
    const shared = { spec, values, writable: !!writable };
    for (const sqlName of [name, ...(spec.aliases ?? [])]) {
      const open = (make) => (args) => new ModuleTable(shared, sqlName, args, make(args));
      out.push({
        name: sqlName,
        manifest: {
          name: sqlName,
          eponymous: !create,
          eponymousOnly: !!spec.eponymousOnly,
          writable: !!writable,
          directOnly: !!spec.directOnly,
          shadowTables: [],
          description: spec.description ?? '',
        },
        connect: open(connect),
        create: create && open(create),
      });
    }
  }
  return out;
}

/** A table a module connected or created, as lib/vtab.js calls it. */
class ModuleTable {
  constructor({ spec, values, writable }, module, args, table) {
    if (table === null || typeof table !== 'object') {
      throw new SqlError(`${module}: connect and create must return the table (an object), got ${table === null ? 'null' : typeof table}`);
    }
    this.table = table;
    this.module = module;
    this.name = args.table;
    this.schema = table.schema ?? spec.schema;
    if (typeof this.schema !== 'string') {
      throw new SqlError(`${module}: the table needs a schema, a CREATE TABLE statement (its schema property, or the module's)`);
    }
    this.values = values;
    this.writable = writable;
  }

  /** A value variant as the module's `values` type. */
  value(v, i) {
    return this.values.convert(v, this.module, i);
  }

  bestIndex(info) {
    if (typeof this.table.bestIndex !== 'function') return undefined;
    const constraints = info.constraints.map((c, i) => {
      let rhs;
      try {
        rhs = c.rhs == null ? undefined : this.value(c.rhs, i);
      } catch {
        // Not readable as the module's values (text that is not UTF-8):
        // as unknown as SQLite not knowing it.
      }
      return { column: c.column, op: c.op, usable: c.usable, rhs, inList: !!c.inList };
    });
    return this.table.bestIndex({
      constraints,
      orderBy: info.orderBy.map((o) => ({ column: o.column, desc: o.desc })),
      columnsUsed: new Columns(info.columnsUsed),
      distinct: info.distinct,
    });
  }

  scan({ idxNum, idxStr, args, argSubtypes, inLists, columns }, wanted) {
    const values = args.map((a, i) => this.value(a, i));
    const subtypes = new Map((argSubtypes ?? []).map(([at, subtype]) => [at, subtype]));
    const lists = new Map((inLists ?? []).map(([at, list]) => [at, list.map((v) => this.value(v, at))]));
    const rows = this.table.scan({ idxNum, idxStr, args: values, subtypes, inLists: lists, columns });
    if (rows == null || typeof rows[Symbol.iterator] !== 'function') {
      throw new SqlError(`${this.module}: scan must return an iterable of rows (an array, a generator)`);
    }
    return new ModuleScan(rows[Symbol.iterator](), wanted, this.module);
  }

  update(change, context) {
    if (!this.writable) throw new SqlError(`table ${this.name} may not be modified`);
    const method = { delete: 'delete', insert: 'insert', update: 'update' }[change.tag];
    if (typeof this.table[method] !== 'function') throw new SqlError(`table ${this.name} may not be modified (${this.module} has no ${method})`);
    const row = (list) => list.map((v, i) => this.value(v, i));
    // What SQLite says beyond the values: the ON CONFLICT mode (SQLite's
    // code, 1 ROLLBACK to 5 REPLACE), subtypes and the columns an UPDATE
    // leaves as they are, each by position in the values.
    const write = {
      onConflict: context?.onConflict ?? 4,
      subtypes: new Map((context?.subtypes ?? []).map(([at, subtype]) => [at, subtype])),
      unchanged: new Set(context?.unchanged ?? []),
    };
    switch (change.tag) {
      case 'delete':
        this.table.delete(jsRowid(change.val), write);
        return undefined;
      case 'insert': {
        const [rowid, list] = change.val;
        const given = rowid == null ? null : jsRowid(rowid);
        return contractRowid(this.table.insert(given, row(list), write), `${this.module}: insert`);
      }
      default: {
        const [oldRowid, newRowid, list] = change.val;
        this.table.update(jsRowid(oldRowid), jsRowid(newRowid), row(list), write);
        return undefined;
      }
    }
  }

  /** A transaction step or a rename: the table's method, if it has one. */
  event(name, arg) {
    if (EVENTS.includes(name) && typeof this.table[name] === 'function') this.table[name](arg);
  }

  destroy() {
    this.table.destroy?.();
  }

  disconnect() {
    this.table.disconnect?.();
  }
}

/** A scan of a module's table: its rows as arrays of values or { rowid, values }. */
class ModuleScan {
  constructor(rows, wanted, module) {
    Object.assign(this, { rows, wanted, module });
  }

  /**
   * One row's wanted cells. A row shorter than the schema is padded with
   * NULLs; values past the schema's columns are ignored.
   */
  row(batch) {
    const step = this.rows.next();
    if (step.done) return DONE;
    const item = step.value;
    let values;
    let rowid = null;
    if (Array.isArray(item)) values = item;
    else if (item !== null && typeof item === 'object' && Array.isArray(item.values)) {
      values = item.values;
      if (item.rowid != null) rowid = contractRowid(item.rowid, `${this.module}: a row's rowid`);
    } else {
      throw new SqlError(`${this.module}: a row must be an array of values or { rowid, values }, got ${item === null ? 'null' : typeof item}`);
    }
    const { wanted, module } = this;
    for (let c = 0; c < wanted.length; c++) if (wanted[c]) batch.value(values[c], module);
    return rowid;
  }
}
