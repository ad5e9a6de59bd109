// A fixture for tests/shell/js-sdk-tables.sql: virtual table modules
// written with the JS SDK (`modules`), built by `make js-examples` into
// dist/test-extensions/js-tables.wasm.
//
//   js_series(start, stop[, step])  eponymous (and creatable through
//       connect: CREATE VIRTUAL TABLE t USING js_series(PREFIX) labels
//       its rows PREFIX n): value, its half (a real) and a label, with
//       HIDDEN start/stop/step taken at the argv positions bestIndex
//       chose, `value >`/`>=` passed without omit (SQLite checks again),
//       ORDER BY value consumed both ways, and what SQLite knew of start
//       and stop while planning (the constraints' rhs) in idxStr. -13 has
//       no label, which fails only a scan that reads labels.
//   CREATE VIRTUAL TABLE t USING js_memory(column, ...)  a writable table
//       kept in memory (exact values), with rowid lookups, ORDER BY rowid
//       consumed, transactions (begin saves the rows, rollback restores
//       them), rename and destroy.
//   js_wide  70 columns c0..c69 (eponymous only, a plain object with the
//       module's schema and the default plan): three rows with rowids
//       100..102, column i of row r holding r * 100 + i.
//   js_tables_log()  what the tables were told since the last call.
import { extension, SqlError, IndexPlan, ConstraintOp, Value, CONSTRAINT } from '@sqlink/sdk';

const log = [];

/**
 * The rows of each js_memory table by "database.table" (a Map of rowid to
 * values, with `last`: the largest rowid, or null when it must be found
 * again), kept across connections.
 */
const stores = new Map();

const [VALUE, HALF, LABEL, START, STOP, STEP] = [0, 1, 2, 3, 4, 5];
const HIDDEN = [START, STOP, STEP];

class Series {
  static description = 'Integers from start to stop with their halves and labels.';
  static connect(args) {
    return new Series(args.arguments.length ? args.arguments.join(' ') : 'n');
  }

  schema = 'CREATE TABLE x(value INTEGER, half REAL, label TEXT, start HIDDEN, stop HIDDEN, step HIDDEN)';

  constructor(prefix) {
    this.prefix = prefix;
  }

  // idxNum: bits 0-2 start, stop, step given (in that argv order), bit 3
  // descending, bit 4 a lower bound on value follows them.
  bestIndex({ constraints, orderBy }) {
    const at = new Map();
    constraints.forEach((c, i) => {
      if (HIDDEN.includes(c.column) && c.op === ConstraintOp.EQ) {
        if (!c.usable) throw new SqlError('js_series: an argument is not usable yet', CONSTRAINT);
        at.set(c.column, i);
      }
    });
    if (!at.has(START) || !at.has(STOP)) throw new SqlError('js_series(start, stop[, step]): start and stop are required');
    const plan = new IndexPlan({ idxStr: 'series', estimatedCost: 10, estimatedRows: 100 });
    HIDDEN.forEach((column, bit) => {
      if (at.has(column)) {
        plan.pass(at.get(column), true);
        plan.idxNum |= 1 << bit;
      }
    });
    const lower = constraints.findIndex((c) => c.usable && c.column === VALUE && (c.op === ConstraintOp.GT || c.op === ConstraintOp.GE));
    if (lower >= 0) {
      plan.pass(lower, false);
      plan.idxNum |= 16;
    }
    if (orderBy.length === 1 && orderBy[0].column === VALUE) {
      plan.orderByConsumed = true;
      if (orderBy[0].desc) plan.idxNum |= 8;
    }
    const [start, stop] = [constraints[at.get(START)].rhs, constraints[at.get(STOP)].rhs];
    if (typeof start === 'number' && typeof stop === 'number') {
      plan.idxStr = `series ${start}..${stop}`;
      plan.estimatedRows = Math.max(0, stop - start + 1);
    }
    return plan;
  }

  *scan({ idxNum, idxStr, args, columns }) {
    if (!idxStr?.startsWith('series')) throw new SqlError('js_series: the plan did not reach scan');
    const [start, stop] = args;
    let at = 2;
    const step = idxNum & 4 ? args[at++] : 1;
    const lower = idxNum & 16 ? args[at++] : null;
    if (![start, stop, step].every(Number.isInteger)) throw new SqlError('js_series(): start, stop and step must be integers');
    if (step <= 0) throw new SqlError('js_series(): step must be positive');
    const last = stop < start ? start - step : start + Math.floor((stop - start) / step) * step;
    const labels = columns.contains(LABEL);
    const row = (n) => [n, Value.real(n / 2), labels ? this.label(n) : null];
    if (idxNum & 8) {
      for (let n = last; n >= start; n -= step) {
        if (lower !== null && n < lower) break;
        yield row(n);
      }
    } else {
      for (let n = start; n <= stop; n += step) if (lower === null || n >= lower) yield row(n);
    }
  }

  label(n) {
    if (n === -13) throw new SqlError('js_series: -13 has no label');
    return `${this.prefix} ${n}`;
  }
}

class Memory {
  static description = 'Rows kept in memory: CREATE VIRTUAL TABLE t USING js_memory(column, ...).';
  static values = 'value';

  static create(args) {
    if (!args.arguments.length) throw new SqlError(`js_memory: ${args.database}.${args.table} needs at least one column`);
    stores.set(`${args.database}.${args.table}`, Object.assign(new Map(), { last: 0 }));
    log.push(`create ${args.table}(${args.arguments.join(', ')})`);
    return new Memory(args);
  }

  static connect(args) {
    log.push(`connect ${args.table}`);
    return new Memory(args);
  }

  constructor(args) {
    this.database = args.database;
    this.name = args.table;
    this.schema = `CREATE TABLE x(${args.arguments.join(', ')})`;
    this.saved = null;
  }

  get rows() {
    const rows = stores.get(`${this.database}.${this.name}`);
    if (!rows) throw new SqlError(`js_memory: ${this.database}.${this.name} keeps no rows`);
    return rows;
  }

  // idxNum: 1 rowid = ?, 2 ORDER BY rowid, 4 descending.
  bestIndex({ constraints, orderBy }) {
    const plan = new IndexPlan({ estimatedCost: this.rows.size + 1, estimatedRows: this.rows.size });
    const eq = constraints.findIndex((c) => c.usable && c.column === -1 && c.op === ConstraintOp.EQ);
    if (eq >= 0) {
      plan.pass(eq, true);
      Object.assign(plan, { idxNum: 1, idxStr: 'rowid', estimatedCost: 1, estimatedRows: 1, unique: true });
    }
    if (orderBy.length === 1 && orderBy[0].column === -1) {
      plan.orderByConsumed = true;
      plan.idxNum |= orderBy[0].desc ? 6 : 2;
    }
    return plan;
  }

  *scan({ idxNum, args }) {
    const rows = this.rows;
    if (idxNum & 1) {
      const rowid = asRowid(args[0]);
      if (rows.has(rowid)) yield { rowid, values: rows.get(rowid) };
      return;
    }
    const rowids = [...rows.keys()].sort((a, b) => a - b);
    if (idxNum & 4) rowids.reverse();
    for (const rowid of rowids) yield { rowid, values: rows.get(rowid) };
  }

  insert(rowid, values) {
    const rows = this.rows;
    // A new row's rowid: one more than the largest, as SQLite's own tables.
    if (rows.last === null) rows.last = rows.size ? Math.max(...rows.keys()) : 0;
    if (rowid === null) rowid = rows.last + 1;
    if (rows.has(rowid)) throw new SqlError(`UNIQUE constraint failed: ${this.name}.rowid`, CONSTRAINT);
    this.set(rowid, values);
    return rowid;
  }

  update(oldRowid, newRowid, values) {
    const rows = this.rows;
    if (newRowid !== oldRowid && rows.has(newRowid)) throw new SqlError(`UNIQUE constraint failed: ${this.name}.rowid`, CONSTRAINT);
    this.delete(oldRowid);
    this.set(newRowid, values);
  }

  set(rowid, values) {
    const rows = this.rows;
    rows.set(rowid, values);
    if (rows.last !== null && rowid > rows.last) rows.last = rowid;
  }

  delete(rowid) {
    const rows = this.rows;
    rows.delete(rowid);
    if (rowid === rows.last) rows.last = null;
  }

  begin() {
    this.saved = Object.assign(new Map(this.rows), { last: this.rows.last });
    log.push(`begin ${this.name}`);
  }

  sync() {
    log.push(`sync ${this.name}`);
  }

  commit() {
    this.saved = null;
    log.push(`commit ${this.name}`);
  }

  rollback() {
    if (this.saved) stores.set(`${this.database}.${this.name}`, this.saved);
    this.saved = null;
    log.push(`rollback ${this.name}`);
  }

  rename(newName) {
    const rows = this.rows;
    stores.delete(`${this.database}.${this.name}`);
    stores.set(`${this.database}.${newName}`, rows);
    log.push(`rename ${this.name} to ${newName}`);
    this.name = newName;
  }

  destroy() {
    stores.delete(`${this.database}.${this.name}`);
    log.push(`destroy ${this.name}`);
  }
}

/** A rowid constraint's value as a number, as SQLite compares one with a rowid (NaN: none). */
function asRowid(v) {
  if (v.type === 'integer' || v.type === 'real') return Number(v.value);
  if (v.type === 'text') {
    const s = new TextDecoder().decode(v.value).trim();
    return s === '' ? NaN : Number(s);
  }
  return NaN;
}

const WIDE = Array.from({ length: 70 }, (_, i) => `c${i} INTEGER`);

export default extension({
  name: 'js_tables',
  description: 'Virtual table modules written with the JS SDK, for tests.',
  functions: {
    js_tables_log: { args: [], description: 'What the tables were told since the last call.', call: () => log.splice(0).join('; ') },
  },
  modules: {
    js_series: Series,
    js_memory: Memory,
    js_wide: {
      eponymousOnly: true,
      description: '70 columns, three rows.',
      schema: `CREATE TABLE x(${WIDE.join(', ')})`,
      connect: () => ({
        *scan() {
          for (let r = 1; r <= 3; r++) yield { rowid: 99 + r, values: Array.from({ length: 70 }, (_, i) => (r - 1) * 100 + i) };
        },
      }),
    },
  },
});
